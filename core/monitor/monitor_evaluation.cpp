#include "monitor/monitor_evaluation.h"

#include "model/task.h"
#include "monitor/alert_rules.h"
#include "monitor/metric_bands.h"
#include "monitor/monitor_config.h"
#include "monitor/monitor_reference.h"
#include "monitor/report_cache.h"
#include "monitor/window_alerts.h"
#include "monitor/window_metrics.h"
#include "monitor/window_reader.h"
#include "table/datetime_parse.h"
#include "table/dictionary_index.h"
#include "track/clock.h"
#include "workspace/workspace.h"

#include <algorithm>
#include <cmath>

namespace assay::monitor {

namespace {

Progress scaled(const Progress &outer, double from, double to)
{
    return Progress([outer, from, to](double fraction, std::string_view stage) {
        outer.report(from + (to - from) * fraction, stage);
    }, outer.token());
}

// "2026-03-02" for days and weeks, "2026-03-02T14:00" for hours, the first row's second otherwise.
std::string windowName(const WindowSpec &spec, std::int64_t startNs)
{
    const std::string iso = table::formatIsoDatetime(startNs);
    const std::size_t length = spec.kind == WindowSpec::Kind::Day || spec.kind == WindowSpec::Kind::Week ? 10
                               : spec.kind == WindowSpec::Kind::Hour                                      ? 16
                                                                                                          : 19;
    return iso.substr(0, std::min(length, iso.size()));
}

std::uint64_t medianRows(std::vector<std::uint64_t> rows)
{
    if (rows.empty())
        return 0;
    std::sort(rows.begin(), rows.end());
    return rows[rows.size() / 2];
}

struct Monitored {
    MonitorConfig config;
    MonitoredModel model;
    MonitorReference reference;
};

Result<Monitored> openMonitored(workspace::Workspace &workspace, const std::string &monitorName,
                                const Progress &progress)
{
    auto config = findMonitor(workspace.database(), monitorName);
    if (!config)
        return config.error();
    auto model = openMonitoredModel(workspace, config->modelRef);
    if (!model)
        return model.error();
    auto reference = loadMonitorReference(workspace, *config, *model, progress);
    if (!reference)
        return reference.error();
    return Monitored{.config = std::move(*config), .model = std::move(*model), .reference = std::move(*reference)};
}

} // namespace

Result<MonitorReport> evaluateMonitor(workspace::Workspace &workspace, const std::string &monitorName,
                                      const std::optional<WindowSpec> &window, const Progress &progress)
{
    auto &db = workspace.database();
    auto config = findMonitor(db, monitorName);
    if (!config)
        return config.error();
    WindowSpec spec;
    if (window) {
        spec = *window;
    } else {
        auto parsed = parseWindowSpec(config->window);
        if (!parsed)
            return Error::invalidInput("monitor '" + monitorName + "': window: " + parsed.error().message);
        spec = *parsed;
    }
    const std::string specText = windowSpecText(spec);
    auto cached = cachedReport(db, config->id, specText, config->generation);
    if (!cached)
        return cached.error();
    if (*cached)
        return std::move(**cached);
    auto rules = parseAlertRules(config->rulesJson);
    if (!rules)
        return Error::invalidInput("monitor '" + monitorName + "': " + rules.error().message);

    auto monitored = openMonitored(workspace, monitorName, scaled(progress, 0, 0.1));
    if (!monitored)
        return monitored.error();
    const MonitorReference &reference = monitored->reference;
    const WindowEvaluator evaluator(reference);

    MonitorReport report;
    report.monitor = config->name;
    report.modelRef = config->modelRef;
    report.runId = monitored->model.run.info.runId;
    report.reference = reference.label;
    report.window = specText;
    report.generation = config->generation;
    report.referenceRows = reference.rows();
    report.task = std::string(model::taskName(reference.task));
    report.threshold = reference.threshold;
    if (reference.reconstruction)
        report.keptComponents = reference.reconstruction->keptComponents();
    for (const AlertRule &rule : *rules)
        report.rules.push_back(alertRuleText(rule));

    const WindowRead read{.monitorId = config->id,
                          .spec = spec,
                          .reference = &reference.featureTable,
                          .labels = reference.labels,
                          .fromNs = std::nullopt,
                          .toNs = std::nullopt,
                          .maxRows = 0,
                          .keepLabelTexts = false};
    std::uint64_t unfit = 0, corrupt = 0;
    ASSAY_TRY(forEachWindow(db, read, [&](WindowBatch &batch) -> Status {
        auto result = evaluator.evaluate(batch);
        if (!result)
            return result.error();
        report.totalRows += result->rows;
        report.labels += result->labeledRows;
        unfit += batch.unfitValues;
        corrupt += batch.corruptRows;
        if (result->tooFewRows)
            report.warnings.push_back("window " + windowName(spec, result->startNs) + ": " +
                                      std::to_string(result->rows) + " rows, under " +
                                      std::to_string(kMinWindowRows) + ": its tests are weak");
        report.windows.push_back(std::move(*result));
        return {};
    }, scaled(progress, 0.1, 0.9)));
    if (unfit > 0)
        report.warnings.push_back(std::to_string(unfit) + " logged values did not fit the reference's column "
                                  "types and were taken as missing");
    if (corrupt > 0)
        report.warnings.push_back(std::to_string(corrupt) + " logged rows had unreadable features");

    std::vector<std::uint64_t> sizes;
    for (const WindowResult &result : report.windows)
        sizes.push_back(result.rows);
    auto bands = referenceBands(evaluator, reference.rows(), medianRows(sizes), scaled(progress, 0.9, 1.0));
    if (!bands)
        return bands.error();
    report.bands = std::move(*bands);
    for (WindowResult &result : report.windows)
        applyAlertRules(*rules, report.bands, result);
    report.computedMs = track::nowMs();
    // The cache only saves time: a report that cannot be stored (read-only workspace) is still right.
    (void)storeReport(db, config->id, report);
    progress.report(1, "done");
    return report;
}

Result<table::Table> windowRows(workspace::Workspace &workspace, const std::string &monitorName, std::int64_t startNs,
                                std::int64_t endNs, std::uint64_t maxRows)
{
    auto monitored = openMonitored(workspace, monitorName, {});
    if (!monitored)
        return monitored.error();
    const WindowRead read{.monitorId = monitored->config.id,
                          .spec = {.kind = WindowSpec::Kind::Chunks, .count = 1},
                          .reference = &monitored->reference.featureTable,
                          .labels = monitored->reference.labels,
                          .fromNs = startNs,
                          .toNs = endNs,
                          .maxRows = maxRows,
                          .keepLabelTexts = true};
    std::optional<WindowBatch> only;
    ASSAY_TRY(forEachWindow(workspace.database(), read, [&](WindowBatch &batch) -> Status {
        only = std::move(batch);
        return {};
    }));
    std::vector<table::Column> columns;
    if (only) {
        columns = only->features.columns();
        table::Column prediction("prediction", table::ColumnType::Float);
        prediction.floats() = only->scores;
        if (std::any_of(only->scores.begin(), only->scores.end(), [](double s) { return std::isnan(s); })) {
            prediction.missing().resize(only->scores.size());
            for (std::size_t r = 0; r < only->scores.size(); ++r)
                prediction.missing()[r] = std::isnan(only->scores[r]);
        }
        columns.push_back(std::move(prediction));
        table::Column label("label", table::ColumnType::String);
        table::DictionaryIndex index;
        label.missing().resize(only->labelTexts.size());
        for (std::size_t r = 0; r < only->labelTexts.size(); ++r) {
            label.codes().push_back(index.intern(only->labelTexts[r], label.dictionary()));
            label.missing()[r] = only->labelTexts[r].empty();
        }
        columns.push_back(std::move(label));
    } else {
        for (const table::Column &column : monitored->reference.featureTable.columns())
            columns.emplace_back(column.name(), column.type());
        columns.emplace_back("prediction", table::ColumnType::Float);
        columns.emplace_back("label", table::ColumnType::String);
    }
    return table::Table(std::move(columns));
}

Result<table::Table> referenceRows(workspace::Workspace &workspace, const std::string &monitorName)
{
    auto monitored = openMonitored(workspace, monitorName, {});
    if (!monitored)
        return monitored.error();
    const MonitorReference &reference = monitored->reference;
    std::vector<table::Column> columns = reference.featureTable.columns();
    const std::string &target = monitored->model.model.model->signature().target;
    if (const auto index = reference.data.indexOf(target); index && !reference.featureTable.indexOf(target))
        columns.push_back(reference.data.column(*index));
    return table::Table(std::move(columns));
}

} // namespace assay::monitor
