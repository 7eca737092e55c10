// TEMPORARY stand-in for the evaluation and math helpers' monitor_evaluation.cpp,
// monitor_report.cpp and binary_performance.cpp, so the Monitor area and the demo link before
// the real ones are merged. A plausible report, no calibration, no PCA. Delete before finishing.
#include "drift/drift.h"
#include "model/feature_matrix.h"
#include "monitor/alert_rules.h"
#include "monitor/binary_performance.h"
#include "monitor/feature_codec.h"
#include "monitor/monitor_config.h"
#include "monitor/monitor_evaluation.h"
#include "track/clock.h"
#include "version/dataset_ref.h"
#include "workspace/workspace.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace assay::monitor {

namespace {

struct LoggedRow {
    std::int64_t ns = 0;
    std::optional<double> score;
    std::string features;
    std::optional<std::string> label;
};

double rocAuc(std::span<const double> scores, std::span<const double> positives)
{
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return scores[a] > scores[b]; });
    double tp = 0, fp = 0, area = 0, lastTp = 0, lastFp = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        tp += positives[order[i]];
        fp += 1 - positives[order[i]];
        if (i + 1 == order.size() || scores[order[i + 1]] != scores[order[i]]) {
            area += (fp - lastFp) * (tp + lastTp) / 2;
            lastTp = tp;
            lastFp = fp;
        }
    }
    return tp > 0 && fp > 0 ? area / (tp * fp) : std::nan("");
}

BinaryPerformance fromConfusion(std::uint64_t rows, double tp, double fp, double fn, double tn,
                                double auc)
{
    BinaryPerformance p;
    p.rows = rows;
    if (rows > 0)
        p.accuracy = (tp + tn) / double(rows);
    if (tp + fp > 0)
        p.precision = tp / (tp + fp);
    if (tp + fn > 0)
        p.recall = tp / (tp + fn);
    if (p.precision && p.recall && *p.precision + *p.recall > 0)
        p.f1 = 2 * *p.precision * *p.recall / (*p.precision + *p.recall);
    if (!std::isnan(auc))
        p.rocAuc = auc;
    return p;
}

Result<table::Table> readReference(workspace::Workspace &workspace, const MonitorConfig &config,
                                   model::ModelSignature &signature)
{
    auto monitored = openMonitoredModel(workspace, config.modelRef);
    if (!monitored)
        return monitored.error();
    signature = monitored->model.model->signature();
    const track::DatasetInput *input = nullptr;
    for (const auto &dataset : monitored->run.datasets)
        if (dataset.context == "test" || (!input && dataset.context == "training"))
            input = &dataset;
    version::DatasetRef ref;
    if (!config.reference.empty())
        ref = version::parseDatasetRef(config.reference);
    else if (input)
        ref = {.path = input->path, .revision = input->revision.empty() ? std::nullopt
                                                                        : std::optional(input->revision)};
    else
        return Error::notFound(config.name + ": no reference dataset");
    if (std::filesystem::path(ref.path).is_relative())
        ref.path = (workspace.root() / ref.path).string();
    auto read = version::readDataset(ref);
    if (!read)
        return read.error();
    return std::move(read->table);
}

Result<std::vector<LoggedRow>> readRows(workspace::Workspace &workspace, std::int64_t monitorId,
                                        std::int64_t startNs, std::int64_t endNs)
{
    auto query = workspace.database().prepare(
        "SELECT r.ts_ns, r.score, r.features, l.label FROM monitor_rows r LEFT JOIN monitor_labels l "
        "ON l.monitor_id = r.monitor_id AND l.record_id = r.record_id AND r.record_id <> '' "
        "WHERE r.monitor_id = ? AND r.ts_ns >= ? AND r.ts_ns < ? ORDER BY r.ts_ns, r.id");
    if (!query)
        return query.error();
    query->bind(1, monitorId).bind(2, startNs).bind(3, endNs);
    std::vector<LoggedRow> rows;
    ASSAY_TRY(query->forEachRow([&](const workspace::Statement &row) {
        rows.push_back({.ns = row.columnInt(0),
                        .score = row.columnIsNull(1) ? std::nullopt : std::optional(row.columnDouble(1)),
                        .features = row.columnText(2),
                        .label = row.columnIsNull(3) ? std::nullopt : std::optional(row.columnText(3))});
    }));
    return rows;
}

