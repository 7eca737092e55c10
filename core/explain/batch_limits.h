#pragma once

#include <cstddef>

namespace assay::explain {

// The most feature values an explainer hands the predictor in one call (64 MiB of doubles):
// large batches so an external program starts rarely, bounded memory whatever the data size.
constexpr std::size_t kBatchValues = std::size_t{8} << 20;

// The same for the explainers that group many rows' samples (KernelSHAP's coalitions, LIME's
// neighbourhoods) into one call: about 16 MB, several rows at a time.
constexpr std::size_t kSampleBatchValues = 2'000'000;

} // namespace assay::explain
