#include "demo/demo_monitoring.h"

#include "common/atomic_file.h"
#include "common/random.h"
#include "demo/credit_data.h"
#include "demo/demo_registry.h"
#include "model/feature_matrix.h"
#include "monitor/alert_rules.h"
#include "monitor/log_ingest.h"
#include "monitor/monitor_config.h"
#include "table/reader.h"
#include "version/dvc_add.h"
#include "workspace/workspace.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <span>

namespace assay::demo {

namespace {

namespace fs = std::filesystem;

constexpr int kFirstMonday = 20451;              // 2025-12-29, the first day of ISO week 2026-W01
constexpr std::int64_t kDayMs = 86'400'000;
constexpr long long kFirstLoggedId = 500001;

// How far the population has moved on in each week (0 = as in training).
constexpr std::array<double, kDemoLogWeeks> kWeekShift{0, 0, 0, 0, 1.0, 1.3, 1.6, 1.9};

struct Line {
    std::int64_t ms = 0; // sorts a file's lines
    std::string text;
};

// One logged prediction: its features as JSON values, in the model's feature order.
struct Prediction {
    std::string id;
    std::int64_t ms = 0;
    std::vector<std::string> values; // JSON
    std::vector<bool> isText;
    double score = 0;
    bool defaulted = false;
};

std::string isoTime(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs).toStdString();
}

std::string number(double value)
{
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, end);
}

std::string jsonString(std::string_view text)
{
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + '"';
}

std::string jsonValue(const table::Column &column, std::size_t row)
{
    if (column.isMissing(row))
        return "null";
    switch (column.type()) {
    case table::ColumnType::Bool:
        return column.bools()[row] ? "true" : "false";
    case table::ColumnType::String:
        return jsonString(column.text(row));
    default:
        return column.format(row);
    }
}

// The moment of each of `rows` predictions in a week: busier on weekdays and in office hours.
std::vector<std::int64_t> weekTimes(Random &random, std::int64_t weekStartMs, std::size_t rows)
{
    constexpr std::array<double, 7> dayWeights{1.0, 1.05, 1.0, 1.0, 0.95, 0.45, 0.3};
    constexpr std::array<double, 24> hourWeights{0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.3, 1.7, 1.8, 1.8,
                                                 1.6, 1.7, 1.8, 1.7, 1.5, 1.3, 1.1, 1.0, 0.9, 0.7, 0.5, 0.3};
    std::vector<std::int64_t> times(rows);
    for (auto &ms : times) {
        const auto day = static_cast<std::int64_t>(random.pick(dayWeights));
        const auto hour = static_cast<std::int64_t>(random.pick(hourWeights));
        ms = weekStartMs + day * kDayMs + hour * 3'600'000 +
             static_cast<std::int64_t>(random.uniform() * 3'600'000);
    }
    std::sort(times.begin(), times.end());
    return times;
}

Result<std::vector<Prediction>> weekPredictions(const model::Model &model, int week, std::uint64_t seed,
                                                long long &nextId, Random &random)
{
    const auto rows = static_cast<std::size_t>(1700 + random.integer(0, 1100));
    const int firstDay = kFirstMonday + 7 * week;
    const std::string csv =
        generateCreditApplications(kWeekShift[std::size_t(week)], rows, seed + std::uint64_t(week), firstDay, 7, nextId);
    nextId += static_cast<long long>(rows);
    auto read = table::readTableFromBuffer(csv, "simulated applications", {.format = table::FileFormat::Csv});
    if (!read)
        return read.error();
    const table::Table &data = read->table;
    const auto &features = model.signature().features;
    auto matrix = model::buildMatrix(data, features, "simulated applications");
    if (!matrix)
        return matrix.error();
    const std::vector<double> scores = model.predictions(*matrix, 1);
    const auto ids = data.indexOf("application_id");
    const auto target = data.indexOf("defaulted");
    std::vector<std::size_t> columns;
    for (const auto &feature : features)
        columns.push_back(*data.indexOf(feature.name));
    const auto times = weekTimes(random, std::int64_t(firstDay) * kDayMs, rows);
    std::vector<Prediction> predictions(rows);
    for (std::size_t r = 0; r < rows; ++r) {
        Prediction &p = predictions[r];
        p.id = "cr-" + data.column(*ids).format(r);
        p.ms = times[r];
        for (std::size_t c : columns) {
            p.values.push_back(jsonValue(data.column(c), r));
            p.isText.push_back(data.column(c).type() == table::ColumnType::String);
        }
        p.score = std::round(scores[r] * 1e6) / 1e6;
        p.defaulted = data.column(*target).numeric(r) > 0.5;
    }
    return predictions;
}

