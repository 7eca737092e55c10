// The demo's production logs tell the story the Monitor area shows: eight weekly windows,
// drift from week 5, labels (so realized performance) for weeks 1 to 6, in the log shapes
// serving systems write.
#include "demo/demo_monitoring.h"
#include "demo/demo_workspace.h"
#include "monitor/monitor_config.h"
#include "monitor/monitor_evaluation.h"
#include "workspace/workspace.h"

#include "support/files.h"

#include <QTemporaryDir>
#include <QTest>

using namespace assay;
namespace fs = std::filesystem;

namespace {

bool isDriftAlert(const monitor::Alert &alert)
{
    return alert.metric.find("drift") != std::string::npos;
}

} // namespace

class TestDemoMonitoring : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_root = testing::pathOf(m_dir) / "demo";
        demo::DemoOptions options;
        options.rows = 3000;
        const Status created = demo::createDemoWorkspace(m_root, options);
        QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
        auto workspace = workspace::Workspace::open(m_root);
        QVERIFY(workspace.ok());
        auto report = monitor::evaluateMonitor(*workspace, "credit-risk");
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
        m_report = std::move(*report);
    }

    void logsMixTheShapesServingSystemsWrite()
    {
        std::string all;
        for (int week = 1; week <= demo::kDemoLogWeeks; ++week) {
            const fs::path file = m_root / demo::kDemoLogsFolder / QStringLiteral("2026-W%1.jsonl")
                                                                      .arg(week, 2, 10, QLatin1Char('0'))
                                                                      .toStdString();
            QVERIFY2(fs::exists(file), file.c_str());
            all += testing::slurp(file);
        }
        for (const char *shape : {"\"dataframe_split\"", "\"specversion\"", "\"inputs\"", "\tcredit.predictions\t",
                                  "\"label\""})
            QVERIFY2(all.find(shape) != std::string::npos, shape);
    }

    void monitorHasEightWeeklyWindows()
    {
        QCOMPARE(m_report.monitor, std::string("credit-risk"));
        QCOMPARE(m_report.window, std::string("week"));
        QCOMPARE(m_report.windows.size(), std::size_t(demo::kDemoLogWeeks));
        for (std::size_t w = 0; w < m_report.windows.size(); ++w) {
            const auto &window = m_report.windows[w];
            QVERIFY2(window.rows >= 1500 && window.rows <= 3000, std::to_string(window.rows).c_str());
            QVERIFY(!window.tooFewRows);
            QCOMPARE(window.endNs - window.startNs, std::int64_t(7) * 86400 * 1'000'000'000);
            if (w > 0)
                QCOMPARE(window.startNs, m_report.windows[w - 1].endNs);
        }
    }

    void driftAlertsOnlyFromWeekFive()
    {
        for (std::size_t w = 0; w < m_report.windows.size(); ++w) {
            const auto &window = m_report.windows[w];
            const bool driftAlert = std::any_of(window.alerts.begin(), window.alerts.end(), isDriftAlert);
            const bool drifting = int(w) + 1 >= demo::kDemoFirstDriftedWeek;
            QVERIFY2(driftAlert == drifting, ("week " + std::to_string(w + 1)).c_str());
            QVERIFY(drifting || !window.datasetDrift);
        }
    }

    void realizedPerformanceOnlyForLabelledWeeks()
    {
        for (std::size_t w = 0; w < m_report.windows.size(); ++w) {
            const auto &window = m_report.windows[w];
            const bool labelled = int(w) < demo::kDemoLabelledWeeks;
            QCOMPARE(window.realized.has_value(), labelled);
            QCOMPARE(window.labeledRows > 0, labelled);
            // Batches carry no per-row ids, so not every row gets its label; most do.
            if (labelled)
                QVERIFY(window.labeledRows > window.rows * 3 / 4);
            QVERIFY(window.estimated.has_value());
        }
    }

private:
    QTemporaryDir m_dir;
    fs::path m_root;
    monitor::MonitorReport m_report;
};

QTEST_MAIN(TestDemoMonitoring)
#include "test_demo_monitoring.moc"
