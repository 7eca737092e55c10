#include "command_registry.h"
#include "command_workspace.h"
#include "model_report.h"
#include "output.h"
#include "text_format.h"
#include "model/evaluation_json.h"
#include "model/training_run.h"

#include <QJsonArray>

#include <algorithm>
#include <charconv>
#include <set>
#include <sstream>

namespace assay::cli {

namespace {

const char *const kTrainDetails =
    "Trains a model on a dataset and records it as a run: its params, per-round training and "
    "validation curves (boosting), final metrics per part (train_*, valid_*, test_*), the model "
    "(artifact model/model.json) and the dataset with its md5 and git revision. By default the "
    "rows are split 0.7/0.15/0.15 into train, validation (early stopping, curves) and test, "
    "stratified by class for classifiers, or grouped by --group COL so that rows of one group "
    "(a customer, a patient) never straddle parts; --cv K runs k-fold cross-validation instead "
    "(stratified or grouped likewise, --repeats R for repeated k-fold), with one "
    "child run per fold and cv_<metric>_mean/_std on the parent, then trains the final model on "
    "every row. Models: linreg, ridge, logreg, tree, forest, gbt; their --param names are "
    "listed below. The task (binary, multiclass, regression) follows the target's type "
    "unless --task says otherwise.";

std::vector<std::string> splitList(const std::string &text)
{
    std::vector<std::string> items;
    std::stringstream stream(text);
    for (std::string item; std::getline(stream, item, ',');)
        if (!item.empty())
            items.push_back(item);
    return items;
}

Result<double> parseFraction(const std::string &text)
{
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return Error::invalidInput("--split: '" + text + "' is not a number");
    return value;
}

Status readSplit(const std::string &text, model::TrainRequest &request)
{
    const auto items = splitList(text);
    if (items.size() < 2 || items.size() > 3)
        return Error::invalidInput("--split: expected TRAIN,VALID[,TEST] fractions, e.g. 0.7,0.15,0.15");
    std::vector<double> fractions;
    for (const auto &item : items) {
        auto value = parseFraction(item);
        if (!value)
            return value.error();
        fractions.push_back(*value);
    }
    fractions.resize(3, 0.0);
    request.trainFraction = fractions[0];
    request.validationFraction = fractions[1];
    request.testFraction = fractions[2];
    return {};
}

Result<std::uint64_t> parseUnsigned(const std::string &option, const std::string &text)
{
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return Error::invalidInput("--" + option + ": '" + text + "' is not a whole number");
    return value;
}

Result<model::TrainRequest> requestFrom(const Arguments &arguments)
{
    model::TrainRequest request;
    const auto data = arguments.value("data");
    const auto target = arguments.value("target");
    if (!data || !target)
        return Error::invalidInput("--data and --target are required");
    request.data = *data;
    request.target = *target;
    request.trainer = arguments.value("model").value_or("gbt");
    if (auto features = arguments.value("features"))
        request.features = splitList(*features);
    if (auto exclude = arguments.value("exclude"))
        request.exclude = splitList(*exclude);
    for (const auto &param : arguments.values("param")) {
        const auto eq = param.find('=');
        if (eq == std::string::npos || eq == 0)
            return Error::invalidInput("--param: expected KEY=VALUE, got '" + param + "'");
        request.params[param.substr(0, eq)] = param.substr(eq + 1);
    }
    if (auto task = arguments.value("task")) {
        request.task = model::taskFromName(*task);
        if (!request.task)
            return Error::invalidInput("--task: expected binary, multiclass or regression");
    }
    if (arguments.value("cv") && arguments.value("split"))
        return Error::invalidInput("--cv and --split exclude each other");
    if (auto split = arguments.value("split"))
        ASSAY_TRY(readSplit(*split, request));
    if (auto cv = arguments.value("cv")) {
        auto folds = parseUnsigned("cv", *cv);
        if (!folds)
            return folds.error();
        if (*folds < 2)
            return Error::invalidInput("--cv: expected at least 2 folds");
        request.folds = static_cast<int>(*folds);
    }
    if (auto repeats = arguments.value("repeats")) {
        if (!arguments.value("cv"))
            return Error::invalidInput("--repeats needs --cv K");
        auto value = parseUnsigned("repeats", *repeats);
        if (!value)
            return value.error();
        if (*value < 1)
            return Error::invalidInput("--repeats: expected at least 1");
        request.repeats = static_cast<int>(*value);
    }
    request.groupColumn = arguments.value("group").value_or("");
    if (auto seed = arguments.value("seed")) {
        auto value = parseUnsigned("seed", *seed);
        if (!value)
            return value.error();
        request.seed = *value;
    }
    if (auto threads = arguments.value("threads")) {
        auto value = parseUnsigned("threads", *threads);
        if (!value)
            return value.error();
        request.threads = static_cast<unsigned>(*value);
    }
    request.experiment = arguments.value("experiment").value_or("");
    request.runName = arguments.value("name").value_or("");
    return request;
}

QJsonObject outcomeToJson(const model::TrainOutcome &outcome)
{
    QJsonObject parts;
    for (const auto &part : outcome.parts)
        parts.insert(qs(part.part), model::evaluationToJson(part.evaluation));
    QJsonObject document{{QStringLiteral("run_id"), qs(outcome.runId)},
                         {QStringLiteral("task"), qs(std::string(model::taskName(outcome.model->signature().task)))},
                         {QStringLiteral("rows"), static_cast<qint64>(outcome.rows)},
                         {QStringLiteral("rows_without_target"), static_cast<qint64>(outcome.rowsWithoutTarget)},
                         {QStringLiteral("parts"), parts}};
    if (!outcome.folds.empty()) {
        QJsonArray folds;
        for (const auto &fold : outcome.folds)
            folds.append(QJsonObject{{QStringLiteral("run_id"), qs(fold.runId)},
                                     {QStringLiteral("metrics"), model::evaluationToJson(fold.evaluation)
                                                                     .value(QStringLiteral("metrics"))}});
        QJsonObject summary;
        for (const auto &[metric, value] : outcome.foldSummary)
            summary.insert(qs(metric), QJsonObject{{QStringLiteral("mean"), value.mean},
                                                   {QStringLiteral("std"), value.std}});
        document.insert(QStringLiteral("folds"), folds);
        document.insert(QStringLiteral("cv"), summary);
    }
    return document;
}

void printOutcome(const model::TrainOutcome &outcome, const model::TrainRequest &request)
{
    std::ostringstream out;
    out << "run " << outcome.runId << " (" << request.trainer << ", "
        << model::taskName(outcome.model->signature().task) << ", " << outcome.rows << " rows";
    if (outcome.rowsWithoutTarget > 0)
        out << "; " << outcome.rowsWithoutTarget << " without a target left out";
    out << ")\n";
    std::vector<MetricColumn> columns;
    if (!outcome.folds.empty()) {
        for (std::size_t f = 0; f < outcome.folds.size(); ++f)
            columns.push_back({"fold " + std::to_string(f + 1), &outcome.folds[f].evaluation});
        out << metricTable(columns) << "\n  mean ± std over " << outcome.folds.size() << " folds:\n";
        std::set<std::string> names;
        std::size_t width = 0;
        for (const auto &[metric, value] : outcome.foldSummary) {
            names.insert(metric);
            width = std::max(width, metric.size());
        }
        for (const auto &metric : metricReadingOrder(outcome.model->signature().task, names)) {
            const auto &value = outcome.foldSummary.at(metric);
            out << "  " << padded(metric, width + 2) << compactNumber(value.mean) << " ± "
                << compactNumber(value.std) << "\n";
        }
    } else {
        for (const auto &part : outcome.parts)
            columns.push_back({part.part, &part.evaluation});
        out << metricTable(columns);
    }
    out << "model: " << outcome.runId << " (predict with `assay predict --model " << outcome.runId
        << " --data DATA --out FILE`)";
    printLine(out.str());
}

int runTrain(CommandContext &context)
{
    const Command &command = *findCommand("train");
    if (!context.arguments.positional().empty())
        return usageError(command, "unexpected argument '" + context.arguments.positional().front() + "'");
    auto request = requestFrom(context.arguments);
    if (!request)
        return usageError(command, request.error().message);
    auto workspace = openCommandWorkspace(context);
    if (!workspace)
        return fail(workspace.error());
    auto outcome = model::trainAndRecord(*workspace, *request, context.progress);
    if (!outcome)
        return fail(outcome.error());
    if (context.json)
        printJson(outcomeToJson(*outcome));
    else
        printOutcome(*outcome, *request);
    return ExitOk;
}

std::string trainerHelp()
{
    std::ostringstream out;
    out << kTrainDetails << "\n\nModels and their parameters (--param NAME=VALUE):";
    for (const auto &trainer : model::trainers()) {
        out << "\n  " << trainer->name() << ": " << trainer->description();
        for (const auto &spec : trainer->params()) {
            out << "\n    " << padded(spec.name, 22) << spec.help;
            if (spec.type == model::ParamSpec::Type::Choice) {
                out << " (";
                for (std::size_t i = 0; i < spec.choices.size(); ++i)
                    out << (i ? "|" : "") << spec.choices[i];
                out << ")";
            } else {
                out << " (default " << compactNumber(spec.defaultValue) << ")";
            }
        }
    }
    return out.str();
}

} // namespace

void addTrainCommand(std::vector<Command> &into)
{
    into.push_back(
        {"train", "train a model and record it as a run",
         "--data DATA --target COL [--model M] [--features A,B,... | --exclude A,B,...] [--param K=V ...] "
         "[--split TR,VA[,TE] | --cv K [--repeats R]] [--group COL] [--task T] [--experiment E] [--name N] [--seed S] [--threads N]",
         trainerHelp(),
         "assay train --data data/credit.csv --target defaulted --exclude application_id,application_date "
         "--model gbt --param max_depth=4 --cv 5",
         {{"data", true, "DATA", "the training data: a file or PATH@REV"},
          {"target", true, "COL", "the column to predict"},
          {"model", true, "M", "linreg, ridge, logreg, tree, forest or gbt (default gbt)"},
          {"features", true, "A,B,...", "the feature columns (default: every column but the target)"},
          {"exclude", true, "A,B,...", "columns that are not features, such as ids and dates"},
          {"param", true, "K=V", "a model parameter; repeatable"},
          {"split", true, "TR,VA[,TE]", "train/validation/test fractions (default 0.7,0.15,0.15)"},
          {"cv", true, "K", "k-fold cross-validation instead of a split"},
          {"repeats", true, "R", "repeat the k-fold cross-validation R times with fresh shuffles"},
          {"group", true, "COL", "keep rows with the same COL value in one part or fold (no feature then)"},
          {"task", true, "T", "binary, multiclass or regression (default: from the target)"},
          {"experiment", true, "E", "the experiment to record the run in"},
          {"name", true, "N", "the run's name"},
          {"seed", true, "S", "the seed of the split and the model (default 0)"},
          {"threads", true, "N", "threads to train with (default: one per core)"}},
         runTrain});
}

} // namespace assay::cli
