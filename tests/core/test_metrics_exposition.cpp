// Prometheus text exposition of monitor reports: the exact text of a small case, label
// escaping, the per-model cap on feature series, families written once and grouped, missing
// values left out, and Prometheus's own `promtool check metrics` accepting the output.
#include "monitor/metrics_exposition.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <sstream>

using namespace assay::monitor;

namespace {

FeatureWindowDrift feature(const std::string &name, double score, double missingShare,
                           assay::drift::DriftTest test = assay::drift::DriftTest::Ks)
{
    FeatureWindowDrift drift;
    drift.name = name;
    drift.test = test;
    drift.score = score;
    drift.drifted = score >= 1;
    drift.missingShare = missingShare;
    return drift;
}

MonitorReport creditReport()
{
    MonitorReport report;
    report.monitor = "credit-risk";
    report.computedMs = 1'700'000'123'500;
    report.totalRows = 1200;
    report.labels = 300;
    WindowResult window;
    window.startNs = 1'700'000'000'000'000'000;
    window.rows = 400;
    window.features = {feature("income", 1.5, 0), feature("debt", 0.25, 0.125),
                       feature("region", 0, 1, assay::drift::DriftTest::None)};
    window.prediction = feature("prediction", 0.5, 0);
    window.testedFeatures = 2;
    window.driftedFeatures = 1;
    window.driftShare = 0.5;
    window.reconstructionError = 2.25;
    BinaryPerformance estimated;
    estimated.rows = 400;
    estimated.accuracy = 0.75;
    estimated.rocAuc = 0.8125;
    window.estimated = estimated;
    window.alerts.push_back({.rule = "dataset_drift_share >= 0.5", .metric = "dataset_drift_share", .value = 0.5,
                             .message = "dataset_drift_share 0.5 at or above 0.5"});
    report.windows.push_back(window);
    return report;
}

// Metric names of the sample lines, in order.
std::vector<std::string> sampleNames(const std::string &text)
{
    std::vector<std::string> names;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty() && line.front() != '#')
            names.push_back(line.substr(0, line.find_first_of("{ ")));
    return names;
}

int countOf(const std::string &text, const std::string &needle)
{
    int count = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
        ++count;
    return count;
}

} // namespace

class TestMetricsExposition : public QObject {
    Q_OBJECT

private slots:
    void smallCaseIsExact()
    {
        const std::string expected =
            "# HELP assay_monitor_up 1 when the monitor was evaluated for this scrape, 0 when its evaluation failed.\n"
            "# TYPE assay_monitor_up gauge\n"
            "assay_monitor_up{model=\"credit-risk\"} 1\n"
            "# HELP assay_prediction_rows_total Prediction rows logged for the model.\n"
            "# TYPE assay_prediction_rows_total counter\n"
            "assay_prediction_rows_total{model=\"credit-risk\"} 1200\n"
            "# HELP assay_labels_total True labels logged for the model's predictions.\n"
            "# TYPE assay_labels_total counter\n"
            "assay_labels_total{model=\"credit-risk\"} 300\n"
            "# HELP assay_window_rows Prediction rows in the latest window.\n"
            "# TYPE assay_window_rows gauge\n"
            "assay_window_rows{model=\"credit-risk\"} 400\n"
            "# HELP assay_window_start_timestamp_seconds Start of the latest window, in seconds since the Unix epoch.\n"
            "# TYPE assay_window_start_timestamp_seconds gauge\n"
            "assay_window_start_timestamp_seconds{model=\"credit-risk\"} 1700000000\n"
            "# HELP assay_feature_drift_score Drift severity of a feature in the latest window against the "
            "reference (1 or more: drifted).\n"
            "# TYPE assay_feature_drift_score gauge\n"
            "assay_feature_drift_score{model=\"credit-risk\",feature=\"income\"} 1.5\n"
            "assay_feature_drift_score{model=\"credit-risk\",feature=\"debt\"} 0.25\n"
            "# HELP assay_feature_drifted 1 when the feature drifted in the latest window, else 0.\n"
            "# TYPE assay_feature_drifted gauge\n"
            "assay_feature_drifted{model=\"credit-risk\",feature=\"income\"} 1\n"
            "assay_feature_drifted{model=\"credit-risk\",feature=\"debt\"} 0\n"
            "# HELP assay_feature_missing_share Share of rows missing the feature in the latest window (ratio).\n"
            "# TYPE assay_feature_missing_share gauge\n"
            "assay_feature_missing_share{model=\"credit-risk\",feature=\"income\"} 0\n"
            "assay_feature_missing_share{model=\"credit-risk\",feature=\"debt\"} 0.125\n"
            "assay_feature_missing_share{model=\"credit-risk\",feature=\"region\"} 1\n"
            "# HELP assay_prediction_drift_score Drift severity of the model's score in the latest window (1 or "
            "more: drifted).\n"
            "# TYPE assay_prediction_drift_score gauge\n"
            "assay_prediction_drift_score{model=\"credit-risk\"} 0.5\n"
            "# HELP assay_dataset_drift_share Share of the tested features that drifted in the latest window "
            "(ratio).\n"
            "# TYPE assay_dataset_drift_share gauge\n"
            "assay_dataset_drift_share{model=\"credit-risk\"} 0.5\n"
            "# HELP assay_reconstruction_error Mean PCA reconstruction error of the latest window's rows "
            "(multivariate drift).\n"
            "# TYPE assay_reconstruction_error gauge\n"
            "assay_reconstruction_error{model=\"credit-risk\"} 2.25\n"
            "# HELP assay_estimated_accuracy Estimated (label-free, from calibrated scores) accuracy of the "
            "latest window (ratio).\n"
            "# TYPE assay_estimated_accuracy gauge\n"
            "assay_estimated_accuracy{model=\"credit-risk\"} 0.75\n"
            "# HELP assay_estimated_roc_auc Estimated (label-free, from calibrated scores) ROC AUC of the latest "
            "window (ratio).\n"
            "# TYPE assay_estimated_roc_auc gauge\n"
            "assay_estimated_roc_auc{model=\"credit-risk\"} 0.8125\n"
            "# HELP assay_alerts_active Alerts raised on the latest window.\n"
            "# TYPE assay_alerts_active gauge\n"
            "assay_alerts_active{model=\"credit-risk\"} 1\n"
            "# HELP assay_monitor_last_evaluation_timestamp_seconds When the monitor's report was computed, in "
            "seconds since the Unix epoch.\n"
            "# TYPE assay_monitor_last_evaluation_timestamp_seconds gauge\n"
            "assay_monitor_last_evaluation_timestamp_seconds{model=\"credit-risk\"} 1700000123.5\n";
        const std::string actual = prometheusExposition({creditReport()});
        if (actual != expected)
            qWarning("%s", actual.c_str());
        QCOMPARE(actual, expected);
    }

