// reportFromJson: reads what reportJson wrote, checking every key it knows (unknown keys are
// ignored) and naming the first wrong one by its path: "windows[3].rows: expected a number".
#include "monitor/monitor_report.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <limits>

namespace assay::monitor {

namespace {

// Reads fields in document order and keeps the first problem; after one, reads return
// defaults and the caller reports `problem`.
class Reader {
public:
    std::optional<std::string> problem;

    struct Object {
        QJsonObject json;
        std::string path;
    };

    std::string pathOf(const Object &object, std::string_view name) const
    {
        return object.path.empty() ? std::string(name) : object.path + "." + std::string(name);
    }

    void fail(const std::string &path, std::string_view what)
    {
        if (!problem)
            problem = path + ": " + std::string(what);
    }

    // The value at `name`; fails with "missing" when absent (unless `optional`).
    QJsonValue value(const Object &object, std::string_view name, bool optional = false)
    {
        const QJsonValue found =
            object.json.value(QString::fromUtf8(name.data(), qsizetype(name.size())));
        if (found.isUndefined() && !optional)
            fail(pathOf(object, name), "missing");
        return found;
    }

    std::string text(const Object &object, std::string_view name)
    {
        const QJsonValue found = value(object, name);
        if (!found.isUndefined() && !found.isString())
            fail(pathOf(object, name), "expected text");
        return found.toString().toStdString();
    }

    bool flag(const Object &object, std::string_view name)
    {
        const QJsonValue found = value(object, name);
        if (!found.isUndefined() && !found.isBool())
            fail(pathOf(object, name), "expected true or false");
        return found.toBool();
    }

    static std::optional<double> infinity(const QJsonValue &found)
    {
        if (found.toString() == QStringLiteral("Infinity"))
            return std::numeric_limits<double>::infinity();
        if (found.toString() == QStringLiteral("-Infinity"))
            return -std::numeric_limits<double>::infinity();
        return std::nullopt;
    }

    // A number; null stands for NaN, "Infinity" and "-Infinity" for the infinities.
    double number(const Object &object, std::string_view name)
    {
        const QJsonValue found = value(object, name);
        if (found.isNull())
            return std::numeric_limits<double>::quiet_NaN();
        if (auto inf = infinity(found))
            return *inf;
        if (!found.isUndefined() && !found.isDouble())
            fail(pathOf(object, name), "expected a number");
        return found.toDouble();
    }

    std::optional<double> optionalNumber(const Object &object, std::string_view name)
    {
        const QJsonValue found = value(object, name, true);
        if (found.isUndefined() || found.isNull())
            return std::nullopt;
        if (auto inf = infinity(found))
            return inf;
        if (!found.isDouble())
            fail(pathOf(object, name), "expected a number or null");
        return found.toDouble();
    }

    std::int64_t integer(const Object &object, std::string_view name, std::int64_t minimum)
    {
        const QJsonValue found = value(object, name);
        if (found.isUndefined())
            return 0;
        const double asDouble = found.toDouble();
        if (!found.isDouble())
            fail(pathOf(object, name), "expected a number");
        else if (asDouble != std::floor(asDouble) || asDouble < double(minimum))
            fail(pathOf(object, name),
                 minimum == 0 ? "expected a whole number, 0 or more" : "expected a whole number");
        return found.toInteger();
    }

    std::uint64_t count(const Object &object, std::string_view name)
    {
        return std::uint64_t(integer(object, name, 0));
    }

    std::optional<Object> object(const Object &parent, std::string_view name, bool optional)
    {
        const QJsonValue found = value(parent, name, optional);
        if (found.isUndefined() || (optional && found.isNull()))
            return std::nullopt;
        if (!found.isObject()) {
            fail(pathOf(parent, name),
                 optional ? "expected an object or null" : "expected an object");
            return std::nullopt;
        }
        return Object{.json = found.toObject(), .path = pathOf(parent, name)};
    }

    // Calls read(element) for each object of the array at `name`, with the path "name[i]".
    template <typename Read> void objects(const Object &parent, std::string_view name, Read read)
    {
        const QJsonValue found = value(parent, name);
        if (found.isUndefined())
            return;
        if (!found.isArray())
            return fail(pathOf(parent, name), "expected a list");
        const QJsonArray array = found.toArray();
        for (qsizetype i = 0; i < array.size() && !problem; ++i) {
            const std::string path = pathOf(parent, name) + "[" + std::to_string(i) + "]";
            if (!array[i].isObject())
                return fail(path, "expected an object");
            read(Object{.json = array[i].toObject(), .path = path});
        }
    }

    std::vector<std::string> texts(const Object &parent, std::string_view name)
    {
        std::vector<std::string> values;
        const QJsonValue found = value(parent, name);
        if (found.isUndefined())
            return values;
        if (!found.isArray()) {
            fail(pathOf(parent, name), "expected a list");
            return values;
        }
        const QJsonArray array = found.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array[i].isString())
                fail(pathOf(parent, name) + "[" + std::to_string(i) + "]", "expected text");
            values.push_back(array[i].toString().toStdString());
        }
        return values;
    }
};

using Object = Reader::Object;