// The rows as a table with the reference's feature columns and types.
table::Table rowsTable(const table::Table &reference, const std::vector<std::string> &features,
                       const std::vector<std::string> &names, std::span<const LoggedRow> rows)
{
    std::vector<table::Column> columns;
    std::map<std::string, std::size_t> byName;
    for (const std::string &feature : features) {
        const auto index = reference.indexOf(feature);
        if (!index)
            continue;
        byName[feature] = columns.size();
        table::Column column(feature, reference.column(*index).type());
        column.missing().assign(rows.size(), 1);
        switch (column.type()) {
        case table::ColumnType::Bool: column.bools().assign(rows.size(), 0); break;
        case table::ColumnType::Int:
        case table::ColumnType::Datetime: column.ints().assign(rows.size(), 0); break;
        case table::ColumnType::Float: column.floats().assign(rows.size(), 0); break;
        case table::ColumnType::String: column.codes().assign(rows.size(), 0); break;
        }
        columns.push_back(std::move(column));
    }
    std::vector<std::map<std::string, std::uint32_t, std::less<>>> dictionaries(columns.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
        decodeFeatures(rows[r].features, [&](std::uint32_t position, LoggedValue::Kind kind, double number,
                                             std::string_view text) {
            if (position >= names.size())
                return;
            const auto found = byName.find(names[position]);
            if (found == byName.end() || kind == LoggedValue::Kind::Missing)
                return;
            table::Column &column = columns[found->second];
            switch (column.type()) {
            case table::ColumnType::Bool: column.bools()[r] = number != 0; break;
            case table::ColumnType::Int:
            case table::ColumnType::Datetime: column.ints()[r] = std::llround(number); break;
            case table::ColumnType::Float: column.floats()[r] = number; break;
            case table::ColumnType::String: {
                if (kind != LoggedValue::Kind::Text)
                    return;
                auto &dictionary = dictionaries[found->second];
                auto code = dictionary.find(text);
                if (code == dictionary.end()) {
                    code = dictionary.emplace(std::string(text), std::uint32_t(column.dictionary().size())).first;
                    column.dictionary().emplace_back(text);
                }
                column.codes()[r] = code->second;
                break;
            }
            }
            column.missing()[r] = 0;
        });
    }
    return table::Table(std::move(columns));
}

table::Table scoreTable(const std::vector<double> &scores)
{
    table::Column column("prediction", table::ColumnType::Float);
    column.floats() = scores;
    return table::Table({std::move(column)});
}

std::optional<MetricBand> bandOf(const std::vector<double> &values)
{
    if (values.size() < 2)
        return std::nullopt;
    const double mean = std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
    double sq = 0;
    for (double v : values)
        sq += (v - mean) * (v - mean);
    const double sd = std::sqrt(sq / double(values.size() - 1));
    return MetricBand{.mean = mean, .low = mean - 3 * sd, .high = mean + 3 * sd};
}

} // namespace

BinaryPerformance realizedPerformance(std::span<const double> scores,
                                      std::span<const std::uint8_t> labels, double threshold)
{
    double tp = 0, fp = 0, fn = 0, tn = 0;
    std::vector<double> positives(labels.begin(), labels.end());
    for (std::size_t i = 0; i < scores.size(); ++i) {
        const bool predicted = scores[i] >= threshold;
        (predicted ? (labels[i] ? tp : fp) : (labels[i] ? fn : tn)) += 1;
    }
    return fromConfusion(scores.size(), tp, fp, fn, tn, rocAuc(scores, positives));
}

BinaryPerformance estimatedPerformance(std::span<const double> scores,
                                       std::span<const double> calibrated, double threshold)
{
    double tp = 0, fp = 0, fn = 0, tn = 0;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        const double p = calibrated[i];
        if (scores[i] >= threshold) {
            tp += p;
            fp += 1 - p;
        } else {
            fn += p;
            tn += 1 - p;
        }
    }
    return fromConfusion(scores.size(), tp, fp, fn, tn, rocAuc(scores, calibrated));
}

std::optional<double> WindowResult::metric(const std::string &name) const
{
    if (name == "dataset_drift_share")
        return driftShare;
    if (name == "drifted_features")
        return double(driftedFeatures);
    if (name == "prediction_drift_score")
        return prediction ? std::optional(prediction->score) : std::nullopt;
    if (name == "missing_share_change")
        return maxMissingShareChange;
    if (name == "reconstruction_error")
        return reconstructionError;
    if (name.rfind("feature_drift_score:", 0) == 0) {
        for (const auto &feature : features)
            if (feature.name == name.substr(20))
                return feature.score;
        return std::nullopt;
    }
    for (const auto &[prefix, perf] : {std::pair{std::string("estimated_"), &estimated},
                                       std::pair{std::string("realized_"), &realized}}) {
        if (name.rfind(prefix, 0) != 0 || !*perf)
            continue;
        const std::string metricName = name.substr(prefix.size());
        const BinaryPerformance &p = **perf;
        if (metricName == "accuracy") return p.accuracy;
        if (metricName == "precision") return p.precision;
        if (metricName == "recall") return p.recall;
        if (metricName == "f1") return p.f1;
        if (metricName == "roc_auc") return p.rocAuc;
    }
    return std::nullopt;
}

