#pragma once

#include "model/feature_binning.h"
#include "model/gradient_histogram.h"
#include "model/quantized_gradients.h"
#include "model/row_partitioner.h"
#include "model/split_finder.h"
#include "model/tree_ensemble.h"

#include <cstdint>
#include <span>
#include <vector>

namespace assay::model {

class WorkerPool;

struct TreeParams {
    int maxDepth = 6;
    double learningRate = 0.3;
    SplitParams split;
};

// Grows one regression tree on binned rows level by level (XGBoost's depthwise "hist"): all
// nodes of a level find their best splits from histograms; of two siblings only the one with
// fewer rows is built from its rows, the other is the parent's histogram minus it.
class TreeBuilder {
public:
    TreeBuilder(const BinnedMatrix &bins, WorkerPool &pool, TreeParams params);

    // `rows`: the (sub)sampled training rows, ascending; `allowedFeatures[f]`: whether the
    // tree may split on feature f. Leaf values include the learning rate; cover is the
    // hessian sum.
    Tree grow(const QuantizedGradients &gradients, std::span<const std::uint32_t> rows,
              std::span<const char> allowedFeatures, std::int32_t outputGroup);

    // Adds each leaf's value of the tree grow() returned last to the margins of the rows that
    // reached it: margins[row * stride + tree.outputGroup].
    void addLeafValues(const Tree &tree, std::span<float> margins, std::size_t stride) const;

private:
    struct GrowingNode {
        std::int32_t index;
        RowRange rows;
        GradientSum sum;
        GradientSum *histogram; // null once not needed
    };

    GradientSum *acquireHistogram();
    void releaseHistogram(GradientSum *histogram);
    std::vector<Split> findSplits(const std::vector<GrowingNode> &level,
                                  const QuantizedGradients &gradients,
                                  std::span<const char> allowedFeatures);
    std::vector<GrowingNode> splitLevel(const std::vector<GrowingNode> &level,
                                        const std::vector<Split> &splits, Tree &tree,
                                        bool buildChildHistograms,
                                        const QuantizedGradients &gradients);

    const BinnedMatrix &m_bins;
    WorkerPool &m_pool;
    TreeParams m_params;
    HistogramBuilder m_histograms;
    RowPartitioner m_partitioner;
    std::vector<std::vector<GradientSum>> m_histogramStore;
    std::vector<GradientSum *> m_freeHistograms;
    std::vector<RowRange> m_leafRows; // per node of the last tree; meaningful on leaves
};

} // namespace assay::model
