#pragma once

#include "common/result.h"
#include "model/linear_design.h"
#include "model/model.h"

#include <QJsonObject>

#include <memory>
#include <vector>

namespace assay::model {

// What a linear model learned, in design-column terms (see DesignLayout).
struct LinearParameters {
    bool dropFirstLevel = false;
    std::vector<double> means;      // per feature: the numeric training mean; 0 for categorical
    std::vector<double> intercepts; // one per output
    std::vector<std::vector<double>> coefficients; // [output][design column]
};

// Linear regression (kind "linear": the margin is the value) and logistic regression (kind
// "logistic": sigmoid of the margin for binary tasks, softmax over one margin per class for
// multiclass). margin[o] = intercepts[o] + Σ coefficients[o][c] · design[c].
class LinearModel final : public Model {
public:
    // The parameters' sizes must fit the signature (fromJson checks documents).
    LinearModel(ModelSignature signature, LinearParameters parameters);

    std::string_view kind() const override;
    void predict(const FeatureMatrix &x, std::span<double> out,
                 unsigned threads = 0) const override;

    const LinearParameters &parameters() const { return m_parameters; }
    const DesignLayout &layout() const { return m_layout; }

    // {"coding": "all_levels" | "drop_first_level", "columns": [names], "means": [...],
    //  "intercepts": [...], "coefficients": [[...] per output]}
    QJsonObject parametersToJson() const override;
    // Reads what parametersToJson wrote; InvalidInput names the key under "model" that is wrong.
    static Result<std::unique_ptr<LinearModel>> fromJson(ModelSignature signature,
                                                         const QJsonObject &parameters);

private:
    void predictRows(const FeatureMatrix &x, std::size_t begin, std::size_t end,
                     std::span<double> out) const;

    LinearParameters m_parameters;
    DesignLayout m_layout;
    std::vector<double> m_coefficientsByColumn; // [column][output], for cache-friendly predict
};

} // namespace assay::model
