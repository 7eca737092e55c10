#pragma once

#include "common/random.h"
#include "model/boosting_objective.h"
#include "model/feature_binning.h"
#include "model/gbt_params.h"
#include "model/quantized_gradients.h"
#include "model/tree_builder.h"
#include "model/tree_ensemble.h"

#include <cstdint>
#include <span>
#include <vector>

namespace assay::model {

class WorkerPool;

// The state of a boosting run: margins of the training (and validation) rows, the trees so
// far, and the round's gradients. Each round adds one tree per output and updates the
// margins incrementally from the new trees' leaves, never by predicting again.
class Booster {
public:
    Booster(const FeatureMatrix &x, std::span<const double> y, const BinnedMatrix &bins,
            const BoostingObjective &objective, const GbtParams &params, std::uint64_t seed,
            WorkerPool &pool);

    // Optional: margins of these rows are kept up to date for validation metrics.
    void setValidation(const FeatureMatrix &x, std::span<const double> y);

    void boostRound();
    double trainMetric() const;
    double validationMetric() const;

    const std::vector<float> &baseMargin() const { return m_baseMargin; }
    // The trees of the first `rounds` rounds.
    std::vector<Tree> takeTrees(int rounds);

private:
    std::vector<std::uint32_t> drawRows();
    std::vector<char> drawFeatures();
    void computeGradients();
    void addToOutOfSampleRows(const Tree &tree, std::span<const std::uint32_t> sampled);
    void addToValidation(const Tree &tree);

    const FeatureMatrix &m_x;
    std::span<const double> m_y;
    const BoostingObjective &m_objective;
    GbtParams m_params;
    WorkerPool &m_pool;
    Random m_random;
    TreeBuilder m_builder;
    std::size_t m_outputs;
    std::vector<float> m_baseMargin;
    std::vector<float> m_margins;       // rows × outputs
    std::vector<double> m_grad, m_hess; // outputs × rows
    QuantizedGradients m_quantized;
    std::vector<Tree> m_trees;

    const FeatureMatrix *m_validX = nullptr;
    std::span<const double> m_validY;
    std::vector<float> m_validMargins;
};

} // namespace assay::model
