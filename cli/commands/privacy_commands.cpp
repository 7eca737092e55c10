#include "command_registry.h"
#include "command_workspace.h"
#include "govern/privacy_ledger.h"
#include "number_options.h"
#include "output.h"
#include "runs_shared.h"
#include "text_format.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <sstream>

namespace assay::cli {

namespace {

const char *const kPrivacyDetails =
    "Differentially private statistics of a dataset, charged to a privacy budget:\n\n"
    "  budget   show or set the dataset's (epsilon, delta) budget\n"
    "  release  release a noisy count, histogram or mean, if the budget allows it\n"
    "  ledger   every release of the dataset and what is left\n\n"
    "Releases compose sequentially: the ledger spends the sum of their epsilons and deltas. "
    "The budget belongs to the dataset's path, whatever revision a release reads.";

const char *const kBudgetDetails =
    "Without --epsilon, shows the dataset's budget and what has been spent. With --epsilon (and "
    "--delta, default 0) sets it; the Gaussian mechanism needs a delta budget. Lowering a "
    "budget below what is spent is allowed and stops further releases. Setting a budget needs "
    "the right to release private statistics and is written to the audit log "
    "(\"privacy.budget\").";

const char *const kReleaseDetails =
    "Releases one differentially private statistic of DATASET (a file or PATH@REV), charged to "
    "its budget. Neighbouring datasets differ by adding or removing one row. count: rows, or "
    "non-missing values of --column (sensitivity 1). histogram: counts of --column in --bins "
    "equal bins over [--lower, --upper] (last bin closed; values outside are not counted); one "
    "row changes one bin by one, so the L1 and L2 sensitivities of the whole vector are 1. "
    "mean: values clamped to [--lower, --upper]; half of epsilon (and delta) buys a noisy sum "
    "of (x − midpoint) with sensitivity (upper − lower)/2, half a noisy count (sensitivity 1); "
    "the mean is midpoint + sum / max(count, 1), clamped to the bounds. Bounds must come from "
    "knowledge of the domain, not from the data. Laplace noise has scale sensitivity/epsilon "
    "(delta 0); Gaussian noise has σ = Δ2·√(2 ln(1.25/δ))/ε and is only valid for epsilon < 1. "
    "Values are raw noisy numbers. --seed makes the noise reproducible (for tests: anyone who "
    "knows the seed can remove the noise; the ledger records that a seed was used, never the "
    "seed). A release the budget cannot pay for, or of a dataset without a budget, is refused "
    "(exit 1) and nothing is recorded. Each release is written to the ledger and the audit log "
    "(\"privacy.release\") in one transaction.";

const char *const kLedgerDetails =
    "Lists every release of the dataset, oldest first, with its cost and released values, then "
    "the budget and what is left.";

QJsonObject budgetToJson(const govern::PrivacyBudget &budget)
{
    const auto orNull = [&budget](double value) {
        return budget.set ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
    };
    return {{QStringLiteral("dataset"), qs(budget.dataset)},
            {QStringLiteral("set"), budget.set},
            {QStringLiteral("epsilon"), orNull(budget.epsilon)},
            {QStringLiteral("delta"), orNull(budget.delta)},
            {QStringLiteral("spent_epsilon"), budget.spentEpsilon},
            {QStringLiteral("spent_delta"), budget.spentDelta},
            {QStringLiteral("remaining_epsilon"),
             orNull(std::max(0.0, budget.epsilon - budget.spentEpsilon))},
            {QStringLiteral("remaining_delta"),
             orNull(std::max(0.0, budget.delta - budget.spentDelta))},
            {QStringLiteral("releases"), static_cast<qint64>(budget.releases)}};
}

std::string budgetText(const govern::PrivacyBudget &budget)
{
    if (!budget.set)
        return budget.dataset + ": no privacy budget set (" + std::to_string(budget.releases) +
               " releases); set one with `assay privacy budget " + budget.dataset +
               " --epsilon E [--delta D]`";
    return budget.dataset + ": spent epsilon " + metricText(budget.spentEpsilon) + " of " +
           metricText(budget.epsilon) + ", delta " + metricText(budget.spentDelta) + " of " +
           metricText(budget.delta) + " in " + std::to_string(budget.releases) +
           (budget.releases == 1 ? " release" : " releases");
}

// The one positional argument, DATASET; prints the usage error otherwise.
std::optional<std::string> datasetArgument(CommandContext &context, const Command &command,
                                           int &exitCode)
{
    const auto &positional = context.arguments.positional();
    if (positional.size() != 1) {
        exitCode =
            usageError(command, positional.empty() ? "which dataset?"
                                                   : "unexpected argument '" + positional[1] + "'");
        return std::nullopt;
    }
    return positional.front();
}

int runBudget(CommandContext &context)
{
    const Command &command = *findCommand("privacy budget");
    int exitCode = ExitUsage;
    const auto dataset = datasetArgument(context, command, exitCode);
    if (!dataset)
        return exitCode;
    auto epsilon = numberOption(context.arguments, "epsilon");
    if (!epsilon)
        return fail(epsilon.error());
    auto delta = numberOption(context.arguments, "delta");
    if (!delta)
        return fail(delta.error());
    if (*delta && !*epsilon)
        return usageError(command, "--delta needs --epsilon: a budget is set as a pair");
    auto workspace = openCommandWorkspace(context);
    if (!workspace)
        return fail(workspace.error());
    auto budget =
        *epsilon ? govern::setPrivacyBudget(*workspace, *dataset, **epsilon, delta->value_or(0))
                 : govern::privacyBudget(*workspace, *dataset);
    if (!budget)
        return fail(budget.error());
    if (context.json)
        printJson(budgetToJson(*budget));
    else
        printLine((*epsilon ? "budget set. " : "") + budgetText(*budget));
    return ExitOk;
}

Result<govern::PrivateStatRequest> releaseRequest(const Arguments &arguments)
{
    govern::PrivateStatRequest request;
    const auto statistic = arguments.value("stat");
    if (!statistic)
        return Error::invalidInput("--stat count|histogram|mean is required");
    auto parsedStatistic = govern::parseStatistic(*statistic);
    if (!parsedStatistic)
        return parsedStatistic.error();
    request.statistic = *parsedStatistic;
    request.column = arguments.value("column").value_or("");
    auto mechanism = govern::parseMechanism(arguments.value("mechanism").value_or("laplace"));
    if (!mechanism)
        return mechanism.error();
    request.mechanism = *mechanism;
    auto epsilon = numberOption(arguments, "epsilon");
    if (!epsilon)
        return epsilon.error();
    if (!*epsilon)
        return Error::invalidInput("--epsilon E is required: what the release may spend");
    request.epsilon = **epsilon;
    auto delta = numberOption(arguments, "delta");
    if (!delta)
        return delta.error();
    request.delta = delta->value_or(0);
    auto lower = numberOption(arguments, "lower");
    if (!lower)
        return lower.error();
    request.lower = *lower;
    auto upper = numberOption(arguments, "upper");
    if (!upper)
        return upper.error();
    request.upper = *upper;
    auto bins = unsignedOption(arguments, "bins");
    if (!bins)
        return bins.error();
    request.bins = static_cast<int>(std::min<std::uint64_t>(bins->value_or(10), 1u << 30));
    auto seed = unsignedOption(arguments, "seed");
    if (!seed)
        return seed.error();
    request.seed = *seed;
    return request;
}

void printRelease(const govern::PrivacyRelease &release)
{
    const auto &result = release.result;
    std::ostringstream out;
    switch (result.statistic) {
    case govern::PrivateStatistic::Count:
        out << (result.column.empty() ? std::string("count of rows")
                                      : "count of non-missing '" + result.column + "'")
            << ": " << metricText(result.values.front()) << "\n";
        break;
    case govern::PrivateStatistic::Mean:
        out << "mean of '" << result.column << "' clamped to [" << metricText(result.lower) << ", "
            << metricText(result.upper) << "]: " << metricText(result.values.front())
            << " (noisy count " << metricText(result.noisyCount) << ")\n";
        break;
    case govern::PrivateStatistic::Histogram: {
        out << "histogram of '" << result.column << "'";
        std::vector<std::vector<std::string>> rows{{"BIN", "COUNT"}};
        for (std::size_t bin = 0; bin < result.values.size(); ++bin)
            rows.push_back({"[" + metricText(result.binEdges[bin]) + ", " +
                                metricText(result.binEdges[bin + 1]) +
                                (bin + 1 == result.values.size() ? "]" : ")"),
                            metricText(result.values[bin])});
        printLine(out.str());
        out.str({});
        printTable(rows);
        break;
    }
    }
    out << std::string(govern::mechanismName(result.mechanism)) << " noise";
    for (const auto &part : result.parts)
        out << (&part == &result.parts.front() ? ": " : ", ") << part.name << " scale "
            << metricText(part.noiseScale) << " (epsilon " << metricText(part.epsilon) << ")";
    out << "\nrecorded as release " << release.record.id << ". " << budgetText(release.budget);
    printLine(out.str());
}

int runRelease(CommandContext &context)
{
    const Command &command = *findCommand("privacy release");
    int exitCode = ExitUsage;
    const auto dataset = datasetArgument(context, command, exitCode);
    if (!dataset)
        return exitCode;
    auto request = releaseRequest(context.arguments);
    if (!request)
        return fail(request.error());
    auto workspace = openCommandWorkspace(context);
    if (!workspace)
        return fail(workspace.error());
    auto release = govern::releasePrivateStatistic(*workspace, *dataset, *request);
    if (!release)
        return fail(release.error());
    if (context.json) {
        QJsonObject json = govern::privateStatResultToJson(release->result);
        json.insert(QStringLiteral("release"), static_cast<qint64>(release->record.id));
        json.insert(QStringLiteral("dataset"), qs(release->record.dataset));
        json.insert(QStringLiteral("data_md5"), qs(release->record.dataMd5));
        json.insert(QStringLiteral("budget"), budgetToJson(release->budget));
        printJson(json);
    } else {
        printRelease(*release);
    }
    return ExitOk;
}

std::string valuesText(const std::string &resultJson)
{
    const auto values = QJsonDocument::fromJson(QByteArray::fromStdString(resultJson))
                            .object()
                            .value(QStringLiteral("values"))
                            .toArray();
    std::string text;
    for (const auto &value : values)
        text += (text.empty() ? "" : " ") + metricText(value.toDouble());
    return shortened(text, 40);
}

int runLedger(CommandContext &context)
{
    const Command &command = *findCommand("privacy ledger");
    int exitCode = ExitUsage;
    const auto dataset = datasetArgument(context, command, exitCode);
    if (!dataset)
        return exitCode;
    auto workspace = openCommandWorkspace(context);
    if (!workspace)
        return fail(workspace.error());
    auto records = govern::privacyLedger(*workspace, *dataset);
    if (!records)
        return fail(records.error());
    auto budget = govern::privacyBudget(*workspace, *dataset);
    if (!budget)
        return fail(budget.error());
    if (context.json) {
        QJsonArray releases;
        for (const auto &record : *records)
            releases.append(QJsonObject{
                {QStringLiteral("id"), static_cast<qint64>(record.id)},
                {QStringLiteral("time_ms"), static_cast<qint64>(record.timeMs)},
                {QStringLiteral("actor"), qs(record.actor)},
                {QStringLiteral("statistic"), qs(record.statistic)},
                {QStringLiteral("column"), qs(record.column)},
                {QStringLiteral("mechanism"), qs(record.mechanism)},
                {QStringLiteral("epsilon"), record.epsilon},
                {QStringLiteral("delta"), record.delta},
                {QStringLiteral("sensitivity"), record.sensitivity},
                {QStringLiteral("revision"), qs(record.revision)},
                {QStringLiteral("data_md5"), qs(record.dataMd5)},
                {QStringLiteral("result"),
                 QJsonDocument::fromJson(QByteArray::fromStdString(record.resultJson)).object()}});
        printJson({{QStringLiteral("dataset"), qs(budget->dataset)},
                   {QStringLiteral("budget"), budgetToJson(*budget)},
                   {QStringLiteral("releases"), releases}});
        return ExitOk;
    }
    if (!records->empty()) {
        std::vector<std::vector<std::string>> rows{{"ID", "TIME", "ACTOR", "STATISTIC", "COLUMN",
                                                    "MECHANISM", "EPSILON", "DELTA", "VALUES"}};
        for (const auto &record : *records)
            rows.push_back(
                {std::to_string(record.id), localTime(record.timeMs), record.actor,
                 record.statistic + (record.revision.empty() ? "" : " @" + record.revision),
                 record.column.empty() ? "-" : record.column, record.mechanism,
                 metricText(record.epsilon), metricText(record.delta),
                 valuesText(record.resultJson)});
        printTable(rows);
    }
    printLine(budgetText(*budget));
    return ExitOk;
}

int runPrivacyGroup(CommandContext &context)
{
    const Command &command = *findCommand("privacy");
    const auto &positional = context.arguments.positional();
    return usageError(command, positional.empty() ? "which subcommand? budget, release or ledger"
                                                  : "unknown subcommand '" + positional.front() +
                                                        "' (budget, release or ledger)");
}

} // namespace

void addPrivacyCommands(std::vector<Command> &into)
{
    into.push_back(
        {"privacy",
         "differentially private statistics against a privacy budget",
         "budget|release|ledger DATASET ...",
         kPrivacyDetails,
         "assay privacy release data/credit.csv --stat mean --column income --lower 0 --upper 200 "
         "--epsilon 0.1",
         {},
         runPrivacyGroup});
    into.push_back({"privacy budget",
                    "show or set a dataset's privacy budget",
                    "DATASET [--epsilon E] [--delta D]",
                    kBudgetDetails,
                    "assay privacy budget data/credit.csv --epsilon 1 --delta 1e-6",
                    {{"epsilon", true, "E", "the total epsilon releases may spend"},
                     {"delta", true, "D", "the total delta releases may spend (default 0)"}},
                    runBudget});
    into.push_back(
        {"privacy release",
         "release a noisy count, histogram or mean of a dataset",
         "DATASET --stat count|histogram|mean [--column C] [--bins N --lower L --upper U] "
         "--epsilon E "
         "[--delta D] [--mechanism laplace|gaussian] [--seed S]",
         kReleaseDetails,
         "assay privacy release data/credit.csv --stat histogram --column age --bins 8 --lower 18 "
         "--upper 98 --epsilon 0.2",
         {{"stat", true, "STAT", "count, histogram or mean"},
          {"column", true, "C", "the column (count: optional, counts its non-missing values)"},
          {"bins", true, "N", "histogram: number of equal bins (default 10)"},
          {"lower", true, "L", "histogram and mean: the lower bound, from domain knowledge"},
          {"upper", true, "U", "histogram and mean: the upper bound, from domain knowledge"},
          {"epsilon", true, "E", "the epsilon this release spends"},
          {"delta", true, "D", "the delta it spends (Gaussian only)"},
          {"mechanism", true, "M", "laplace (default) or gaussian"},
          {"seed", true, "S", "seed the noise (reproducible; for tests only)"}},
         runRelease});
    into.push_back({"privacy ledger",
                    "list a dataset's private releases and its remaining budget",
                    "DATASET",
                    kLedgerDetails,
                    "assay privacy ledger data/credit.csv --json",
                    {},
                    runLedger});
}

} // namespace assay::cli