Result<MonitorReport> evaluateMonitor(workspace::Workspace &workspace, const std::string &monitorName,
                                      const std::optional<WindowSpec> &window, const Progress &progress)
{
    auto config = findMonitor(workspace.database(), monitorName);
    if (!config)
        return config.error();
    auto spec = window ? Result<WindowSpec>(*window) : parseWindowSpec(config->window);
    if (!spec)
        return spec.error();
    model::ModelSignature signature;
    auto reference = readReference(workspace, *config, signature);
    if (!reference)
        return reference.error();
    auto names = monitorFeatureNames(workspace.database(), config->id);
    if (!names)
        return names.error();
    std::vector<std::string> features;
    for (const auto &feature : signature.features)
        if (reference->indexOf(feature.name))
            features.push_back(feature.name);
    auto monitored = openMonitoredModel(workspace, config->modelRef);
    if (!monitored)
        return monitored.error();
    auto matrix = model::buildMatrix(*reference, signature.features, "reference");
    if (!matrix)
        return matrix.error();
    const std::vector<double> referenceScores = monitored->model.model->predictions(*matrix);
    const table::Table referenceFeatures = [&] {
        std::vector<table::Column> columns;
        for (const auto &name : features)
            columns.push_back(reference->column(*reference->indexOf(name)));
        return table::Table(std::move(columns));
    }();

    MonitorReport report;
    report.monitor = config->name;
    report.modelRef = config->modelRef;
    report.runId = monitored->run.info.runId;
    report.reference = "reference";
    report.window = windowSpecText(*spec);
    report.generation = config->generation;
    report.computedMs = track::nowMs();
    report.referenceRows = reference->rowCount();
    report.task = "binary";
    // Bands from five reference chunks.
    std::vector<double> estimatedAucs, realizedAucs;
    const auto target = reference->indexOf(signature.target);
    for (std::size_t c = 0; c < 5; ++c) {
        const std::size_t from = reference->rowCount() * c / 5, to = reference->rowCount() * (c + 1) / 5;
        std::span<const double> chunk(referenceScores.data() + from, to - from);
        estimatedAucs.push_back(estimatedPerformance(chunk, chunk, 0.5).rocAuc.value_or(0.5));
        if (target) {
            std::vector<std::uint8_t> labels;
            for (std::size_t r = from; r < to; ++r)
                labels.push_back(reference->column(*target).numeric(r) > 0.5);
            realizedAucs.push_back(realizedPerformance(chunk, labels, 0.5).rocAuc.value_or(0.5));
        }
    }
    if (auto band = bandOf(estimatedAucs))
        report.bands["estimated_roc_auc"] = *band;
    if (auto band = bandOf(realizedAucs))
        report.bands["realized_roc_auc"] = *band;

    auto all = readRows(workspace, config->id, INT64_MIN, INT64_MAX);
    if (!all)
        return all.error();
    report.totalRows = all->size();
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    for (std::size_t i = 0; i < all->size();) {
        std::size_t j = i + 1;
        if (spec->byPeriod()) {
            const auto start = periodStart(spec->kind, (*all)[i].ns);
            while (j < all->size() && periodStart(spec->kind, (*all)[j].ns) == start)
                ++j;
        } else {
            j = std::min(all->size(), i + std::max<std::uint64_t>(spec->count, 1));
        }
        ranges.emplace_back(i, j);
        i = j;
    }
    auto rules = parseAlertRules(config->rulesJson);
    if (!rules)
        return rules.error();
    for (const auto &rule : *rules)
        report.rules.push_back(alertRuleText(rule));
    for (std::size_t w = 0; w < ranges.size(); ++w) {
        if (progress.isCancelled())
            return Error::cancelled();
        progress.report(double(w) / double(ranges.size()), "windows");
        std::span<const LoggedRow> rows(all->data() + ranges[w].first, ranges[w].second - ranges[w].first);
        WindowResult result;
        result.startNs = spec->byPeriod() ? periodStart(spec->kind, rows.front().ns) : rows.front().ns;
        result.endNs = spec->byPeriod() ? nextPeriodStart(spec->kind, result.startNs) : rows.back().ns + 1;
        result.rows = rows.size();
        result.tooFewRows = rows.size() < kMinWindowRows;
        const table::Table current = rowsTable(*reference, features, *names, rows);
        auto drift = drift::computeDrift(referenceFeatures, current, {});
        if (drift) {
            for (const auto &column : drift->columns) {
                result.features.push_back({.name = column.name, .test = column.test,
                                           .statistic = column.statistic, .pValue = column.pValue,
                                           .threshold = column.threshold, .score = column.severity(),
                                           .drifted = column.drifted,
                                           .referenceMissingShare = column.referenceMissingShare,
                                           .missingShare = column.currentMissingShare});
                result.maxMissingShareChange = std::max(
                    result.maxMissingShareChange,
                    std::abs(column.currentMissingShare - column.referenceMissingShare));
            }
            result.testedFeatures = drift->testedColumns;
            result.driftedFeatures = drift->driftedColumns;
            result.driftShare = drift->shareOfDriftedColumns;
            result.datasetDrift = drift->datasetDrift;
        }
        std::vector<double> scores, labeledScores;
        std::vector<std::uint8_t> labels;
        for (const LoggedRow &row : rows) {
            if (!row.score)
                continue;
            scores.push_back(*row.score);
            if (row.label) {
                labeledScores.push_back(*row.score);
                labels.push_back(*row.label == "1" || *row.label == "true");
            }
        }
        result.labeledRows = labels.size();
        if (!scores.empty()) {
            auto predictionDrift = drift::computeDrift(scoreTable(referenceScores), scoreTable(scores), {});
            if (predictionDrift && !predictionDrift->columns.empty()) {
                const auto &column = predictionDrift->columns.front();
                result.prediction = FeatureWindowDrift{.name = "prediction", .test = column.test,
                                                       .statistic = column.statistic, .pValue = column.pValue,
                                                       .threshold = column.threshold, .score = column.severity(),
                                                       .drifted = column.drifted};
            }
            result.estimated = estimatedPerformance(scores, scores, 0.5);
        }
        if (!labels.empty())
            result.realized = realizedPerformance(labeledScores, labels, 0.5);
        for (const auto &rule : *rules) {
            const auto band = report.bands.find(rule.metric);
            const auto value = result.metric(rule.metric);
            const bool hasBand = band != report.bands.end();
            if (breaks(rule, value, hasBand ? std::optional(band->second.low) : std::nullopt,
                       hasBand ? std::optional(band->second.high) : std::nullopt))
                result.alerts.push_back({.rule = alertRuleText(rule), .metric = rule.metric,
                                         .value = *value,
                                         .message = rule.metric + " " + std::to_string(*value) + " breaks " +
                                                    alertRuleText(rule)});
        }
        report.labels += labels.size();
        report.windows.push_back(std::move(result));
    }
    return report;
}

