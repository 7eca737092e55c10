#include "command_registry.h"
#include "govern/fairness.h"
#include "json_values.h"
#include "model_inputs.h"
#include "number_options.h"
#include "output.h"
#include "runs_shared.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace assay::cli {

namespace {

const char *const kFairnessDetails =
    "Measures a binary classifier per group of a sensitive column, with Fairlearn's "
    "definitions: selection rate P(ŷ=1), true positive rate P(ŷ=1 | y=1), false positive rate "
    "P(ŷ=1 | y=0), accuracy and count per group; demographic parity difference (max − min "
    "selection rate) and ratio (min / max); equalized odds difference, the larger of the TPR and "
    "FPR differences. ŷ is 1 when the positive class's probability is at least --threshold "
    "(0.5). The positive label defaults to the model's positive class. Rows without a target "
    "value are left out; missing sensitive values form the group \"(missing)\". A rate whose "
    "denominator is zero (a group without positives has no TPR) is NaN (null in JSON) and is "
    "left out of the differences; Fairlearn would count it as 0. The model is a run id or name, "
    "a model file, or a registered version NAME:VERSION or NAME@ALIAS. With "
    "--max-parity-difference or --max-equalized-odds-difference the command exits 1 when the "
    "difference is larger (a NaN difference passes), so CI can gate on it.";

struct Check {
    std::string name;
    double value = 0;
    double max = 0;
    bool passed() const { return !(value > max); }
};

std::string rateText(double value)
{
    return std::isnan(value) ? "-" : metricText(value);
}

std::vector<std::string> groupRow(const govern::GroupMetrics &group)
{
    return {group.group,
            std::to_string(group.count),
            rateText(group.selectionRate),
            rateText(group.truePositiveRate),
            rateText(group.falsePositiveRate),
            rateText(group.accuracy)};
}

void printReport(const govern::FairnessRequest &request, const govern::FairnessReport &report,
                 const std::vector<Check> &checks)
{
    printLine(request.data + ": " + std::to_string(report.overall.count) +
              " rows, sensitive column '" + report.sensitiveColumn + "', positive label '" +
              report.positiveLabel + "', threshold " + metricText(report.threshold) + "\n");
    std::vector<std::vector<std::string>> rows{
        {"GROUP", "COUNT", "SELECTION", "TPR", "FPR", "ACCURACY"}};
    for (const auto &group : report.groups)
        rows.push_back(groupRow(group));
    rows.push_back(groupRow(report.overall));
    printTable(rows);
    std::ostringstream summary;
    summary << "\ndemographic parity difference  " << rateText(report.demographicParityDifference)
            << "\ndemographic parity ratio       " << rateText(report.demographicParityRatio)
            << "\nequalized odds difference      " << rateText(report.equalizedOddsDifference)
            << " (TPR difference " << rateText(report.truePositiveRateDifference)
            << ", FPR difference " << rateText(report.falsePositiveRateDifference) << ")";
    for (const auto &check : checks)
        summary << "\n"
                << (check.passed() ? "ok      " : "FAILED  ") << check.name << " "
                << rateText(check.value) << (check.passed() ? " ≤ " : " > ")
                << metricText(check.max);
    printLine(summary.str());
}

int runFairness(CommandContext &context)
{
    const Command &command = *findCommand("fairness");
    if (!context.arguments.positional().empty())
        return usageError(command,
                          "unexpected argument '" + context.arguments.positional().front() + "'");
    const auto model = context.arguments.value("model");
    const auto data = context.arguments.value("data");
    const auto sensitive = context.arguments.value("sensitive");
    if (!model || !data || !sensitive)
        return usageError(command, "--model, --data and --sensitive are required");
    govern::FairnessRequest request{.model = *model,
                                    .data = *data,
                                    .target = context.arguments.value("target").value_or(""),
                                    .sensitive = *sensitive,
                                    .positiveLabel =
                                        context.arguments.value("positive").value_or(""),
                                    .threshold = 0.5};
    auto threshold = numberOption(context.arguments, "threshold");
    if (!threshold)
        return fail(threshold.error());
    request.threshold = threshold->value_or(0.5);

    std::vector<Check> checks;
    for (const auto &[option, name] :
         {std::pair<std::string, std::string>{"max-parity-difference",
                                              "demographic parity difference"},
          {"max-equalized-odds-difference", "equalized odds difference"}}) {
        auto max = numberOption(context.arguments, option);
        if (!max)
            return fail(max.error());
        if (*max && **max < 0)
            return fail(Error::invalidInput("--" + option + " " + metricText(**max) +
                                            ": expected a number ≥ 0"));
        if (*max)
            checks.push_back({.name = name, .value = 0, .max = **max});
    }

    auto workspace = openOptionalWorkspace(context);
    if (!workspace)
        return fail(workspace.error());
    auto report = govern::modelFairness(*workspace ? &**workspace : nullptr, request);
    if (!report)
        return fail(report.error());
    for (auto &check : checks)
        check.value = check.name == "demographic parity difference"
                          ? report->demographicParityDifference
                          : report->equalizedOddsDifference;
    const bool passed =
        std::all_of(checks.begin(), checks.end(), [](const Check &c) { return c.passed(); });

    if (context.json) {
        QJsonObject json = govern::fairnessReportToJson(*report);
        json.insert(QStringLiteral("model"), qs(request.model));
        json.insert(QStringLiteral("data"), qs(request.data));
        QJsonArray checksJson;
        for (const auto &check : checks)
            checksJson.append(QJsonObject{{QStringLiteral("name"), qs(check.name)},
                                          {QStringLiteral("value"), numberOrNull(check.value)},
                                          {QStringLiteral("max"), check.max},
                                          {QStringLiteral("passed"), check.passed()}});
        json.insert(QStringLiteral("checks"), checksJson);
        json.insert(QStringLiteral("passed"), passed);
        printJson(json);
    } else {
        printReport(request, *report, checks);
    }
    for (const auto &check : checks)
        if (!check.passed())
            std::fprintf(stderr, "assay: fairness check failed: %s %s > %s\n", check.name.c_str(),
                         metricText(check.value).c_str(), metricText(check.max).c_str());
    return passed ? ExitOk : ExitCheckFailed;
}

} // namespace

void addFairnessCommand(std::vector<Command> &into)
{
    std::vector<OptionSpec> options{
        {"model", true, "MODEL",
         "a run id or name, a model file, or a registered NAME:VERSION / NAME@ALIAS"},
        {"data", true, "DATA", "labelled rows with the sensitive column: a file or PATH@REV"},
        {"target", true, "COL", "the label column (default: the model's target)"},
        {"sensitive", true, "COL", "the column whose values form the groups"},
        {"threshold", true, "T",
         "predict the positive class when its probability is ≥ T (default 0.5)"},
        {"positive", true, "LABEL", "the positive label (default: the model's positive class)"},
        {"max-parity-difference", true, "X",
         "exit 1 when the demographic parity difference is > X"},
        {"max-equalized-odds-difference", true, "X",
         "exit 1 when the equalized odds difference is > X"}};
    into.push_back(
        {"fairness", "measure a classifier's fairness across the groups of a sensitive column",
         "--model MODEL --data DATA --sensitive COL [--target COL] [--threshold T] [--positive "
         "LABEL] "
         "[--max-parity-difference X] [--max-equalized-odds-difference X]",
         kFairnessDetails,
         "assay fairness --model credit:3 --data data/credit.csv --target default --sensitive "
         "region --max-parity-difference 0.1",
         options, runFairness});
}

} // namespace assay::cli