BinaryPerformance readPerformance(Reader &reader, const Object &json)
{
    return {
        .rows = reader.count(json, "rows"),
        .accuracy = reader.optionalNumber(json, "accuracy"),
        .precision = reader.optionalNumber(json, "precision"),
        .recall = reader.optionalNumber(json, "recall"),
        .f1 = reader.optionalNumber(json, "f1"),
        .rocAuc = reader.optionalNumber(json, "roc_auc"),
    };
}

FeatureWindowDrift readFeature(Reader &reader, const Object &json)
{
    FeatureWindowDrift drift;
    drift.name = reader.text(json, "name");
    const std::string test = reader.text(json, "test");
    if (const auto known = drift::testFromName(test))
        drift.test = *known;
    else
        reader.fail(reader.pathOf(json, "test"), "unknown drift test '" + test + "'");
    drift.statistic = reader.number(json, "statistic");
    drift.pValue = reader.optionalNumber(json, "p_value");
    drift.threshold = reader.number(json, "threshold");
    drift.score = reader.number(json, "score");
    drift.drifted = reader.flag(json, "drifted");
    drift.referenceMissingShare = reader.number(json, "reference_missing_share");
    drift.missingShare = reader.number(json, "missing_share");
    return drift;
}

WindowResult readWindow(Reader &reader, const Object &json)
{
    WindowResult window;
    window.startNs = reader.integer(json, "start_ns", std::numeric_limits<std::int64_t>::min());
    window.endNs = reader.integer(json, "end_ns", std::numeric_limits<std::int64_t>::min());
    window.rows = reader.count(json, "rows");
    window.labeledRows = reader.count(json, "labeled_rows");
    window.tooFewRows = reader.flag(json, "too_few_rows");
    reader.objects(json, "features", [&](const Object &feature) {
        window.features.push_back(readFeature(reader, feature));
    });
    if (const auto prediction = reader.object(json, "prediction", true))
        window.prediction = readFeature(reader, *prediction);
    window.testedFeatures = reader.count(json, "tested_features");
    window.driftedFeatures = reader.count(json, "drifted_features");
    window.driftShare = reader.number(json, "drift_share");
    window.datasetDrift = reader.flag(json, "dataset_drift");
    window.maxMissingShareChange = reader.number(json, "max_missing_share_change");
    window.reconstructionError = reader.optionalNumber(json, "reconstruction_error");
    if (const auto estimated = reader.object(json, "estimated", true))
        window.estimated = readPerformance(reader, *estimated);
    if (const auto realized = reader.object(json, "realized", true))
        window.realized = readPerformance(reader, *realized);
    reader.objects(json, "alerts", [&](const Object &alert) {
        window.alerts.push_back({
            .rule = reader.text(alert, "rule"),
            .metric = reader.text(alert, "metric"),
            .value = reader.number(alert, "value"),
            .message = reader.text(alert, "message"),
        });
    });
    return window;
}

void readBands(Reader &reader, const Object &json, MonitorReport &report)
{
    const auto bands = reader.object(json, "bands", false);
    if (!bands)
        return;
    for (auto it = bands->json.begin(); it != bands->json.end() && !reader.problem; ++it) {
        const std::string metric = it.key().toStdString();
        const auto band = reader.object(*bands, metric, false);
        if (!band)
            return;
        report.bands[metric] = {.mean = reader.number(*band, "mean"),
                                .low = reader.number(*band, "low"),
                                .high = reader.number(*band, "high")};
    }
}

} // namespace

Result<MonitorReport> reportFromJson(const std::string &json)
{
    QJsonParseError parseError;
    const auto document = QJsonDocument::fromJson(QByteArray::fromStdString(json), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error::invalidInput("monitor report: " + parseError.errorString().toStdString() +
                                   " at offset " + std::to_string(parseError.offset));
    if (!document.isObject())
        return Error::invalidInput("monitor report: expected an object");

    Reader reader;
    const Object root{.json = document.object(), .path = {}};
    MonitorReport report;
    report.monitor = reader.text(root, "monitor");
    report.modelRef = reader.text(root, "model");
    report.runId = reader.text(root, "run_id");
    report.reference = reader.text(root, "reference");
    report.window = reader.text(root, "window");
    report.generation = reader.integer(root, "generation", 0);
    report.computedMs = reader.integer(root, "computed_ms", 0);
    report.referenceRows = reader.count(root, "reference_rows");
    report.totalRows = reader.count(root, "total_rows");
    report.labels = reader.count(root, "labels");
    report.task = reader.text(root, "task");
    report.threshold = reader.number(root, "threshold");
    if (const auto kept = reader.optionalNumber(root, "kept_components")) {
        if (*kept != std::floor(*kept) || *kept < 0)
            reader.fail("kept_components", "expected a whole number, 0 or more");
        report.keptComponents = int(*kept);
    }
    readBands(reader, root, report);
    report.rules = reader.texts(root, "rules");
    reader.objects(root, "windows", [&](const Object &window) {
        report.windows.push_back(readWindow(reader, window));
    });
    report.warnings = reader.texts(root, "warnings");
    if (reader.problem)
        return Error::invalidInput(*reader.problem);
    return report;
}

} // namespace assay::monitor
