// The monitor report's JSON round trip, the errors that name a wrong key, and metric lookups.
#include "monitor/monitor_report.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <functional>

using namespace assay;
using namespace assay::monitor;

namespace {

FeatureWindowDrift featureDrift(std::string name, drift::DriftTest test, double score)
{
    return {
        .name = std::move(name),
        .test = test,
        .statistic = 0.1875,
        .pValue = drift::usesPValue(test) ? std::optional(0.0123) : std::nullopt,
        .threshold = drift::defaultThreshold(test),
        .score = score,
        .drifted = score >= 1,
        .referenceMissingShare = 0.01,
        .missingShare = 0.25,
    };
}

WindowResult window(std::int64_t startNs, bool labelled)
{
    WindowResult result;
    result.startNs = startNs;
    result.endNs = startNs + 604800000000000LL;
    result.rows = 1234;
    result.labeledRows = labelled ? 1000 : 0;
    result.tooFewRows = false;
    result.features = {featureDrift("income", drift::DriftTest::Ks, 2.5),
                       featureDrift("segment", drift::DriftTest::ChiSquare, 0.4),
                       featureDrift("notes", drift::DriftTest::None, 0)};
    result.prediction = featureDrift("prediction", drift::DriftTest::Wasserstein, 0.75);
    result.testedFeatures = 2;
    result.driftedFeatures = 1;
    result.driftShare = 0.5;
    result.datasetDrift = true;
    result.maxMissingShareChange = 0.24;
    result.reconstructionError = 1.0625;
    result.estimated = BinaryPerformance{.rows = 1234,
                                         .accuracy = 0.81,
                                         .precision = 0.7,
                                         .recall = std::nullopt,
                                         .f1 = 0.66,
                                         .rocAuc = 0.8125};
    if (labelled)
        result.realized = BinaryPerformance{.rows = 1000,
                                            .accuracy = 0.79,
                                            .precision = std::nullopt,
                                            .recall = 0.5,
                                            .f1 = 0.6,
                                            .rocAuc = std::nullopt};
    result.alerts = {{.rule = "dataset_drift_share >= 0.5",
                      .metric = "dataset_drift_share",
                      .value = 0.5,
                      .message = "dataset_drift_share 0.5 at or above 0.5"}};
    return result;
}

MonitorReport fullReport()
{
    MonitorReport report;
    report.monitor = "credit-risk";
    report.modelRef = "credit-risk@production";
    report.runId = "run-7f3a";
    report.reference = "data/credit_test.csv@3f2a9c1";
    report.window = "week";
    report.generation = 17;
    report.computedMs = 1772409600123;
    report.referenceRows = 2000;
    report.totalRows = 9876543210ULL;
    report.labels = 4321;
    report.task = "binary";
    report.threshold = 0.35;
    report.keptComponents = 4;
    report.bands = {{"estimated_roc_auc", {.mean = 0.82, .low = 0.79, .high = 0.85}},
                    {"feature_drift_score:income", {.mean = 0.3, .low = -0.1, .high = 0.7}}};
    report.rules = {"dataset_drift_share >= 0.5", "estimated_roc_auc band"};
    // A start time past 2^53 ns: it must survive the trip exactly.
    report.windows = {window(1772409600123456789LL, true), window(1773014400123456789LL, false)};
    report.windows.back().tooFewRows = true;
    report.windows.back().prediction.reset();
    report.windows.back().reconstructionError.reset();
    report.windows.back().estimated.reset();
    report.windows.back().alerts.clear();
    report.warnings = {"window 2026-03-09: 120 rows, under 300"};
    return report;
}

// reportJson of `report` changed by `edit`, then read back.
Result<MonitorReport> readEdited(const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject json =
        QJsonDocument::fromJson(QByteArray::fromStdString(reportJson(fullReport()))).object();
    edit(json);
    return reportFromJson(QJsonDocument(json).toJson().toStdString());
}

// Applies `edit` to the object at windows[index].
std::function<void(QJsonObject &)> inWindow(int index, std::function<void(QJsonObject &)> edit)
{
    return [=](QJsonObject &json) {
        QJsonArray windows = json[QStringLiteral("windows")].toArray();
        QJsonObject target = windows[index].toObject();
        edit(target);
        windows[index] = target;
        json[QStringLiteral("windows")] = windows;
    };
}

} // namespace

