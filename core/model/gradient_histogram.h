#pragma once

#include "model/feature_binning.h"
#include "model/quantized_gradients.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace assay::model {

class WorkerPool;

// A node's histogram: the gradient sums of its rows per feature and bin, feature f's bins at
// [f * kBinsPerFeature, (f + 1) * kBinsPerFeature).
inline constexpr std::size_t kBinsPerFeature = 256;

// One histogram to build: the node's rows (training row indices) and where it goes.
struct HistogramJob {
    std::span<const std::uint32_t> rows;
    GradientSum *histogram = nullptr; // columns() * kBinsPerFeature entries
};

// Builds the histograms of several nodes at once, in blocks of rows spread over the pool;
// a node with several blocks is summed from per-thread partial histograms. Integer sums make
// the result independent of the thread count.
class HistogramBuilder {
public:
    HistogramBuilder(const BinnedMatrix &bins, WorkerPool &pool);

    std::size_t histogramSize() const { return m_bins.columns() * kBinsPerFeature; }
    void build(std::span<const HistogramJob> jobs, const QuantizedGradients &gradients);

    // sibling = parent - child: the larger child's histogram without reading its rows.
    void subtract(const GradientSum *parent, const GradientSum *child, GradientSum *sibling) const;

private:
    struct Task {
        std::size_t job;
        std::size_t begin, end; // within the job's rows
        std::ptrdiff_t partial; // index among jobs built from partials, or -1: write directly
    };

    void accumulate(std::span<const std::uint32_t> rows, const QuantizedGradients &gradients,
                    GradientSum *histogram) const;

    const BinnedMatrix &m_bins;
    WorkerPool &m_pool;
    std::vector<std::vector<GradientSum>> m_partials; // per worker: one histogram per partial job
    std::vector<std::vector<char>> m_touched;         // per worker and partial job
};

} // namespace assay::model
