#pragma once

#include <cstdint>
#include <string>

namespace assay::track {

// Milliseconds since the epoch, as MLflow stores times.
std::int64_t nowMs();

// A new run id: 32 lowercase hex digits, random (MLflow's format).
std::string newRunId();

} // namespace assay::track
