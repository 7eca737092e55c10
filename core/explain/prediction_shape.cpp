#include "explain/prediction_shape.h"

#include <string>

namespace assay::explain {

Status checkPredictionShape(const Predictions &predictions, std::size_t rows, std::size_t outputs,
                            std::string_view explainer)
{
    const bool outputsFit = outputs == 0 ? predictions.outputs > 0 : predictions.outputs == outputs;
    if (predictions.rows == rows && outputsFit &&
        predictions.values.size() == predictions.rows * predictions.outputs)
        return {};
    std::string expected = std::to_string(rows) + " rows";
    if (outputs > 0)
        expected += " × " + std::to_string(outputs) + " outputs";
    return Error::invalidInput(
        std::string(explainer) + ": the predictor returned " + std::to_string(predictions.rows) +
        " rows × " + std::to_string(predictions.outputs) + " outputs (" +
        std::to_string(predictions.values.size()) + " values), expected " + expected);
}

} // namespace assay::explain
