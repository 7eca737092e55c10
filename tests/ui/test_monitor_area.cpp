// The Monitor area against a workspace set up in the test: a model trained on credit rows,
// four days of its prediction logs ingested (the third day from a drifted population, the
// fourth a small one, labels for the first two), then the views as a user meets them.
// Expectations come from what evaluateMonitor returns, not from fixed numbers.
#include "common/empty_state.h"
#include "common/verdict_banner.h"
#include "data/drift_model.h"
#include "demo/credit_data.h"
#include "model/feature_matrix.h"
#include "model/training_run.h"
#include "monitor/alerts_model.h"
#include "monitor/drift_heatmap.h"
#include "monitor/drift_share_chart.h"
#include "monitor/log_ingest.h"
#include "monitor/monitor_area.h"
#include "monitor/monitor_config.h"
#include "monitor/monitor_dashboard.h"
#include "monitor/monitor_evaluation.h"
#include "monitor/monitor_list_panel.h"
#include "monitor/monitors_model.h"
#include "monitor/performance_chart.h"
#include "monitor/rows_chart.h"
#include "monitor/window_drift_view.h"
#include "shell/job_runner.h"
#include "shell/workspace_session.h"
#include "support/files.h"
#include "table/reader.h"
#include "workspace/workspace.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace assay;
using namespace assay::ui;

namespace {

constexpr int jobTimeoutMs = 120'000;
const std::string runName = "credit-logreg";
constexpr int firstDay = 20454; // 2026-01-01

// One day of flat JSON prediction records (and, when `labelled`, label records) for `rows`
// applications drawn `shift` of the way to the later population.
std::string dayOfLogs(const model::Model &model, int day, double shift, std::size_t rows, bool labelled)
{
    const std::string csv = demo::generateCreditApplications(shift, rows, 77 + std::uint64_t(day),
                                                             firstDay + day, 1, 900000 + day * 10000);
    auto read = table::readTableFromBuffer(csv, "day", {.format = table::FileFormat::Csv});
    if (!read)
        qFatal("read: %s", read.error().message.c_str());
    const table::Table &data = read->table;
    auto matrix = model::buildMatrix(data, model.signature().features, "day");
    if (!matrix)
        qFatal("matrix: %s", matrix.error().message.c_str());
    const auto scores = model.predictions(*matrix, 1);
    std::string lines;
    const std::int64_t dayStartS = std::int64_t(firstDay + day) * 86400;
    for (std::size_t r = 0; r < rows; ++r) {
        const std::string id = "r" + data.column(*data.indexOf("application_id")).format(r);
        const std::int64_t at = dayStartS + std::int64_t(r * 86000 / rows);
        std::string line = "{\"ts\": " + std::to_string(at) + ", \"id\": \"" + id + "\"";
        for (const auto &feature : model.signature().features) {
            const table::Column &column = data.column(*data.indexOf(feature.name));
            line += ", \"" + feature.name + "\": ";
            if (column.isMissing(r))
                line += "null";
            else if (column.type() == table::ColumnType::String)
                line += "\"" + std::string(column.text(r)) + "\"";
            else
                line += column.format(r);
        }
        lines += line + ", \"prediction\": " + std::to_string(scores[r]) + "}\n";
        if (labelled)
            lines += "{\"ts\": " + std::to_string(at + 3600) + ", \"id\": \"" + id + "\", \"label\": " +
                     (data.column(*data.indexOf("defaulted")).numeric(r) > 0.5 ? "1" : "0") + "}\n";
    }
    return lines;
}

} // namespace

class TestMonitorArea : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void everyViewBuildsOnTheWorkspace();
    void listShowsTheMonitor();
    void heatmapHoldsEveryFeatureAndWindow();
    void chartsFollowTheReport();
    void clickingAWindowOpensItsDrift();
    void alertsAreListed();
    void windowPickerReevaluates();
    void ingestAddsRowsInTheBackground();
    void emptyStateWithoutMonitors();

