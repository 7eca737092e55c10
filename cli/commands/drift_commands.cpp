#include "command_registry.h"
#include "json_values.h"
#include "output.h"
#include "read_options.h"
#include "text_format.h"
#include "drift/drift.h"
#include "version/dataset_ref.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace assay::cli {

namespace {

using drift::ColumnDrift;
using drift::DatasetDrift;

std::vector<std::string> splitColumns(const std::string &text)
{
    std::vector<std::string> items;
    std::stringstream stream(text);
    for (std::string item; std::getline(stream, item, ',');) {
        if (!item.empty())
            items.push_back(item);
    }
    return items;
}

std::optional<double> parseNumber(const std::string &text)
{
    try {
        std::size_t used = 0;
        const double value = std::stod(text, &used);
        if (used != text.size() || !std::isfinite(value))
            return std::nullopt;
        return value;
    } catch (const std::exception &) {
        return std::nullopt;
    }
}

QJsonArray namesToJson(const std::vector<std::string> &names)
{
    QJsonArray array;
    for (const auto &name : names)
        array.append(qs(name));
    return array;
}

QJsonArray countsToJson(const std::vector<std::uint64_t> &counts)
{
    QJsonArray array;
    for (auto count : counts)
        array.append(static_cast<qint64>(count));
    return array;
}

QJsonObject distributionToJson(const drift::DriftDistribution &d)
{
    using Kind = drift::DriftDistribution::Kind;
    if (d.kind == Kind::None)
        return {};
    QJsonObject object{{QStringLiteral("reference"), countsToJson(d.reference)},
                       {QStringLiteral("current"), countsToJson(d.current)}};
    if (d.kind == Kind::Histogram) {
        QJsonArray edges;
        for (double edge : d.edges)
            edges.append(edge);
        object.insert(QStringLiteral("edges"), edges);
    } else {
        object.insert(QStringLiteral("categories"), namesToJson(d.categories));
    }
    return object;
}

QJsonObject columnToJson(const ColumnDrift &c)
{
    QJsonObject object{
        {QStringLiteral("name"), qs(c.name)},
        {QStringLiteral("type"), qs(std::string(table::typeName(c.type)))},
        {QStringLiteral("test"), qs(std::string(drift::testName(c.test)))},
        {QStringLiteral("statistic"), c.test == drift::DriftTest::None ? QJsonValue() : numberOrNull(c.statistic)},
        {QStringLiteral("p_value"), c.pValue ? numberOrNull(*c.pValue) : QJsonValue()},
        {QStringLiteral("threshold"), c.test == drift::DriftTest::None ? QJsonValue() : QJsonValue(c.threshold)},
        {QStringLiteral("drifted"), c.drifted},
        {QStringLiteral("detail"), qs(c.detail)},
        {QStringLiteral("missing_share"), QJsonObject{{QStringLiteral("reference"), c.referenceMissingShare},
                                                      {QStringLiteral("current"), c.currentMissingShare}}},
        {QStringLiteral("values"), QJsonObject{{QStringLiteral("reference"), static_cast<qint64>(c.referenceValues)},
                                               {QStringLiteral("current"), static_cast<qint64>(c.currentValues)}}}};
    const QJsonObject distribution = distributionToJson(c.distribution);
    if (!distribution.isEmpty())
        object.insert(QStringLiteral("distribution"), distribution);
    return object;
}

QJsonObject driftToJson(const DatasetDrift &d)
{
    QJsonArray columns;
    for (const auto &column : d.columns)
        columns.append(columnToJson(column));
    return {{QStringLiteral("reference"), qs(d.reference)},
            {QStringLiteral("current"), qs(d.current)},
            {QStringLiteral("rows"), QJsonObject{{QStringLiteral("reference"), static_cast<qint64>(d.referenceRows)},
                                                 {QStringLiteral("current"), static_cast<qint64>(d.currentRows)}}},
            {QStringLiteral("dataset_drift"), d.datasetDrift},
            {QStringLiteral("drift_share"), d.driftShare},
            {QStringLiteral("share_of_drifted_columns"), d.shareOfDriftedColumns},
            {QStringLiteral("tested_columns"), static_cast<qint64>(d.testedColumns)},
            {QStringLiteral("drifted_columns"), static_cast<qint64>(d.driftedColumns)},
            {QStringLiteral("reference_only"), namesToJson(d.referenceOnly)},
            {QStringLiteral("current_only"), namesToJson(d.currentOnly)},
            {QStringLiteral("columns"), columns}};
}

std::string numberText(double value)
{
    return std::isinf(value) ? "inf" : compactNumber(value);
}

// Pads to `width` characters (UTF-8 code points, so "·" and "→" count once).
void printHuman(const DatasetDrift &d)
{
    std::vector<const ColumnDrift *> order;
    for (const auto &column : d.columns)
        order.push_back(&column);
    std::stable_sort(order.begin(), order.end(), [](const ColumnDrift *a, const ColumnDrift *b) {
        if (a->drifted != b->drifted)
            return a->drifted;
        return a->severity() > b->severity();
    });
    std::ostringstream out;
    out << (d.datasetDrift ? "DRIFT: " : "no drift: ") << d.driftedColumns << " of " << d.testedColumns
        << " tested columns drifted (" << numberText(d.shareOfDriftedColumns * 100) << "%, dataset drifts at "
        << numberText(d.driftShare * 100) << "%)\n"
        << "  reference " << d.reference << " (" << d.referenceRows << " rows), current " << d.current << " ("
        << d.currentRows << " rows)\n";
    std::size_t nameWidth = 6;
    for (const auto *c : order)
        nameWidth = std::max(nameWidth, c->name.size());
    out << "  " << padded("column", nameWidth) << "  drift  type      test           statistic   p-value     "
        << "threshold  missing ref→cur  detail";
    for (const auto *c : order) {
        const bool tested = c->test != drift::DriftTest::None;
        char missing[48];
        std::snprintf(missing, sizeof missing, "%.1f%% → %.1f%%", c->referenceMissingShare * 100,
                      c->currentMissingShare * 100);
        out << "\n  " << padded(c->name, nameWidth) << "  " << padded(c->drifted ? "yes" : tested ? "no" : "·", 5)
            << "  " << padded(std::string(table::typeName(c->type)), 8) << "  "
            << padded(std::string(drift::testName(c->test)), 13) << "  "
            << padded(tested ? numberText(c->statistic) : "·", 10) << "  "
            << padded(c->pValue ? numberText(*c->pValue) : "·", 10) << "  "
            << padded(tested ? numberText(c->threshold) : "·", 9) << "  " << padded(missing, 15) << "  "
            << c->detail;
    }
    printLine(out.str());
}

int runDrift(CommandContext &context)
{
    const Command &command = *findCommand("drift");
    const auto &positional = context.arguments.positional();
    if (positional.size() != 2)
        return usageError(command, "expected two datasets, REFERENCE and CURRENT");
    auto read = readOptionsFrom(context.arguments);
    if (!read)
        return usageError(command, read.error().message);
    drift::DriftOptions options;
    options.read = *read;
    if (auto test = context.arguments.value("test")) {
        const auto parsed = drift::testFromName(*test);
        if (!parsed || *parsed == drift::DriftTest::None)
            return usageError(command, "--test: expected auto, ks, chi2, z, wasserstein, jensenshannon, psi or "
                                       "linf, got '" + *test + "'");
        options.test = *parsed;
    }
    if (auto threshold = context.arguments.value("threshold")) {
        const auto value = parseNumber(*threshold);
        if (!value || *value < 0)
            return usageError(command, "--threshold: expected a number >= 0, got '" + *threshold + "'");
        options.threshold = *value;
    }
    if (auto share = context.arguments.value("drift-share")) {
        const auto value = parseNumber(*share);
        if (!value || *value < 0 || *value > 1)
            return usageError(command, "--drift-share: expected a number in [0, 1], got '" + *share + "'");
        options.driftShare = *value;
    }
    if (auto columns = context.arguments.value("columns")) {
        options.columns = splitColumns(*columns);
        if (options.columns.empty())
            return usageError(command, "--columns: expected COL[,COL...]");
    }

    auto result = drift::computeDrift(version::parseDatasetRef(positional[0]), version::parseDatasetRef(positional[1]),
                                      options, context.progress);
    if (!result)
        return fail(result.error());
    const auto warnOnly = [](const std::vector<std::string> &names, const std::string &side) {
        for (const auto &name : names)
            std::fprintf(stderr, "assay: warning: column '%s' is only in %s; not tested\n", name.c_str(),
                         side.c_str());
    };
    warnOnly(result->referenceOnly, result->reference);
    warnOnly(result->currentOnly, result->current);
    if (context.json)
        printJson(driftToJson(*result));
    else
        printHuman(*result);
    return result->datasetDrift ? ExitCheckFailed : ExitOk;
}

} // namespace