Result<table::Table> windowRows(workspace::Workspace &workspace, const std::string &monitorName,
                                std::int64_t startNs, std::int64_t endNs, std::uint64_t maxRows)
{
    auto config = findMonitor(workspace.database(), monitorName);
    if (!config)
        return config.error();
    model::ModelSignature signature;
    auto reference = readReference(workspace, *config, signature);
    if (!reference)
        return reference.error();
    auto names = monitorFeatureNames(workspace.database(), config->id);
    if (!names)
        return names.error();
    auto rows = readRows(workspace, config->id, startNs, endNs);
    if (!rows)
        return rows.error();
    if (maxRows > 0 && rows->size() > maxRows)
        rows->resize(maxRows);
    std::vector<std::string> features;
    for (const auto &feature : signature.features)
        features.push_back(feature.name);
    return rowsTable(*reference, features, *names, *rows);
}

Result<table::Table> referenceRows(workspace::Workspace &workspace, const std::string &monitorName)
{
    auto config = findMonitor(workspace.database(), monitorName);
    if (!config)
        return config.error();
    model::ModelSignature signature;
    auto reference = readReference(workspace, *config, signature);
    if (!reference)
        return reference.error();
    std::vector<table::Column> columns;
    for (const auto &feature : signature.features)
        if (auto index = reference->indexOf(feature.name))
            columns.push_back(reference->column(*index));
    return table::Table(std::move(columns));
}

} // namespace assay::monitor