private:
    void openArea(const std::filesystem::path &root);
    void waitIdle();

    QTemporaryDir m_dir;
    std::filesystem::path m_root;
    std::filesystem::path m_laterLog;
    std::optional<monitor::MonitorReport> m_report;
    std::unique_ptr<JobRunner> m_jobs;
    std::unique_ptr<MonitorArea> m_area;
};

void TestMonitorArea::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_root = testing::pathOf(m_dir) / "ws";
    auto created = workspace::Workspace::init(m_root);
    QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
    testing::writeFile(m_root / "data" / "credit.csv",
                       demo::generateCreditCsv(demo::CreditVintage::Reference, 1500, 11));
    model::TrainRequest request;
    request.data = (m_root / "data" / "credit.csv").string();
    request.target = "defaulted";
    request.features = {"age", "annual_income", "credit_score", "debt_to_income", "interest_rate", "purpose",
                        "employment_type"};
    request.trainer = "logreg";
    request.runName = runName;
    request.seed = 3;
    request.threads = 1;
    auto trained = model::trainAndRecord(*created, request);
    QVERIFY2(trained.ok(), trained.ok() ? "" : trained.error().message.c_str());
    auto configured = monitor::configureMonitor(
        *created, {.model = runName, .reference = std::nullopt, .window = "day", .rulesJson = std::nullopt});
    QVERIFY2(configured.ok(), configured.ok() ? "" : configured.error().message.c_str());
    QCOMPARE(configured->name, runName);

    const model::Model &model = *trained->model;
    testing::writeFile(m_root / "logs" / "days-1-3.jsonl",
                       dayOfLogs(model, 0, 0, 400, true) + dayOfLogs(model, 1, 0, 400, true) +
                           dayOfLogs(model, 2, 2.5, 400, false));
    testing::writeFile(m_root / "logs" / "day-4.jsonl", dayOfLogs(model, 3, 0, 60, false));
    m_laterLog = m_root / "logs" / "day-5.jsonl";
    testing::writeFile(m_laterLog, dayOfLogs(model, 4, 0, 350, false));
    auto ingested = monitor::ingestLogs(*created, runName,
                                        {m_root / "logs" / "days-1-3.jsonl", m_root / "logs" / "day-4.jsonl"});
    QVERIFY2(ingested.ok(), ingested.ok() ? "" : ingested.error().message.c_str());
    QCOMPARE(ingested->rows, 1260u);

    auto report = monitor::evaluateMonitor(*created, runName);
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    m_report = std::move(*report);
    QCOMPARE(m_report->windows.size(), 4u);
}

void TestMonitorArea::init()
{
    m_jobs = std::make_unique<JobRunner>();
    m_area = std::make_unique<MonitorArea>(AreaContext{.jobs = m_jobs.get()}, nullptr);
    m_area->widget()->resize(1400, 900);
}

void TestMonitorArea::cleanup()
{
    m_area.reset();
    m_jobs.reset();
}

void TestMonitorArea::waitIdle()
{
    QVERIFY(m_jobs->waitUntilIdle(jobTimeoutMs));
}

void TestMonitorArea::openArea(const std::filesystem::path &root)
{
    auto opened = workspace::Workspace::open(root);
    QVERIFY(opened.ok());
    m_area->setWorkspace(std::make_shared<WorkspaceSession>(std::move(*opened)));
    waitIdle();
    QVERIFY(m_area->isLoaded());
}

