// TEMPORARY stand-in for the ingest helper's log_parser.cpp and log_ingest.cpp, so the
// Monitor area and the demo link before the real ones are merged. Delete before finishing.
#include "monitor/feature_codec.h"
#include "monitor/log_ingest.h"
#include "monitor/log_parser.h"
#include "monitor/monitor_config.h"
#include "workspace/workspace.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <sqlite3.h>

#include <fstream>
#include <functional>
#include <map>
#include <set>

namespace assay::monitor {

namespace {

const std::set<QString> kReserved{
    QStringLiteral("timestamp"), QStringLiteral("time"), QStringLiteral("ts"),
    QStringLiteral("@timestamp"), QStringLiteral("date"), QStringLiteral("id"),
    QStringLiteral("request_id"), QStringLiteral("prediction"), QStringLiteral("score"),
    QStringLiteral("label"), QStringLiteral("predictions")};

LoggedValue valueOf(const QJsonValue &value)
{
    if (value.isDouble())
        return LoggedValue::of(value.toDouble());
    if (value.isBool())
        return LoggedValue::of(value.toBool() ? 1.0 : 0.0);
    if (value.isString())
        return LoggedValue::of(value.toString().toStdString());
    return LoggedValue::missing();
}

std::optional<std::int64_t> timestampOf(const QJsonObject &object)
{
    for (const char *key : {"timestamp", "time", "ts", "@timestamp", "date"}) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isString())
            return parseLogTimestamp(value.toString().toStdString());
        if (value.isDouble())
            return parseLogTimestamp(std::to_string(static_cast<std::int64_t>(value.toDouble())));
    }
    return std::nullopt;
}

std::string idOf(const QJsonObject &object)
{
    for (const char *key : {"id", "request_id"}) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isString())
            return value.toString().toStdString();
        if (value.isDouble())
            return std::to_string(static_cast<std::int64_t>(value.toDouble()));
    }
    return {};
}

std::optional<std::string> labelOf(const QJsonObject &object)
{
    const QJsonValue value = object.value(QStringLiteral("label"));
    if (value.isDouble())
        return std::to_string(static_cast<std::int64_t>(value.toDouble()));
    if (value.isString())
        return value.toString().toStdString();
    return std::nullopt;
}

} // namespace

LogLineParser::LogLineParser(Options options) : m_options(std::move(options)) {}

bool LogLineParser::parse(std::string_view line, std::vector<LogRecord> &out, LineError &error)
{
    if (line.find_first_not_of(" \t\r") == std::string_view::npos)
        return true;
    if (const auto tab = line.rfind('\t'); tab != std::string_view::npos)
        line = line.substr(tab + 1);
    QJsonParseError parseError;
    const auto document =
        QJsonDocument::fromJson(QByteArray(line.data(), qsizetype(line.size())), &parseError);
    if (!document.isObject()) {
        error = {.column = std::size_t(parseError.offset + 1), .reason = "not a JSON object"};
        return false;
    }
    QJsonObject object = document.object();
    std::optional<std::int64_t> envelopeTime;
    if (object.contains(QStringLiteral("specversion")) && object.value(QStringLiteral("data")).isObject()) {
        envelopeTime = timestampOf(object);
        object = object.value(QStringLiteral("data")).toObject();
    }
    const auto timestamp = timestampOf(object) ? timestampOf(object) : envelopeTime;
    const std::string id = idOf(object);
    if (object.contains(QStringLiteral("dataframe_split"))) {
        const QJsonObject split = object.value(QStringLiteral("dataframe_split")).toObject();
        const QJsonArray columns = split.value(QStringLiteral("columns")).toArray();
        const QJsonArray data = split.value(QStringLiteral("data")).toArray();
        const QJsonArray predictions = object.value(QStringLiteral("predictions")).toArray();
        for (qsizetype row = 0; row < data.size(); ++row) {
            LogRecord record{.timestampNs = timestamp, .id = id, .features = {}, .score = {},
                             .predictedClass = {}, .label = {}, .item = std::uint32_t(row)};
            const QJsonArray values = data[row].toArray();
            for (qsizetype c = 0; c < columns.size() && c < values.size(); ++c)
                record.features.emplace_back(columns[c].toString().toStdString(), valueOf(values[c]));
            if (row < predictions.size())
                record.score = predictions[row].toDouble();
            out.push_back(std::move(record));
        }
        return true;
    }
    LogRecord record{.timestampNs = timestamp, .id = id, .features = {}, .score = {},
                     .predictedClass = {}, .label = labelOf(object), .item = 0};
    if (object.value(QStringLiteral("inputs")).isArray()) {
        for (const QJsonValue &tensor : object.value(QStringLiteral("inputs")).toArray()) {
            const QJsonObject t = tensor.toObject();
            record.features.emplace_back(t.value(QStringLiteral("name")).toString().toStdString(),
                                         valueOf(t.value(QStringLiteral("data")).toArray().at(0)));
        }
        const QJsonArray outputs = object.value(QStringLiteral("outputs")).toArray();
        if (!outputs.isEmpty())
            record.score = outputs[0].toObject().value(QStringLiteral("data")).toArray().at(0).toDouble();
    } else {
        for (auto it = object.begin(); it != object.end(); ++it)
            if (!kReserved.count(it.key()))
                record.features.emplace_back(it.key().toStdString(), valueOf(it.value()));
        for (const char *key : {"prediction", "score"})
            if (object.value(QLatin1String(key)).isDouble())
                record.score = object.value(QLatin1String(key)).toDouble();
    }
    out.push_back(std::move(record));
    return true;
}