std::string flatFields(const model::Model &model, const Prediction &p)
{
    std::string out;
    const auto &features = model.signature().features;
    for (std::size_t f = 0; f < features.size(); ++f)
        out += ", " + jsonString(features[f].name) + ": " + p.values[f];
    return out;
}

std::string flatRecord(const model::Model &model, const Prediction &p)
{
    return "{\"timestamp\": " + jsonString(isoTime(p.ms)) + ", \"id\": " + jsonString(p.id) + flatFields(model, p) +
           ", \"prediction\": " + number(p.score) + "}";
}

std::string cloudEvent(const model::Model &model, const Prediction &p)
{
    return "{\"specversion\": \"1.0\", \"type\": \"ai.assay.demo.prediction\", \"source\": "
           "\"/serving/credit-risk\", \"id\": " + jsonString("evt-" + p.id) + ", \"time\": " + jsonString(isoTime(p.ms)) +
           ", \"datacontenttype\": \"application/json\", \"data\": {\"id\": " + jsonString(p.id) +
           flatFields(model, p) + ", \"prediction\": " + number(p.score) + "}}";
}

std::string kserveV2(const model::Model &model, const Prediction &p)
{
    std::string inputs;
    const auto &features = model.signature().features;
    for (std::size_t f = 0; f < features.size(); ++f) {
        const char *type = p.isText[f] ? "BYTES" : (p.values[f] == "true" || p.values[f] == "false" ? "BOOL" : "FP64");
        inputs += std::string(f ? ", " : "") + "{\"name\": " + jsonString(features[f].name) +
                  ", \"shape\": [1], \"datatype\": \"" + type + "\", \"data\": [" + p.values[f] + "]}";
    }
    return "{\"timestamp\": " + std::to_string(p.ms) + ", \"id\": " + jsonString(p.id) + ", \"inputs\": [" + inputs +
           "], \"outputs\": [{\"name\": \"probability\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [" +
           number(p.score) + "]}]}";
}

// An MLflow scoring request of several applications at once; no per-row ids, so no labels.
std::string mlflowBatch(const model::Model &model, std::span<const Prediction> batch, const std::string &requestId)
{
    std::string columns, data, predictions;
    const auto &features = model.signature().features;
    for (std::size_t f = 0; f < features.size(); ++f)
        columns += std::string(f ? ", " : "") + jsonString(features[f].name);
    for (std::size_t r = 0; r < batch.size(); ++r) {
        std::string row;
        for (std::size_t f = 0; f < features.size(); ++f)
            row += std::string(f ? ", " : "") + batch[r].values[f];
        data += std::string(r ? ", " : "") + "[" + row + "]";
        predictions += std::string(r ? ", " : "") + number(batch[r].score);
    }
    return "{\"timestamp\": " + jsonString(isoTime(batch.front().ms)) + ", \"request_id\": " + jsonString(requestId) +
           ", \"dataframe_split\": {\"columns\": [" + columns + "], \"data\": [" + data +
           "]}, \"predictions\": [" + predictions + "]}";
}

// The default rules, plus an alert as soon as two features drift.
std::string demoRules()
{
    std::vector<monitor::AlertRule> rules = monitor::defaultAlertRules();
    rules.push_back(*monitor::parseAlertRule("drifted_features >= 2"));
    return monitor::alertRulesJson(rules);
}

// The applications of the two weeks before go-live, with their outcomes: held out from
// training, so the model scores them as it will score new applicants, which is what the
// calibration of estimated performance and the reference bands need.
Status writeReference(const fs::path &file, std::uint64_t seed)
{
    constexpr std::size_t kReferenceRows = 6000;
    const std::string csv =
        generateCreditApplications(0.0, kReferenceRows, seed + 97, kFirstMonday - 14, 14, kFirstLoggedId - 100000);
    return writeFileAtomically(file, csv);
}

std::string fileName(int week)
{
    char name[32];
    std::snprintf(name, sizeof name, "2026-W%02d.jsonl", week + 1);
    return name;
}

} // namespace