void TestMonitorArea::everyViewBuildsOnTheWorkspace()
{
    openArea(m_root);
    QVERIFY(!m_area->isEmpty());
    QVERIFY(m_area->showView(QStringLiteral("monitor")));
    QCOMPARE(m_area->dashboard()->currentTab(), MonitorDashboard::Tab::Overview);
    QVERIFY(m_area->showView(QStringLiteral("monitor-alerts")));
    QCOMPARE(m_area->dashboard()->currentTab(), MonitorDashboard::Tab::Alerts);
    QVERIFY(m_area->showView(QStringLiteral("monitor-drift")));
    QCOMPARE(m_area->dashboard()->currentTab(), MonitorDashboard::Tab::WindowDrift);
    waitIdle();
    QVERIFY(m_area->dashboard()->windowDrift()->isShowingDrift());
    // The latest drifted window, else the latest one.
    const int expected = m_area->dashboard()->latestDriftedWindow();
    QCOMPARE(m_area->dashboard()->windowDrift()->windowStart(), m_report->windows[std::size_t(expected)].startNs);
    QVERIFY(!m_area->showView(QStringLiteral("monitor-nothing")));
    QCOMPARE(m_area->currentCommandLine(), QStringLiteral("assay monitor status credit-logreg"));
}

void TestMonitorArea::listShowsTheMonitor()
{
    openArea(m_root);
    MonitorsModel *model = m_area->list()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(m_area->list()->current(), QString::fromStdString(runName));
    const auto text = [&](int column) { return model->index(0, column).data().toString(); };
    QCOMPARE(text(MonitorsModel::ModelColumn), QString::fromStdString(runName));
    QCOMPARE(text(MonitorsModel::RowsColumn), QStringLiteral("1,260"));
    QCOMPARE(text(MonitorsModel::WindowsColumn), QStringLiteral("4"));
    const std::size_t active = m_report->latest()->alerts.size();
    QCOMPARE(text(MonitorsModel::AlertsColumn),
             active == 0 ? QStringLiteral("ok") : QStringLiteral("%1 alert(s)").arg(active));
    QVERIFY(!model->index(0, MonitorsModel::AlertsColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
}

void TestMonitorArea::heatmapHoldsEveryFeatureAndWindow()
{
    openArea(m_root);
    DriftHeatmap *heatmap = m_area->dashboard()->heatmap();
    const auto &windows = m_report->windows;
    QStringList expectedRows;
    for (const auto &feature : windows.front().features)
        expectedRows << QString::fromStdString(feature.name);
    if (windows.front().prediction)
        expectedRows << QStringLiteral("prediction");
    QCOMPARE(heatmap->rowNames(), expectedRows);
    QVERIFY(heatmap->colorMap());
    QCOMPARE(heatmap->colorMap()->data()->keySize(), int(windows.size()));
    QCOMPARE(heatmap->colorMap()->data()->valueSize(), int(expectedRows.size()));
    for (int w = 0; w < int(windows.size()); ++w) {
        for (int f = 0; f < int(windows[std::size_t(w)].features.size()); ++f) {
            const auto &drift = windows[std::size_t(w)].features[std::size_t(f)];
            const double drawn = heatmap->colorMap()->data()->cell(w, f);
            if (drift.test == drift::DriftTest::None) {
                QVERIFY(std::isnan(drawn));
                continue;
            }
            QCOMPARE(drawn, drift.score);
            QCOMPARE(*heatmap->cellValue(f, w), drift.score);
        }
    }
    // The drifted day stands out: some feature at or above 1 there, as the report says.
    bool reportDrifted = false;
    for (const auto &feature : windows[2].features)
        reportDrifted = reportDrifted || feature.score >= 1;
    QVERIFY(reportDrifted);
}

void TestMonitorArea::chartsFollowTheReport()
{
    openArea(m_root);
    MonitorDashboard *dashboard = m_area->dashboard();
    const auto &windows = m_report->windows;
    // Rows: one bar per window, the small fourth day among the amber ones.
    RowsChart *rows = dashboard->rowsChart();
    double barRows = 0;
    int lowBars = 0;
    for (int i = 0; i < rows->plottableCount(); ++i) {
        if (auto *bars = qobject_cast<QCPBars *>(rows->plottable(i))) {
            for (auto it = bars->data()->begin(); it != bars->data()->end(); ++it)
                barRows += it->value;
            if (bars->name().startsWith(QStringLiteral("too few")))
                lowBars = bars->data()->size();
        }
    }
    QCOMPARE(barRows, 1260.0);
    QVERIFY(windows[3].tooFewRows);
    QCOMPARE(lowBars, int(std::count_if(windows.begin(), windows.end(), [](const auto &w) { return w.tooFewRows; })));

    // Performance: estimated everywhere it was computed, realized only where labels arrived.
    PerformanceChart *performance = dashboard->performanceChart();
    QCPGraph *estimated = nullptr, *realized = nullptr;
    for (int i = 0; i < performance->graphCount(); ++i) {
        if (performance->graph(i)->name().startsWith(QStringLiteral("estimated")))
            estimated = performance->graph(i);
        if (performance->graph(i)->name().startsWith(QStringLiteral("realized")))
            realized = performance->graph(i);
    }
    QVERIFY(estimated && realized);
    int realizedWindows = 0, estimatedWindows = 0;
    for (const auto &w : windows) {
        realizedWindows += w.metric("realized_roc_auc").has_value();
        estimatedWindows += w.metric("estimated_roc_auc").has_value();
    }
    QCOMPARE(realized->dataCount(), realizedWindows);
    QCOMPARE(estimated->dataCount(), estimatedWindows);
    QVERIFY(windows[0].realized.has_value());
    QVERIFY(!windows[2].realized.has_value());
    const int f1 = dashboard->metricPicker()->findData(QStringLiteral("f1"));
    QVERIFY(f1 >= 0);
    dashboard->metricPicker()->setCurrentIndex(f1);
    emit dashboard->metricPicker()->activated(f1);
    QCOMPARE(performance->metric(), QStringLiteral("f1"));
    QCOMPARE(performance->yAxis->label(), QStringLiteral("F1"));

    // Drift share: one value per window, as the report has it.
    DriftShareChart *share = dashboard->driftShareChart();
    double shares = 0, expectedShares = 0;
    for (int i = 0; i < share->plottableCount(); ++i)
        if (auto *bars = qobject_cast<QCPBars *>(share->plottable(i)))
            for (auto it = bars->data()->begin(); it != bars->data()->end(); ++it)
                shares += it->value;
    for (const auto &w : windows)
        expectedShares += w.driftShare;
    QCOMPARE(shares, expectedShares);
}

void TestMonitorArea::clickingAWindowOpensItsDrift()
{
    openArea(m_root);
    MonitorDashboard *dashboard = m_area->dashboard();
    m_area->widget()->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_area->widget()));
    DriftHeatmap *heatmap = dashboard->heatmap();
    heatmap->replot();
    QSignalSpy clicked(heatmap, &WindowChart::windowClicked);
    const QPoint cell(int(heatmap->xAxis->coordToPixel(2)), int(heatmap->yAxis->coordToPixel(1)));
    QTest::mouseClick(heatmap, Qt::LeftButton, {}, cell);
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.front().front().toInt(), 2);
    QCOMPARE(dashboard->currentTab(), MonitorDashboard::Tab::WindowDrift);
    waitIdle();
    WindowDriftView *view = dashboard->windowDrift();
    QVERIFY(view->isShowingDrift());
    QCOMPARE(view->windowStart(), m_report->windows[2].startNs);
    QCOMPARE(view->result()->currentRows, m_report->windows[2].rows);
    QAbstractItemModelTester tester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(view->model()->rowCount() >= int(m_report->windows[2].testedFeatures));
    QVERIFY(view->heading()->text().contains(windowLabel(*m_report, 2)));
    // The drifted day reads as drifted in the view as in the report.
    QCOMPARE(view->result()->driftedColumns > 0, m_report->windows[2].driftedFeatures > 0);
}

