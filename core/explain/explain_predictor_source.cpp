#include "explain/explain_context.h"
#include "explain/external_predictor.h"
#include "model/model.h"

namespace assay::explain {

Result<std::unique_ptr<Predictor>> predictorFor(const ExplainContext &context)
{
    const ExplainInputs &inputs = context.inputs;
    if (inputs.model)
        return std::unique_ptr<Predictor>(
            std::make_unique<ModelPredictor>(*inputs.model->model, context.threads));
    return std::unique_ptr<Predictor>(std::make_unique<ExternalPredictor>(inputs.predictCommand));
}

} // namespace assay::explain