std::optional<std::int64_t> parseLogTimestamp(std::string_view text)
{
    const QString value = QString::fromUtf8(text.data(), qsizetype(text.size()));
    bool isNumber = false;
    const double number = value.toDouble(&isNumber);
    if (isNumber) {
        if (number > 1e17)
            return std::int64_t(number);
        if (number > 1e14)
            return std::int64_t(number * 1e3);
        if (number > 1e11)
            return std::int64_t(number * 1e6);
        return std::int64_t(number * 1e9);
    }
    QDateTime time = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeZone(QTimeZone::utc());
    return time.toMSecsSinceEpoch() * 1'000'000;
}

Result<IngestReport> ingestLogs(workspace::Workspace &workspace, const std::string &monitorName,
                                const std::vector<std::filesystem::path> &logs,
                                const IngestOptions &, const Progress &progress)
{
    auto &db = workspace.database();
    auto config = findMonitor(db, monitorName);
    if (!config)
        return config.error();
    auto names = monitorFeatureNames(db, config->id);
    if (!names)
        return names.error();
    std::map<std::string, std::uint32_t> positions;
    for (std::size_t i = 0; i < names->size(); ++i)
        positions[(*names)[i]] = std::uint32_t(i);
    IngestReport report;
    report.monitor = monitorName;
    LogLineParser parser;
    std::int64_t lastNs = 0;
    ASSAY_TRY(db.transaction([&]() -> Status {
        auto addFeature = db.prepare("INSERT INTO monitor_features(monitor_id, position, name) VALUES (?, ?, ?)");
        auto addRow = db.prepare("INSERT OR IGNORE INTO monitor_rows(monitor_id, ts_ns, record_id, score, "
                                 "features, line_hash, item) VALUES (?, ?, ?, ?, ?, ?, ?)");
        auto addLabel = db.prepare("INSERT OR REPLACE INTO monitor_labels(monitor_id, record_id, label, ts_ns) "
                                   "VALUES (?, ?, ?, ?)");
        if (!addFeature || !addRow || !addLabel)
            return Error::io("cannot prepare the ingest");
        for (std::size_t f = 0; f < logs.size(); ++f) {
            if (progress.isCancelled())
                return Error::cancelled();
            progress.report(double(f) / double(logs.size()), "ingest");
            std::ifstream in(logs[f]);
            if (!in)
                return Error::io(logs[f].string() + ": cannot read");
            ++report.files;
            std::string line;
            std::uint64_t lineNumber = 0;
            while (std::getline(in, line)) {
                ++lineNumber;
                std::vector<LogRecord> records;
                LineError error;
                if (line.empty())
                    continue;
                ++report.lines;
                if (!parser.parse(line, records, error)) {
                    ++report.badLines;
                    if (report.firstBadLines.size() < 10)
                        report.firstBadLines.push_back({logs[f].string(), lineNumber, error.column, error.reason});
                    continue;
                }
                const auto hash = std::int64_t(std::hash<std::string>{}(line));
                for (const LogRecord &record : records) {
                    const std::int64_t ns = record.timestampNs.value_or(lastNs);
                    lastNs = ns;
                    if (record.label) {
                        addLabel->reset();
                        addLabel->bind(1, config->id).bind(2, record.id).bind(3, *record.label).bind(4, ns);
                        ASSAY_TRY(addLabel->run());
                        ++report.labels;
                    }
                    if (record.isLabelOnly())
                        continue;
                    std::vector<std::pair<std::uint32_t, const LoggedValue *>> values;
                    for (const auto &[name, value] : record.features) {
                        auto found = positions.find(name);
                        if (found == positions.end()) {
                            const auto position = std::uint32_t(positions.size());
                            addFeature->reset();
                            addFeature->bind(1, config->id).bind(2, std::int64_t(position)).bind(3, name);
                            ASSAY_TRY(addFeature->run());
                            found = positions.emplace(name, position).first;
                        }
                        values.emplace_back(found->second, &value);
                    }
                    std::string blob;
                    encodeFeatures(values, blob);
                    addRow->reset();
                    addRow->bind(1, config->id).bind(2, ns).bind(3, record.id);
                    if (record.score)
                        addRow->bind(4, *record.score);
                    else
                        addRow->bindNull(4);
                    addRow->bind(5, std::string_view(blob)).bind(6, hash).bind(7, std::int64_t(record.item));
                    ASSAY_TRY(addRow->run());
                    if (sqlite3_changes(db.handle()) > 0)
                        ++report.rows;
                    else
                        ++report.duplicates;
                    report.firstNs = std::min(report.firstNs.value_or(ns), ns);
                    report.lastNs = std::max(report.lastNs.value_or(ns), ns);
                }
            }
        }
        if (report.rows == 0 && report.labels == 0)
            return {};
        auto bump = db.prepare("UPDATE monitors SET generation = generation + 1 WHERE id = ?");
        if (!bump)
            return bump.error();
        bump->bind(1, config->id);
        return bump->run();
    }));
    return report;
}

} // namespace assay::monitor