    void labelValuesAreEscaped()
    {
        QCOMPARE(escapeLabelValue("plain-name_1"), std::string("plain-name_1"));
        QCOMPARE(escapeLabelValue("a\\b"), std::string("a\\\\b"));
        QCOMPARE(escapeLabelValue("say \"hi\""), std::string("say \\\"hi\\\""));
        QCOMPARE(escapeLabelValue("two\nlines"), std::string("two\\nlines"));
        QCOMPARE(escapeLabelValue("ümlaut, tab\there"), std::string("ümlaut, tab\there"));

        MonitorReport report = creditReport();
        report.monitor = "odd \"model\"\\";
        report.windows.back().features.front().name = "in\ncome";
        const std::string text = prometheusExposition({report});
        QVERIFY(text.find("assay_feature_drift_score{model=\"odd \\\"model\\\"\\\\\",feature=\"in\\ncome\"} 1.5\n") !=
                std::string::npos);
    }

    void featureSeriesAreCappedMostDriftedFirst()
    {
        MonitorReport report = creditReport();
        std::vector<FeatureWindowDrift> features;
        for (int i = 0; i < 60; ++i)
            features.push_back(feature("f" + std::to_string(100 + i), 0.01 * i, 0));
        features.push_back(feature("tied_b", 0.3, 0));
        features.push_back(feature("tied_a", 0.3, 0));
        report.windows.back().features = features;

        const std::string text = prometheusExposition({report});
        QCOMPARE(countOf(text, "assay_feature_drift_score{"), 50);
        QCOMPARE(countOf(text, "assay_feature_missing_share{"), 50);
        QVERIFY(text.find("feature=\"f159\"") != std::string::npos); // the most drifted stays
        QVERIFY(text.find("feature=\"f112\"") != std::string::npos);
        QVERIFY(text.find("feature=\"f111\"") == std::string::npos); // the least drifted go
        QVERIFY(text.find("feature=\"f100\"") == std::string::npos);

        const std::string capped = prometheusExposition({report}, {.maxFeatureLabels = 3, .failedMonitors = {}});
        const auto first = capped.find("feature=\"f159\"");
        const auto second = capped.find("feature=\"f158\"");
        const auto third = capped.find("feature=\"f157\"");
        QVERIFY(first < second && second < third && third != std::string::npos);
        QCOMPARE(countOf(capped, "assay_feature_drift_score{"), 3);

        // Ties are broken by name; untested features come after every tested one.
        report.windows.back().features = {feature("tied_b", 0.3, 0), feature("zero", 0, 0.5),
                                          feature("untested", 0, 1, assay::drift::DriftTest::None),
                                          feature("tied_a", 0.3, 0)};
        const std::string ties = prometheusExposition({report}, {.maxFeatureLabels = 3, .failedMonitors = {}});
        QVERIFY(ties.find("feature=\"tied_a\"") < ties.find("feature=\"tied_b\""));
        QVERIFY(ties.find("feature=\"zero\"") != std::string::npos);
        QVERIFY(ties.find("feature=\"untested\"") == std::string::npos);
    }

