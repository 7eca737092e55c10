#include "command_registry.h"
#include "model_inputs.h"
#include "model_report.h"
#include "output.h"
#include "read_options.h"
#include "model/evaluation_json.h"
#include "model/target.h"

#include <cmath>
#include <sstream>

namespace assay::cli {

namespace {

const char *const kEvaluateDetails =
    "Measures a model on labelled data. Classifiers: accuracy, precision, recall and F1 (binary "
    "of the positive class; macro and weighted averages), ROC AUC, PR AUC (average precision), "
    "log loss, Brier score (binary) and the confusion matrix; regressors: RMSE, MAE, R² and MAPE. "
    "The target column defaults to the one the model was trained on; rows without a target "
    "value are left out. The binary decision threshold is 0.5.";

int runEvaluate(CommandContext &context)
{
    const Command &command = *findCommand("evaluate");
    if (!context.arguments.positional().empty())
        return usageError(command, "unexpected argument '" + context.arguments.positional().front() + "'");
    auto inputs = readModelInputs(context);
    if (!inputs)
        return fail(inputs.error());
    const auto &signature = inputs->model.model->signature();
    const std::string targetName = context.arguments.value("target").value_or(signature.target);
    if (targetName.empty())
        return usageError(command, "the model does not name its target; pass --target COL");
    auto target = model::encodeTargetFor(inputs->data, targetName, signature.task, signature.classes,
                                         inputs->dataName);
    if (!target)
        return fail(target.error());

    std::vector<std::size_t> rows;
    for (std::size_t row = 0; row < target->values.size(); ++row)
        if (!std::isnan(target->values[row]))
            rows.push_back(row);
    if (rows.empty())
        return fail(Error::invalidInput(inputs->dataName + ": target '" + targetName + "' has no values"));
    const auto x = rows.size() == inputs->features.rows ? inputs->features : inputs->features.subset(rows);
    std::vector<double> y;
    for (std::size_t row : rows)
        y.push_back(target->values[row]);
    auto evaluation = model::evaluate(signature.task, signature.classes.size(), y,
                                      inputs->model.model->predictions(x));
    if (!evaluation)
        return fail(evaluation.error());

    if (context.json) {
        printJson(model::evaluationToJson(*evaluation));
        return ExitOk;
    }
    std::ostringstream out;
    out << inputs->dataName << ": " << evaluation->rows << " rows, " << model::taskName(signature.task)
        << " task, target '" << targetName << "'\n"
        << metricTable({{"value", &*evaluation}});
    if (signature.task != model::Task::Regression)
        out << "\n" << confusionTable(*evaluation, signature.classes);
    printLine(out.str());
    return ExitOk;
}

} // namespace

void addEvaluateCommand(std::vector<Command> &into)
{
    std::vector<OptionSpec> options = readOptionSpecs();
    options.push_back({"model", true, "MODEL", "a run id, an Assay model file or an XGBoost JSON model"});
    options.push_back({"data", true, "DATA", "labelled rows: a file or PATH@REV"});
    options.push_back({"target", true, "COL", "the label column (default: the model's target)"});
    into.push_back({"evaluate", "measure a model on labelled data",
                    "--model MODEL --data DATA [--target COL]", kEvaluateDetails,
                    "assay evaluate --model 4f1c9a... --data data/credit.csv@HEAD --target default --json",
                    options, runEvaluate});
}

} // namespace assay::cli
