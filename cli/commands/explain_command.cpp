#include "command_registry.h"
#include "explain/explanation_store.h"
#include "explain_inputs.h"
#include "explain_json.h"
#include "explain_options.h"
#include "explain_tables.h"
#include "output.h"
#include "table/csv_writer.h"
#include "text_format.h"

#include <QJsonArray>

#include <cstdio>

namespace assay::cli {

namespace {

using explain::ExplainMethod;

const char *const kExplainDetails =
    "Explains a model's predictions. Each method is a subcommand:\n\n"
    "  shap         exact TreeSHAP of a tree model (our trees, forests, boosting, imported "
    "XGBoost), in margin space (log-odds for binary models, one set per class for multiclass):\n"
    "               assay explain shap --model RUN --data data/credit.csv --rows 0:1000 --json\n"
    "  kernel       KernelSHAP of any model, or of a program (--predict-cmd):\n"
    "               assay explain kernel --model RUN --data data/credit.csv --rows 0:20 --json\n"
    "  lime         LIME conditions and weights for each row:\n"
    "               assay explain lime --model RUN --data data/credit.csv --rows 0:5\n"
    "  permutation  how much a metric drops when each feature is shuffled:\n"
    "               assay explain permutation --model RUN --data data/credit.csv --json\n"
    "  pdp          partial dependence (and ICE curves) of a few features:\n"
    "               assay explain pdp --model RUN --data data/credit.csv --features "
    "age,annual_income\n\n"
    "In the demo workspace (`assay demo DIR`), RUN is a run id from "
    "`assay runs list --experiment credit-default-models`. Inside a workspace every result is "
    "cached in the content store, keyed by the model's md5, the data's md5, the method and its "
    "parameters, and attached to the model's run as explain/METHOD-KEY.json: the same command "
    "again reads it back (stderr says \"cached\"); --no-cache recomputes. Progress goes to "
    "stderr; Ctrl-C stops cleanly (exit 130). `assay help explain METHOD` lists its options.";

const char *const kShapDetails =
    "Exact path-dependent TreeSHAP (or interventional with --background N) of a tree model. "
    "Data columns are matched to the model's features by name; extra columns are ignored, a "
    "missing feature is an error. --out writes a CSV with one column per model feature in the "
    "model's order, then `bias`, one line per explained row; contributions plus bias equal the "
    "row's margin. A multiclass model writes one block of columns per class, `feature@class` "
    "and `bias@class`. With --interactions, --out writes the interaction values instead, in long "
    "format: row, output, feature_a, feature_b, value (the diagonal holds the main effects, each "
    "pair's interaction is split in two halves (a, b) and (b, a)), and a last line per row and "
    "output with the bias (feature_a = feature_b = bias). --json prints {\"features\": "
    "[{\"name\", \"mean_abs\"}], \"bias\", \"rows\"} with the features by decreasing mean "
    "|SHAP|; for a multiclass model mean_abs and bias are averaged over the classes and "
    "\"outputs\" holds the same per class; with --interactions \"interactions\" lists the 10 "
    "strongest pairs.";

const char *const kKernelDetails =
    "Model-agnostic KernelSHAP: any Assay model, or with --predict-cmd a program Assay cannot "
    "load; then every --data column except --target and --exclude is a feature, the program "
    "reads CSV rows (header line, then one line per row) on stdin and prints one prediction, or "
    "one comma-separated row of class probabilities, per line. The background is the data "
    "summarised by k-means (--clusters, default 10), coalitions default to 2·features + 2048, "
    "seeded. Values are in the model's output space (probabilities for classifiers). Without "
    "--rows the first 20 rows are explained. --out and --json as for `assay explain shap`.";

const char *const kLimeDetails =
    "LIME for tabular data: quartile discretisation of the whole --data, 5000 perturbed samples "
    "per row, kernel width 0.75·√features, weighted ridge, seeded. Each explained row (--rows; "
    "the first 20 without it) gets up to --max-features conditions with weights and the local "
    "fit's R². "
    "--out writes row, output, rank, feature, condition, weight, intercept, local_prediction, "
    "model_prediction, score.";

const char *const kPermutationDetails =
    "Permutation importance: the drop of --metric when one feature's column is shuffled, "
    "--repeats times per feature, mean ± std. The label column is the model's target (or "
    "--target; required with --predict-cmd); rows without a label are left out. --out writes "
    "feature, mean, std, drop_1 … drop_R.";

const char *const kPdpDetails =
    "Partial dependence with ICE curves (sklearn's method='brute'): each feature in --features "
    "(default the 4 with the largest mean |SHAP| for a tree model, else the first 4) set to each "
    "value of a grid between two percentiles, the predictions averaged over the rows. --out writes "
    "feature, value, output, average.";

struct MethodCommand {
    ExplainMethod method;
    const char *summary;
    const char *usage;
    const char *details;
    const char *example;
};

const MethodCommand kMethodCommands[] = {
    {ExplainMethod::TreeShap, "TreeSHAP values of a tree model",
     "--model M --data D [--rows 0:1000] [--interactions] [--background N] [--threads N] "
     "[--out shap.csv]",
     kShapDetails,
     "assay explain shap --model RUN --data data/credit.csv --rows 0:1000 --out shap.csv --json"},
    {ExplainMethod::KernelShap, "KernelSHAP values of any model or program",
     "(--model M | --predict-cmd CMD) --data D [--rows 0:20] [--coalitions N] [--clusters K] "
     "[--out kernel.csv]",
     kKernelDetails,
     "assay explain kernel --predict-cmd \"python3 score.py\" --data data/credit.csv --target "
     "defaulted --exclude application_id --exclude application_date --rows 0:10 --json"},
    {ExplainMethod::Lime, "LIME explanations of a few rows",
     "(--model M | --predict-cmd CMD) --data D [--rows 0:5] [--samples N] [--out lime.csv]",
     kLimeDetails, "assay explain lime --model RUN --data data/credit.csv --rows 0:5"},
    {ExplainMethod::Permutation, "permutation importance of the features",
     "(--model M | --predict-cmd CMD) --data D [--target COL] [--metric NAME] [--repeats N] "
     "[--out importance.csv]",
     kPermutationDetails,
     "assay explain permutation --model RUN --data data/credit.csv --metric roc_auc --json"},
    {ExplainMethod::PartialDependence, "partial dependence and ICE curves",
     "(--model M | --predict-cmd CMD) --data D [--features A,B] [--grid-resolution N] "
     "[--out pdp.csv]",
     kPdpDetails,
     "assay explain pdp --model RUN --data data/credit.csv --features age,annual_income --json"},
};

std::string commandName(ExplainMethod method)
{
    return "explain " + std::string(explain::methodName(method));
}

void note(const std::string &message)
{
    std::fprintf(stderr, "assay: %s\n", message.c_str());
}

// The cached explanation of this request, when the workspace has it.
Result<std::optional<explain::Explanation>>
cachedExplanation(explain::ExplanationStore &store, const explain::ExplainInputs &inputs,
                  const explain::ExplainRequest &request)
{
    auto params = explain::resolvedParams(inputs, request);
    if (!params)
        return params.error();
    const std::string key =
        explain::explanationKey(request.method, inputs.modelMd5, inputs.dataMd5, *params);
    auto entry = store.find(key);
    if (!entry)
        return entry.error();
    if (!*entry)
        return std::optional<explain::Explanation>();
    auto loaded = store.load(**entry);
    if (!loaded)
        return loaded.error();
    note("explain: using the cached explanation " + key.substr(0, 8) + " (--no-cache recomputes)");
    return std::optional<explain::Explanation>(std::move(*loaded));
}

Status writeOut(const explain::ExplainOutcome &outcome, const std::string &path)
{
    const explain::Explanation &explanation = outcome.explanation;
    table::Table table;
    if (const auto *shap = std::get_if<explain::ShapExplanation>(&explanation.result))
        table = outcome.interactions
                    ? shapInteractionsTable(explanation, *shap, *outcome.interactions)
                    : shapValuesTable(explanation, *shap);
    else if (const auto *lime = std::get_if<explain::LimeResult>(&explanation.result))
        table = limeTable(explanation, *lime);
    else if (const auto *permutation = std::get_if<explain::PermutationResult>(&explanation.result))
        table = permutationTable(explanation, *permutation);
    else
        table = partialDependenceTable(
            explanation, std::get<explain::PartialDependenceResult>(explanation.result));
    return table::writeCsv(table, path);
}

QJsonObject resultJson(const explain::Explanation &explanation)
{
    if (const auto *shap = std::get_if<explain::ShapExplanation>(&explanation.result))
        return shapSummaryJson(explanation, *shap);
    if (const auto *lime = std::get_if<explain::LimeResult>(&explanation.result))
        return limeJson(explanation, *lime);
    if (const auto *permutation = std::get_if<explain::PermutationResult>(&explanation.result))
        return permutationJson(explanation, *permutation);
    return partialDependenceJson(explanation,
                                 std::get<explain::PartialDependenceResult>(explanation.result));
}

// A few readable lines from the JSON summary.
void printSummary(const explain::Explanation &explanation, const QJsonObject &summary)
{
    std::string text = std::string(explain::methodTitle(explanation.method)) + " of " +
                       explanation.subject.modelName + " on " + explanation.subject.dataName + "\n";
    const auto line = [&text](const QString &name, const std::string &value) {
        text += "  " + padded(name.toStdString(), 28) + "  " + value + "\n";
    };
    if (summary.contains(QStringLiteral("bias"))) {
        text += "rows " + std::to_string(summary.value(QStringLiteral("rows")).toInteger()) +
                ", bias " + compactNumber(summary.value(QStringLiteral("bias")).toDouble()) + " (" +
                summary.value(QStringLiteral("space")).toString().toStdString() +
                "), mean |value|:\n";
        for (const QJsonValue &feature : summary.value(QStringLiteral("features")).toArray())
            line(feature[QStringLiteral("name")].toString(),
                 compactNumber(feature[QStringLiteral("mean_abs")].toDouble()));
    } else if (summary.contains(QStringLiteral("explanations"))) {
        for (const QJsonValue &one : summary.value(QStringLiteral("explanations")).toArray()) {
            text += "row " + std::to_string(one[QStringLiteral("row")].toInteger()) + " (" +
                    one[QStringLiteral("output")].toString().toStdString() + "): model " +
                    compactNumber(one[QStringLiteral("model_prediction")].toDouble()) +
                    ", local fit " +
                    compactNumber(one[QStringLiteral("local_prediction")].toDouble()) + ", R² " +
                    compactNumber(one[QStringLiteral("score")].toDouble()) + "\n";
            for (const QJsonValue &term : one[QStringLiteral("terms")].toArray())
                line(term[QStringLiteral("condition")].toString(),
                     compactNumber(term[QStringLiteral("weight")].toDouble()));
        }
    } else if (summary.contains(QStringLiteral("metric"))) {
        text += "drop of " + summary.value(QStringLiteral("metric")).toString().toStdString() +
                " from " + compactNumber(summary.value(QStringLiteral("baseline")).toDouble()) +
                ", mean ± std:\n";
        for (const QJsonValue &feature : summary.value(QStringLiteral("features")).toArray())
            line(feature[QStringLiteral("name")].toString(),
                 compactNumber(feature[QStringLiteral("mean")].toDouble()) + " ± " +
                     compactNumber(feature[QStringLiteral("std")].toDouble()));
    } else {
        for (const QJsonValue &curve : summary.value(QStringLiteral("curves")).toArray())
            line(curve[QStringLiteral("feature")].toString(),
                 std::to_string(curve[QStringLiteral("grid")].toArray().size()) + " grid points");
    }
    text.pop_back();
    printLine(text);
}

int runExplainMethod(CommandContext &context, ExplainMethod method)
{
    const Command &command = *findCommand(commandName(method));
    if (!context.arguments.positional().empty())
        return usageError(command,
                          "unexpected argument '" + context.arguments.positional().front() + "'");
    if (context.arguments.flag("interactions") && context.arguments.value("background"))
        return usageError(command,
                          "--interactions needs path-dependent TreeSHAP; leave out --background");
    auto request = explainRequestFrom(method, context.arguments);
    if (!request)
        return usageError(command, request.error().message);
    auto sources = readExplainSources(context);
    if (!sources)
        return fail(sources.error());
    const auto out = context.arguments.value("out");

    std::optional<explain::ExplanationStore> store;
    if (sources->workspace)
        store.emplace(*sources->workspace);
    // Interaction values are too big to cache: --out with --interactions recomputes them.
    const bool needsInteractions = context.arguments.flag("interactions") && out;
    explain::ExplainOutcome outcome;
    bool cached = false;
    if (store && !context.arguments.flag("no-cache") && !needsInteractions) {
        auto found = cachedExplanation(*store, sources->inputs, *request);
        if (!found)
            return fail(found.error());
        if (*found) {
            outcome.explanation = std::move(**found);
            cached = true;
        }
    }
    std::string key;
    if (!cached) {
        auto computed = explain::runExplanation(sources->inputs, *request, context.progress);
        if (!computed)
            return fail(computed.error());
        outcome = std::move(*computed);
        if (store) {
            auto saved = store->save(outcome.explanation);
            if (!saved)
                return fail(saved.error());
            key = saved->key;
            note("explain: saved explanation " + key.substr(0, 8) +
                 (saved->runId.empty() ? std::string(" in the workspace")
                                       : ", attached to run " + saved->runId.substr(0, 8)));
        }
    }
    if (key.empty())
        key = explain::explanationKey(method, outcome.explanation.subject.modelMd5,
                                      outcome.explanation.subject.dataMd5,
                                      outcome.explanation.params);
    if (out)
        if (auto written = writeOut(outcome, *out); !written)
            return fail(written.error());

    QJsonObject summary = resultJson(outcome.explanation);
    if (context.json) {
        summary.insert(QStringLiteral("method"),
                       QString::fromStdString(std::string(explain::methodName(method))));
        summary.insert(QStringLiteral("key"), QString::fromStdString(key));
        summary.insert(QStringLiteral("cached"), cached);
        summary.insert(QStringLiteral("params"), outcome.explanation.params);
        if (out)
            summary.insert(QStringLiteral("out"), QString::fromStdString(*out));
        printJson(summary);
    } else {
        printSummary(outcome.explanation, summary);
        if (out)
            printLine("wrote " + *out);
    }
    return ExitOk;
}

int runExplainGroup(CommandContext &context)
{
    const Command &command = *findCommand("explain");
    const auto &positional = context.arguments.positional();
    return usageError(command, positional.empty()
                                   ? "which method? shap, kernel, lime, permutation or pdp"
                                   : "unknown method '" + positional.front() +
                                         "' (shap, kernel, lime, permutation or pdp)");
}

} // namespace

void addExplainCommands(std::vector<Command> &into)
{
    into.push_back({"explain",
                    "explain a model: SHAP, LIME, permutation importance, partial dependence",
                    "shap|kernel|lime|permutation|pdp --model M --data D [...]",
                    kExplainDetails,
                    "assay explain shap --model RUN --data data/credit.csv --rows 0:1000 --json",
                    {},
                    runExplainGroup});
    for (const MethodCommand &method : kMethodCommands)
        into.push_back({commandName(method.method), method.summary, method.usage, method.details,
                        method.example, explainOptionSpecs(method.method),
                        [which = method.method](CommandContext &context) {
                            return runExplainMethod(context, which);
                        }});
}

} // namespace assay::cli