void TestMonitorArea::alertsAreListed()
{
    openArea(m_root);
    AlertsModel *alerts = m_area->dashboard()->alertsModel();
    QAbstractItemModelTester tester(alerts, QAbstractItemModelTester::FailureReportingMode::QtTest);
    std::size_t expected = 0;
    for (const auto &w : m_report->windows)
        expected += w.alerts.size();
    QCOMPARE(std::size_t(alerts->rowCount()), expected);
    QVERIFY(expected > 0); // the drifted day raises some
    for (int row = 0; row < alerts->rowCount(); ++row) {
        const int window = alerts->windowOf(row);
        const auto &raised = m_report->windows[std::size_t(window)].alerts;
        QVERIFY(std::any_of(raised.begin(), raised.end(),
                            [&](const auto &alert) { return alert.rule == alerts->alert(row).rule; }));
        QCOMPARE(alerts->index(row, AlertsModel::WindowColumn).data().toString(),
                 windowLabel(*m_report, std::size_t(window)));
    }
    // Newest window first.
    for (int row = 1; row < alerts->rowCount(); ++row)
        QVERIFY(alerts->windowOf(row - 1) >= alerts->windowOf(row));
    // The banner tells whether the latest window raised any, or that it is too small to (a
    // window under 300 rows raises no alert).
    const auto &latest = *m_report->latest();
    const QString headline = m_area->dashboard()->banner()->headline();
    if (latest.tooFewRows) {
        QVERIFY(latest.alerts.empty());
        QVERIFY2(headline.contains(QStringLiteral("too few rows")), qPrintable(headline));
    } else {
        QCOMPARE(headline.startsWith(QStringLiteral("No alert")), latest.alerts.empty());
    }
}

