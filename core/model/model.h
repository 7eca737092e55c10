#pragma once

#include "model/feature_matrix.h"
#include "model/task.h"

#include <QJsonObject>

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace assay::model {

// What a model takes and gives, whatever its kind.
struct ModelSignature {
    Task task = Task::Regression;
    std::string target;               // the target column's name
    std::vector<std::string> classes; // classification: the labels, index = class index
    std::vector<FeatureSpec> features;

    // 1 for regression and binary tasks, one per class for multiclass.
    std::size_t outputCount() const { return task == Task::Multiclass ? classes.size() : 1; }
};

// A trained model. Predictions are deterministic: the same matrix gives the same bits whatever
// the thread count.
class Model {
public:
    virtual ~Model() = default;

    // "linear", "logistic", "trees": the document's "kind", which says how to read "model".
    virtual std::string_view kind() const = 0;
    const ModelSignature &signature() const { return m_signature; }

    // Writes rows × outputCount() values, row-major, into `out`: probabilities for
    // classification (the positive class's for binary), values for regression. `x` has the
    // signature's features in order (buildMatrix). threads == 0: one per core.
    virtual void predict(const FeatureMatrix &x, std::span<double> out,
                         unsigned threads = 0) const = 0;
    // The same into a new vector (named apart so overriding predict does not hide it).
    std::vector<double> predictions(const FeatureMatrix &x, unsigned threads = 0) const
    {
        std::vector<double> out(x.rows * m_signature.outputCount());
        predict(x, out, threads);
        return out;
    }

    // The kind-specific part of the model document (see model_document.h).
    virtual QJsonObject parametersToJson() const = 0;

protected:
    explicit Model(ModelSignature signature) : m_signature(std::move(signature)) {}

private:
    ModelSignature m_signature;
};

} // namespace assay::model
