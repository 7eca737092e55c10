#include "explain/explain_context.h"
#include "model/model.h"

namespace assay::explain {

Result<std::unique_ptr<Predictor>> predictorFor(const ExplainContext &context)
{
    const ExplainInputs &inputs = context.inputs;
    if (inputs.model)
        return std::unique_ptr<Predictor>(
            std::make_unique<ModelPredictor>(*inputs.model->model, context.threads));
    return Error::invalidInput("explain: --predict-cmd is not available in this build yet");
}

} // namespace assay::explain