void TestMonitorArea::windowPickerReevaluates()
{
    openArea(m_root);
    QSignalSpy loaded(m_area.get(), &MonitorArea::loaded);
    QVERIFY(m_area->setWindow(QStringLiteral("rows:300")));
    waitIdle();
    QCOMPARE(loaded.count(), 1);
    const monitor::MonitorReport *report = m_area->dashboard()->report();
    QVERIFY(report);
    QCOMPARE(report->window, std::string("rows:300"));
    QCOMPARE(report->windows.size(), std::size_t((1260 + 299) / 300));
    QCOMPARE(windowLabel(*report, 0), QStringLiteral("#1"));
    QCOMPARE(m_area->currentCommandLine(), QStringLiteral("assay monitor status credit-logreg --window rows:300"));
    QVERIFY(!m_area->setWindow(QStringLiteral("fortnight")));
}

void TestMonitorArea::ingestAddsRowsInTheBackground()
{
    // On a copy, so the other tests keep their four windows.
    QTemporaryDir copy;
    const auto root = testing::pathOf(copy) / "ws";
    std::filesystem::copy(m_root, root, std::filesystem::copy_options::recursive);
    openArea(root);
    QSignalSpy ingested(m_area.get(), &MonitorArea::ingested);
    Job *job = m_area->ingest({QString::fromStdString((root / "logs" / "day-5.jsonl").string())},
                              QString::fromStdString(runName));
    QVERIFY(job);
    waitIdle();
    QCOMPARE(ingested.count(), 1);
    QVERIFY2(ingested.front().front().toString().contains(QStringLiteral("350 new rows")),
             qPrintable(ingested.front().front().toString()));
    QCOMPARE(m_area->list()->model()->index(0, MonitorsModel::RowsColumn).data().toString(), QStringLiteral("1,610"));
    QCOMPARE(m_area->dashboard()->report()->windows.size(), 5u);
}

void TestMonitorArea::emptyStateWithoutMonitors()
{
    QTemporaryDir empty;
    const auto root = testing::pathOf(empty) / "ws";
    QVERIFY(workspace::Workspace::init(root).ok());
    openArea(root);
    QVERIFY(m_area->isEmpty());
    QCOMPARE(m_area->emptyState()->title(), QStringLiteral("No monitors yet"));
    QVERIFY(m_area->emptyState()->body().contains(QStringLiteral("assay monitor ingest LOG --model NAME")) ||
            m_area->emptyState()->body().contains(QStringLiteral("monitor ingest")));
    QVERIFY(m_area->currentCommandLine().isEmpty());
}

QTEST_MAIN(TestMonitorArea)
#include "test_monitor_area.moc"
