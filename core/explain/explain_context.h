#pragma once

#include "common/progress.h"
#include "explain/explain_job.h"
#include "explain/explain_params.h"
#include "explain/predictor.h"
#include "model/feature_matrix.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace assay::explain {

// What every method's job works on, built once by runExplanation and resolvedParams.
struct ExplainContext {
    ExplainContext(const ExplainInputs &explained, unsigned threadCount, Progress reporting)
        : inputs(explained), threads(threadCount), progress(std::move(reporting))
    {
    }

    const ExplainInputs &inputs;
    model::FeatureMatrix all; // every data row, the model's features in order
    std::size_t firstRow = 0; // the rows to explain: [firstRow, lastRow) of the data
    std::size_t lastRow = 0;
    model::FeatureMatrix x;          // those rows
    std::vector<std::size_t> rowIds; // their indices in the data
    std::optional<model::Task> task; // the model's, or the --target column's for a predict command
    unsigned threads = 0;
    Progress progress;
};

// What a method computed; runExplanation adds the subject and the parameters.
struct MethodOutcome {
    std::variant<ShapExplanation, LimeResult, PermutationResult, PartialDependenceResult> result;
    std::vector<std::string> outputs; // one name per output
    std::optional<ShapInteractions> interactions;
};

// The model as a Predictor: ModelPredictor, or an ExternalPredictor running the predict command.
Result<std::unique_ptr<Predictor>> predictorFor(const ExplainContext &context);

// Each method reads its parameters (filling in defaults; `context` is ready) and runs with the
// resolved ones. One file per method.
Status resolveShapParams(const ExplainContext &context, ExplainParams &params);
Result<MethodOutcome> runShapJob(const ExplainContext &context, const QJsonObject &params);
Status resolveKernelParams(const ExplainContext &context, ExplainParams &params);
Result<MethodOutcome> runKernelJob(const ExplainContext &context, const QJsonObject &params);
Status resolveLimeParams(const ExplainContext &context, ExplainParams &params);
Result<MethodOutcome> runLimeJob(const ExplainContext &context, const QJsonObject &params);
Status resolvePermutationParams(const ExplainContext &context, ExplainParams &params);
Result<MethodOutcome> runPermutationJob(const ExplainContext &context, const QJsonObject &params);
Status resolvePartialDependenceParams(const ExplainContext &context, ExplainParams &params);
Result<MethodOutcome> runPartialDependenceJob(const ExplainContext &context,
                                              const QJsonObject &params);

} // namespace assay::explain