Result<std::vector<std::string>> recordDemoMonitoring(workspace::Workspace &workspace, std::uint64_t seed,
                                                      const Progress &progress)
{
    const std::string production = std::string(kDemoRegisteredModel) + ":production";
    std::string modelRef = production;
    auto monitored = monitor::openMonitoredModel(workspace, modelRef);
    if (!monitored) {
        // A demo too small for the gate keeps no production version: watch the champion.
        modelRef = std::string(kDemoRegisteredModel) + "@champion";
        monitored = monitor::openMonitoredModel(workspace, modelRef);
    }
    if (!monitored)
        return monitored.error();
    const model::Model &model = *monitored->model.model;

    Random random(seed ^ 0x5eed0009ULL);
    std::vector<std::vector<Line>> files(kDemoLogWeeks);
    long long nextId = kFirstLoggedId;
    const std::int64_t endMs = std::int64_t(kFirstMonday + 7 * kDemoLogWeeks) * kDayMs;
    for (int week = 0; week < kDemoLogWeeks; ++week) {
        if (progress.isCancelled())
            return Error::cancelled();
        progress.report(0.6 * week / kDemoLogWeeks, "production logs");
        auto predictions = weekPredictions(model, week, seed, nextId, random);
        if (!predictions)
            return predictions.error();
        int batches = 0;
        for (std::size_t r = 0; r < predictions->size();) {
            const Prediction &p = (*predictions)[r];
            const double shape = random.uniform();
            if (shape >= 0.95) {
                const std::size_t size = std::min<std::size_t>(std::size_t(random.integer(2, 5)), predictions->size() - r);
                const std::string requestId = "batch-" + std::to_string(week + 1) + "-" + std::to_string(++batches);
                files[std::size_t(week)].push_back(
                    {p.ms, mlflowBatch(model, std::span(*predictions).subspan(r, size), requestId)});
                r += size;
                continue;
            }
            std::string text;
            if (shape < 0.62)
                text = flatRecord(model, p);
            else if (shape < 0.72)
                text = isoTime(p.ms).replace(19, std::string::npos, "+00:00") + "\tcredit.predictions\t" +
                       flatRecord(model, p);
            else if (shape < 0.83)
                text = cloudEvent(model, p);
            else
                text = kserveV2(model, p);
            files[std::size_t(week)].push_back({p.ms, std::move(text)});
            // The outcome is known days later, in whichever week's file that falls.
            if (week < kDemoLabelledWeeks) {
                const std::int64_t labelMs = p.ms + std::int64_t(random.uniform(0.5, 9.0) * double(kDayMs));
                const auto labelWeek = std::size_t((labelMs / kDayMs - kFirstMonday) / 7);
                if (labelMs < endMs)
                    files[labelWeek].push_back({labelMs, "{\"timestamp\": " + jsonString(isoTime(labelMs)) +
                                                             ", \"id\": " + jsonString(p.id) + ", \"label\": " +
                                                             (p.defaulted ? "1" : "0") + "}"});
            }
            ++r;
        }
    }

    const fs::path folder = workspace.root() / kDemoLogsFolder;
    std::error_code error;
    fs::create_directories(folder, error);
    if (error)
        return Error::io(folder.string() + ": cannot create: " + error.message());
    std::vector<fs::path> logs;
    for (int week = 0; week < kDemoLogWeeks; ++week) {
        auto &lines = files[std::size_t(week)];
        std::stable_sort(lines.begin(), lines.end(), [](const Line &a, const Line &b) { return a.ms < b.ms; });
        std::string text;
        for (const Line &line : lines)
            text += line.text + '\n';
        logs.push_back(folder / fileName(week));
        ASSAY_TRY(writeFileAtomically(logs.back(), text));
    }

    ASSAY_TRY(writeReference(workspace.root() / kDemoReferenceFile, seed));
    auto configured = monitor::configureMonitor(workspace, {.model = modelRef, .reference = kDemoReferenceFile,
                                                            .window = "week", .rulesJson = demoRules()});
    if (!configured)
        return configured.error();
    const Progress ingestProgress(
        [&progress](double fraction, std::string_view) { progress.report(0.6 + 0.4 * fraction, "ingest"); },
        progress.token());
    auto ingested = monitor::ingestLogs(workspace, configured->name, logs, {}, ingestProgress);
    if (!ingested)
        return ingested.error();

    std::vector<std::string> toStage;
    std::vector<fs::path> versioned = logs;
    versioned.push_back(workspace.root() / kDemoReferenceFile);
    for (const fs::path &file : versioned) {
        auto added = version::addFile(workspace.root(), fs::relative(file, workspace.root()).generic_string());
        if (!added)
            return added.error();
        toStage.insert(toStage.end(), added->changedFiles.begin(), added->changedFiles.end());
    }
    return toStage;
}

} // namespace assay::demo