void addDriftCommands(std::vector<Command> &into)
{
    std::vector<OptionSpec> options = readOptionSpecs();
    options.push_back({"test", true, "NAME", "auto (default), ks, chi2, z, wasserstein, jensenshannon, psi, linf"});
    options.push_back({"threshold", true, "X", "override the test's threshold (p < 0.05; distances >= 0.1)"});
    options.push_back({"drift-share", true, "S", "dataset drifts when this share of columns drift (default 0.5)"});
    options.push_back({"columns", true, "COL[,COL]", "compare only these columns"});
    into.push_back({"drift", "data drift and skew between a reference and a current dataset, column by column",
                    "REFERENCE CURRENT [--test NAME] [--threshold X] [--drift-share S] [--columns COL[,COL]]",
                    "Each side is a file or PATH@REV. auto picks per column as Evidently does: with at most 1000\n"
                    "reference values, ks for numbers with more than 5 distinct values, else chi2 (more than 2\n"
                    "values) or z; with more, wasserstein (normed by the reference std) or jensenshannon.\n"
                    "p-value tests drift when p < 0.05, distances when >= 0.1 (psi, linf too). Missing values are\n"
                    "left out of every test; their share is reported beside it. Exit 1 when the share of drifted\n"
                    "columns reaches --drift-share, 0 when not, 2 on bad usage or unreadable input.",
                    "assay drift data/credit.csv@v1.0 data/credit.csv --json", options, runDrift});
}

} // namespace assay::cli