class TestMonitorReport : public QObject {
    Q_OBJECT

private slots:
    void roundTripsEveryField()
    {
        const MonitorReport original = fullReport();
        const std::string json = reportJson(original);
        const auto read = reportFromJson(json);
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message.c_str());
        QCOMPARE(reportJson(*read), json);

        QCOMPARE(read->monitor, original.monitor);
        QCOMPARE(read->totalRows, original.totalRows);
        QCOMPARE(read->keptComponents, std::optional(4));
        QCOMPARE(read->bands.at("feature_drift_score:income").low, -0.1);
        QCOMPARE(read->windows.size(), std::size_t(2));
        const WindowResult &first = read->windows.front();
        QCOMPARE(first.startNs, 1772409600123456789LL);
        QCOMPARE(first.features[0].test, drift::DriftTest::Ks);
        QCOMPARE(first.features[0].pValue, std::optional(0.0123));
        QCOMPARE(first.features[2].test, drift::DriftTest::None);
        QCOMPARE(first.prediction->test, drift::DriftTest::Wasserstein);
        QVERIFY(!first.prediction->pValue);
        QVERIFY(!first.estimated->recall);
        QCOMPARE(first.realized->recall, std::optional(0.5));
        QCOMPARE(first.alerts.front().message, original.windows[0].alerts.front().message);
        const WindowResult &last = *read->latest();
        QVERIFY(last.tooFewRows);
        QVERIFY(!last.prediction && !last.reconstructionError && !last.estimated && !last.realized);
        QCOMPARE(read->warnings, original.warnings);
    }

    void emptyOptionalsMayBeLeftOut()
    {
        const auto read = readEdited([](QJsonObject &json) {
            json.remove(QStringLiteral("kept_components"));
            // windows[1] holds nulls for its empty figures; leave the keys out instead
            inWindow(1, [](QJsonObject &w) {
                for (const char *key :
                     {"prediction", "reconstruction_error", "estimated", "realized"})
                    w.remove(QLatin1String(key));
            })(json);
        });
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message.c_str());
        QVERIFY(!read->keptComponents);
        QVERIFY(!read->windows[1].prediction && !read->windows[1].estimated);
    }

    void namesTheFirstWrongKey_data()
    {
        QTest::addColumn<int>("caseIndex");
        QTest::addColumn<QString>("expected");
        const QStringList names{QStringLiteral("window rows as text"),
                                QStringLiteral("missing key"),
                                QStringLiteral("unknown drift test"),
                                QStringLiteral("band bound"),
                                QStringLiteral("performance not an object"),
                                QStringLiteral("negative count"),
                                QStringLiteral("rule not text")};
        const QStringList messages{
            QStringLiteral("windows[1].rows: expected a number"),
            QStringLiteral("monitor: missing"),
            QStringLiteral("windows[0].features[1].test: unknown drift test 'kolmogorov'"),
            QStringLiteral("bands.estimated_roc_auc.low: expected a number"),
            QStringLiteral("windows[0].realized: expected an object or null"),
            QStringLiteral("total_rows: expected a whole number, 0 or more"),
            QStringLiteral("rules[1]: expected text")};
        for (int i = 0; i < names.size(); ++i)
            QTest::newRow(qPrintable(names[i])) << i << messages[i];
    }

    void namesTheFirstWrongKey()
    {
        QFETCH(int, caseIndex);
        QFETCH(QString, expected);
        const std::vector<std::function<void(QJsonObject &)>> edits{
            inWindow(1, [](QJsonObject &w) { w[QStringLiteral("rows")] = QStringLiteral("many"); }),
            [](QJsonObject &json) { json.remove(QStringLiteral("monitor")); },
            inWindow(0,
                     [](QJsonObject &w) {
                         QJsonArray features = w[QStringLiteral("features")].toArray();
                         QJsonObject feature = features[1].toObject();
                         feature[QStringLiteral("test")] = QStringLiteral("kolmogorov");
                         features[1] = feature;
                         w[QStringLiteral("features")] = features;
                     }),
            [](QJsonObject &json) {
                QJsonObject bands = json[QStringLiteral("bands")].toObject();
                QJsonObject band = bands[QStringLiteral("estimated_roc_auc")].toObject();
                band[QStringLiteral("low")] = true;
                bands[QStringLiteral("estimated_roc_auc")] = band;
                json[QStringLiteral("bands")] = bands;
            },
            inWindow(0, [](QJsonObject &w) { w[QStringLiteral("realized")] = 0.5; }),
            [](QJsonObject &json) { json[QStringLiteral("total_rows")] = -3; },
            [](QJsonObject &json) {
                QJsonArray rules = json[QStringLiteral("rules")].toArray();
                rules[1] = 7;
                json[QStringLiteral("rules")] = rules;
            },
        };
        const auto read = readEdited(edits[std::size_t(caseIndex)]);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().kind, ErrorKind::InvalidInput);
        QCOMPARE(QString::fromStdString(read.error().message), expected);
    }

    void refusesWhatIsNotJson()
    {
        const auto notJson = reportFromJson("{\"monitor\": ");
        QVERIFY(!notJson.ok());
        QCOMPARE(notJson.error().kind, ErrorKind::InvalidInput);
        const auto list = reportFromJson("[]");
        QVERIFY(!list.ok());
        QVERIFY(list.error().message.find("expected an object") != std::string::npos);
    }

    void metricsByName()
    {
        const WindowResult result = window(0, true);
        QCOMPARE(result.metric("dataset_drift_share"), std::optional(0.5));
        QCOMPARE(result.metric("drifted_features"), std::optional(1.0));
        QCOMPARE(result.metric("prediction_drift_score"), std::optional(0.75));
        QCOMPARE(result.metric("missing_share_change"), std::optional(0.24));
        QCOMPARE(result.metric("reconstruction_error"), std::optional(1.0625));
        QCOMPARE(result.metric("estimated_accuracy"), std::optional(0.81));
        QCOMPARE(result.metric("estimated_precision"), std::optional(0.7));
        QCOMPARE(result.metric("estimated_f1"), std::optional(0.66));
        QCOMPARE(result.metric("estimated_roc_auc"), std::optional(0.8125));
        QVERIFY(!result.metric("estimated_recall")); // undefined in that window
        QCOMPARE(result.metric("realized_accuracy"), std::optional(0.79));
        QCOMPARE(result.metric("realized_recall"), std::optional(0.5));
        QVERIFY(!result.metric("realized_roc_auc"));
        QCOMPARE(result.metric("feature_drift_score:income"), std::optional(2.5));
        QCOMPARE(result.metric("feature_drift_score:segment"), std::optional(0.4));
        QVERIFY(!result.metric("feature_drift_score:notes")); // not tested
        QVERIFY(!result.metric("feature_drift_score:salary"));
        QVERIFY(!result.metric("estimated_brier"));
        QVERIFY(!result.metric("no_such_metric"));

        const WindowResult unlabelled = window(0, false);
        QVERIFY(!unlabelled.metric("realized_accuracy"));
        WindowResult empty;
        QVERIFY(!empty.metric("dataset_drift_share"));
        QVERIFY(!empty.metric("drifted_features"));
        QVERIFY(!empty.metric("prediction_drift_score"));
        QVERIFY(!empty.metric("missing_share_change"));
        QVERIFY(!empty.metric("reconstruction_error"));
        QVERIFY(!empty.metric("estimated_roc_auc"));
    }
};

QTEST_GUILESS_MAIN(TestMonitorReport)
#include "test_monitor_report.moc"
