#include "explain/predictor.h"

#include "model/model.h"

namespace assay::explain {

std::vector<std::string> ModelPredictor::outputNames() const
{
    const model::ModelSignature &signature = m_model.signature();
    switch (signature.task) {
    case model::Task::Multiclass:
        return signature.classes;
    case model::Task::Binary:
        return {signature.classes.size() == 2 ? signature.classes[1] : std::string("positive")};
    case model::Task::Regression:
        break;
    }
    return {"prediction"};
}

Result<Predictions> ModelPredictor::predict(const model::FeatureMatrix &x, const Progress &progress)
{
    if (progress.isCancelled())
        return Error::cancelled();
    Predictions predictions{.rows = x.rows, .outputs = m_model.signature().outputCount(), .values = {}};
    predictions.values = m_model.predictions(x, m_threads);
    return predictions;
}

} // namespace assay::explain
