#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "model/feature_matrix.h"

#include <cstddef>
#include <string>
#include <vector>

namespace assay::model {
class Model;
}

namespace assay::explain {

// A batch of predictions: rows × outputs, row-major.
struct Predictions {
    std::size_t rows = 0;
    std::size_t outputs = 0;
    std::vector<double> values;

    double at(std::size_t row, std::size_t output) const { return values[row * outputs + output]; }
};

// Whatever turns rows of model features into predictions: an Assay model, or an external
// program the user names (--predict-cmd). The model-agnostic explainers (KernelSHAP, LIME,
// permutation importance, partial dependence) see models only through this.
class Predictor {
public:
    virtual ~Predictor() = default;

    // The names of the outputs: one per class for multiclass, else one ("prediction" or the
    // positive class). Known once predict has run at least once for an external program.
    virtual std::vector<std::string> outputNames() const = 0;
    // Predictions for every row of `x` (whose features are the model's, in order).
    // Errors say what went wrong (an external program's exit code and stderr).
    virtual Result<Predictions> predict(const model::FeatureMatrix &x,
                                        const Progress &progress = {}) = 0;
};

// An Assay model as a Predictor: Model::predict (probabilities for classification).
class ModelPredictor final : public Predictor {
public:
    ModelPredictor(const model::Model &model, unsigned threads) : m_model(model), m_threads(threads) {}

    std::vector<std::string> outputNames() const override;
    Result<Predictions> predict(const model::FeatureMatrix &x, const Progress &progress = {}) override;

private:
    const model::Model &m_model;
    unsigned m_threads;
};

} // namespace assay::explain