    void familiesAreWrittenOnceAndGrouped()
    {
        MonitorReport other = creditReport();
        other.monitor = "churn";
        MonitorReport empty;
        empty.monitor = "fresh";
        const std::string text =
            prometheusExposition({creditReport(), other, empty}, {.maxFeatureLabels = 50, .failedMonitors = {"broken"}});

        std::set<std::string> finished;
        std::string current;
        for (const std::string &name : sampleNames(text)) {
            if (name == current)
                continue;
            QVERIFY2(!finished.count(name), name.c_str()); // a family's samples are contiguous
            finished.insert(current);
            current = name;
        }
        for (const std::string &name : sampleNames(text)) {
            QCOMPARE(countOf(text, "# TYPE " + name + ' '), 1);
            QCOMPARE(countOf(text, "# HELP " + name + ' '), 1);
        }
        QCOMPARE(countOf(text, "assay_prediction_rows_total{"), 3);
        QCOMPARE(countOf(text, "assay_window_rows{"), 2); // "fresh" has no window yet
        QVERIFY(text.find("assay_monitor_up{model=\"broken\"} 0\n") != std::string::npos);
        QVERIFY(text.find("assay_monitor_up{model=\"fresh\"} 1\n") != std::string::npos);
        QVERIFY(text.find("model=\"broken\"") == text.rfind("model=\"broken\"")); // nothing else of it
    }

    void missingValuesAreLeftOut()
    {
        MonitorReport report = creditReport();
        WindowResult &window = report.windows.back();
        window.features[0].score = std::numeric_limits<double>::quiet_NaN();
        window.features[0].drifted = false;
        window.reconstructionError.reset();
        window.prediction.reset();
        window.testedFeatures = 0;
        const std::string text = prometheusExposition({report});
        QVERIFY(text.find("NaN") == std::string::npos);
        QVERIFY(text.find("assay_feature_drift_score{model=\"credit-risk\",feature=\"income\"}") == std::string::npos);
        QVERIFY(text.find("assay_feature_missing_share{model=\"credit-risk\",feature=\"income\"} 0") !=
                std::string::npos);
        for (const char *absent : {"assay_reconstruction_error", "assay_prediction_drift_score",
                                   "assay_dataset_drift_share", "assay_estimated_precision",
                                   "assay_estimated_recall", "assay_estimated_f1", "assay_realized_"})
            QVERIFY2(text.find(absent) == std::string::npos, absent);
        QVERIFY(prometheusExposition({}).empty());
    }

    void infiniteScoreSurvivesTheCache()
    {
        // A p-value of 0 gives an infinite severity; the cached report's JSON keeps it.
        MonitorReport report = creditReport();
        report.windows.back().features[1].score = std::numeric_limits<double>::infinity();
        report.windows.back().features[1].drifted = true;
        auto cached = reportFromJson(reportJson(report));
        QVERIFY(cached.ok());
        QVERIFY(std::isinf(cached->windows.back().features[1].score));
        const std::string text = prometheusExposition({*cached});
        QVERIFY(text.find("assay_feature_drift_score{model=\"credit-risk\",feature=\"debt\"} +Inf\n") <
                text.find("feature=\"income\"")); // and ranked first
    }

    void numbersParseInPrometheus()
    {
        MonitorReport report = creditReport();
        report.windows.back().reconstructionError = 1e-300;
        report.windows.back().features[1].score = 0.1 + 0.2; // needs 17 digits to round-trip
        report.windows.back().prediction->score = std::numeric_limits<double>::infinity();
        const std::string text = prometheusExposition({report});
        QVERIFY(text.find("assay_reconstruction_error{model=\"credit-risk\"} 1e-300\n") != std::string::npos);
        QVERIFY(text.find("feature=\"debt\"} 0.30000000000000004\n") != std::string::npos);
        QVERIFY(text.find("assay_prediction_drift_score{model=\"credit-risk\"} +Inf\n") != std::string::npos);
    }

    void promtoolAcceptsTheOutput()
    {
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        QVERIFY2(!promtool.isEmpty(), "promtool is missing: install Debian's prometheus package (dev.sh does)");
        MonitorReport odd = creditReport();
        odd.monitor = "odd \"model\"\\";
        odd.windows.back().features.front().name = "in\ncome";
        BinaryPerformance realized;
        realized.rows = 100;
        realized.accuracy = 0.7;
        realized.precision = 0.6;
        realized.recall = 0.5;
        realized.f1 = 0.545454;
        realized.rocAuc = 0.77;
        odd.windows.back().realized = realized;
        MonitorReport empty;
        empty.monitor = "fresh";
        const std::string text =
            prometheusExposition({creditReport(), odd, empty}, {.maxFeatureLabels = 50, .failedMonitors = {"broken"}});

        QProcess process;
        process.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
        QVERIFY(process.waitForStarted());
        process.write(text.data(), static_cast<qint64>(text.size()));
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(60000));
        const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, output.constData());
        QVERIFY2(output.trimmed().isEmpty(), output.constData()); // no lint warnings either
    }
};

QTEST_GUILESS_MAIN(TestMetricsExposition)
#include "test_metrics_exposition.moc"
