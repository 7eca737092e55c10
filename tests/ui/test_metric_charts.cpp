#include "common/empty_state.h"
#include "demo/demo_workspace.h"
#include "runs/metric_chart.h"
#include "runs/metric_chart_controls.h"
#include "runs/metric_chart_data.h"
#include "runs/metric_chart_grid.h"
#include "runs/metric_chart_math.h"
#include "runs/metric_charts_panel.h"
#include "runs/metric_key_choice.h"
#include "runs/run_palette.h"
#include "runs/runs_snapshot.h"
#include "shell/job_runner.h"
#include "track/tracking_store.h"
#include "workspace/workspace.h"

#include "support/check_ok.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <optional>

using namespace assay;
using namespace assay::ui;
namespace fs = std::filesystem;

namespace {

constexpr int kJobTimeoutMs = 60'000;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::int64_t kStartMs = 1'700'000'000'000;

MetricHistory historyOf(std::vector<double> values, std::int64_t msPerStep = 1000)
{
    std::vector<track::MetricPoint> points;
    for (std::size_t i = 0; i < values.size(); ++i)
        points.push_back({std::int64_t(i), kStartMs + std::int64_t(i) * msPerStep, values[i]});
    return std::make_shared<const std::vector<track::MetricPoint>>(std::move(points));
}

std::vector<double> valuesOf(const QCPGraphDataContainer &container)
{
    std::vector<double> values;
    for (auto point = container.constBegin(); point != container.constEnd(); ++point)
        values.push_back(point->value);
    return values;
}

std::vector<double> keysOf(const QCPGraphDataContainer &container)
{
    std::vector<double> keys;
    for (auto point = container.constBegin(); point != container.constEnd(); ++point)
        keys.push_back(point->key);
    return keys;
}

} // namespace

// A charts panel shown at 1000×700 on a workspace, with the job runner that reads for it.
struct PanelOnScreen {
    JobRunner jobs;
    MetricChartsPanel panel;

    explicit PanelOnScreen(const fs::path &root)
    {
        panel.resize(1000, 700);
        panel.show();
        panel.setSource(&jobs, root);
    }
};

class TestMetricCharts : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    fs::path m_root;
    std::optional<workspace::Workspace> m_workspace;
    std::string m_fast, m_slow, m_live, m_silent;

    track::TrackingStore store()
    {
        auto opened = track::TrackingStore::open(*m_workspace);
        if (!opened)
            qFatal("%s", opened.error().message.c_str());
        return std::move(opened).value();
    }

    std::string startRun(const std::string &name, std::int64_t startMs)
    {
        track::RunInfo info;
        info.name = name;
        info.startMs = startMs;
        auto id = store().startRun(info);
        if (!id)
            qFatal("%s", id.error().message.c_str());
        return *id;
    }

    void logCurve(const std::string &runId, const std::string &key, int points, double scale)
    {
        std::vector<track::MetricPoint> series;
        for (int step = 0; step < points; ++step)
            series.push_back({step, kStartMs + step * 500, scale / (1.0 + step)});
        const Status logged = store().logMetrics(runId, key, series);
        if (!logged.ok())
            qFatal("%s", logged.error().message.c_str());
    }

    std::shared_ptr<const RunsSnapshot> snapshot()
    {
        auto loaded = loadRunsSnapshot(m_root);
        if (!loaded)
            qFatal("%s", loaded.error().message.c_str());
        return std::make_shared<const RunsSnapshot>(std::move(*loaded));
    }

    QStringList runIds() const
    {
        return {QString::fromStdString(m_fast), QString::fromStdString(m_slow),
                QString::fromStdString(m_live)};
    }

private slots:
    void initTestCase();

    void emaMatchesHandComputedDebiasedAverage();
    void emaSkipsNonFiniteValues();
    void relativeTimeCountsFromTheRunsFirstPoint();
    void wallTimeIsSecondsSinceTheEpoch();
    void logScaleLeavesOutNonPositiveValues();
    void nanAndInfinityMakeGaps();
    void outlierBoundsIgnoreSpikes();
    void validationLossIsChartedFirst();

    void panelDrawsOneLinePerRunInItsColour();
    void smoothingAddsAFaintRawLineBehind();
    void readoutNamesTheNearestRun();
    void csvHoldsThePlottedNumbers();
    void gridHasOneChartPerMetric();
    void clickingAGridChartShowsThatMetric();
    void setRunsAgainRereadsOnlyRunningRuns();
    void emptyStatesSayWhatToDo();
    void demoSweepChartsEveryMetric();
};

void TestMetricCharts::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_root = fs::path(m_dir.path().toStdString()) / "ws";
    auto created = workspace::Workspace::init(m_root);
    QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
    m_workspace.emplace(std::move(created).value());

    m_fast = startRun("fast-lr", kStartMs);
    logCurve(m_fast, "loss", 50, 2.0);
    logCurve(m_fast, "val_loss", 10, 2.5);
    logCurve(m_fast, "accuracy", 10, 1.0);
    CHECK_OK(store().finishRun(m_fast, track::RunStatus::Finished));
    m_slow = startRun("slow-lr", kStartMs + 1);
    logCurve(m_slow, "loss", 80, 3.0);
    logCurve(m_slow, "val_loss", 16, 3.5);
    CHECK_OK(store().finishRun(m_slow, track::RunStatus::Finished));
    m_live = startRun("still-training", kStartMs + 2);
    logCurve(m_live, "loss", 20, 2.2);
    logCurve(m_live, "val_loss", 4, 2.7);
    m_silent = startRun("no-metrics", kStartMs + 3);
    CHECK_OK(store().finishRun(m_silent, track::RunStatus::Failed));
}

void TestMetricCharts::emaMatchesHandComputedDebiasedAverage()
{
    // w = 0.5: averages 0.5, 1.25, 2.125 divided by 1 - 0.5^n = 0.5, 0.75, 0.875.
    const std::vector<double> smoothed = debiasedEma(std::vector<double>{1, 2, 3}, 0.5);
    QCOMPARE(smoothed.size(), 3u);
    QCOMPARE(smoothed[0], 1.0);
    QVERIFY(std::abs(smoothed[1] - 1.25 / 0.75) < 1e-12);
    QVERIFY(std::abs(smoothed[2] - 2.125 / 0.875) < 1e-12);
    const std::vector<double> unsmoothed = debiasedEma(std::vector<double>{4, -1, 7}, 0.0);
    QCOMPARE(unsmoothed, (std::vector<double>{4, -1, 7}));
}

void TestMetricCharts::emaSkipsNonFiniteValues()
{
    const std::vector<double> smoothed = debiasedEma(std::vector<double>{1, kNaN, kInf, 3}, 0.5);
    QCOMPARE(smoothed[0], 1.0);
    QVERIFY(std::isnan(smoothed[1]));
    QVERIFY(std::isinf(smoothed[2]));
    // The third finite step counts as the second: (0.5 * 0.5 + 0.5 * 3) / 0.75.
    QVERIFY(std::abs(smoothed[3] - 1.75 / 0.75) < 1e-12);
}

void TestMetricCharts::relativeTimeCountsFromTheRunsFirstPoint()
{
    // Step order is not time order here: the earliest timestamp is the third point's.
    auto history =
        std::make_shared<const std::vector<track::MetricPoint>>(std::vector<track::MetricPoint>{
            {0, 5000, 1.0}, {1, 6500, 2.0}, {2, 4000, 3.0}, {3, 7000, 4.0}});
    QCOMPARE(firstTimestampMs(*history), std::int64_t(4000));
    QCOMPARE(metricXKey((*history)[1], MetricXAxis::RelativeTime, 4000), 2.5);
    MetricChartOptions options;
    options.xAxis = MetricXAxis::RelativeTime;
    const RunSeries series =
        buildRunSeries({QStringLiteral("r"), QStringLiteral("r"), history}, options);
    QCOMPARE(keysOf(*series.raw), (std::vector<double>{0.0, 1.0, 2.5, 3.0}));
    QCOMPARE(valuesOf(*series.raw), (std::vector<double>{3.0, 1.0, 2.0, 4.0}));
}

void TestMetricCharts::wallTimeIsSecondsSinceTheEpoch()
{
    const track::MetricPoint point{7, kStartMs + 1500, 0.5};
    QCOMPARE(metricXKey(point, MetricXAxis::WallTime, 0), double(kStartMs) / 1000.0 + 1.5);
    QCOMPARE(metricXKey(point, MetricXAxis::Step, 0), 7.0);
}

void TestMetricCharts::logScaleLeavesOutNonPositiveValues()
{
    MetricChartOptions options;
    options.logScale = true;
    const MetricChartData data = buildMetricChartData(
        QStringLiteral("loss"),
        {{QStringLiteral("r"), QStringLiteral("r"), historyOf({1, 0, -2, 10})}}, options);
    const std::vector<double> values = valuesOf(*data.series[0].raw);
    QCOMPARE(values.size(), 4u);
    QCOMPARE(values[0], 1.0);
    QVERIFY(std::isnan(values[1]));
    QVERIFY(std::isnan(values[2]));
    QCOMPARE(values[3], 10.0);
    QCOMPARE(data.nonPositiveCount(), 2);
    QVERIFY(data.valueRange.lower > 0);
    QVERIFY(data.valueRange.lower <= 1.0 && data.valueRange.upper >= 10.0);

    options.logScale = false;
    const MetricChartData linear = buildMetricChartData(
        QStringLiteral("loss"),
        {{QStringLiteral("r"), QStringLiteral("r"), historyOf({1, 0, -2, 10})}}, options);
    QCOMPARE(linear.nonPositiveCount(), 0);
    QVERIFY(linear.valueRange.lower <= -2.0);
}

void TestMetricCharts::nanAndInfinityMakeGaps()
{
    MetricChartOptions options;
    options.smoothing = 0.6;
    const MetricChartData data = buildMetricChartData(
        QStringLiteral("loss"),
        {{QStringLiteral("r"), QStringLiteral("r"), historyOf({1, kNaN, kInf, -kInf, 2})}},
        options);
    const RunSeries &series = data.series[0];
    QCOMPARE(series.pointCount, 5);
    QCOMPARE(series.nonFiniteCount, 3);
    const std::vector<double> raw = valuesOf(*series.raw);
    const std::vector<double> smoothed = valuesOf(*series.smoothed);
    for (std::size_t i : {1u, 2u, 3u}) {
        QVERIFY(std::isnan(raw[i]));
        QVERIFY(std::isnan(smoothed[i]));
    }
    QCOMPARE(raw[4], 2.0);
    QVERIFY(std::isfinite(data.valueRange.lower) && std::isfinite(data.valueRange.upper));
    QVERIFY(data.valueRange.upper < 3.0);

    // A chart of such a line draws without trouble.
    MetricChart chart;
    chart.resize(400, 300);
    chart.setChartData(std::make_shared<const MetricChartData>(data));
    chart.replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(chart.graphCount(), 2);
}

void TestMetricCharts::outlierBoundsIgnoreSpikes()
{
    std::vector<double> values;
    for (int i = 0; i < 100; ++i)
        values.push_back(1.0 + i * 0.01); // 1.00 … 1.99
    values[50] = 1000.0;
    values[60] = -500.0;
    std::vector<double> scratch = values;
    const ValueBounds robust = robustBounds(scratch, false);
    QVERIFY(robust.valid);
    QVERIFY2(robust.upper < 2.2 && robust.lower > 0.8,
             qPrintable(QStringLiteral("%1 %2").arg(robust.lower).arg(robust.upper)));
    QVERIFY(robust.lower >= -500.0 && robust.upper <= 1000.0);
    // A handful of values are all real points: none is left out.
    std::vector<double> few{0.40, 0.41, 0.412, 0.45, 0.39};
    const ValueBounds fewBounds = robustBounds(few, false);
    QCOMPARE(fewBounds.lower, 0.39);
    QCOMPARE(fewBounds.upper, 0.45);

    MetricChartOptions options;
    options.ignoreOutliers = true;
    const MetricChartData ignoring = buildMetricChartData(
        QStringLiteral("loss"), {{QStringLiteral("r"), QStringLiteral("r"), historyOf(values)}},
        options);
    QVERIFY(ignoring.valueRange.upper < 3.0);
    options.ignoreOutliers = false;
    const MetricChartData keeping = buildMetricChartData(
        QStringLiteral("loss"), {{QStringLiteral("r"), QStringLiteral("r"), historyOf(values)}},
        options);
    QVERIFY(keeping.valueRange.upper >= 1000.0);
}

void TestMetricCharts::panelDrawsOneLinePerRunInItsColour()
{
    PanelOnScreen shown(m_root);
    auto &[jobs, panel] = shown;
    panel.setRuns(snapshot(), runIds());
    QVERIFY(jobs.waitUntilIdle(kJobTimeoutMs));
    QVERIFY(panel.isShowingCharts());
    QCOMPARE(panel.metric(), QStringLiteral("val_loss")); // a validation loss first
    MetricChart *chart = panel.chart();
    QCOMPARE(chart->graphCount(), 3);
    const std::pair<std::string, int> expected[] = {{m_fast, 10}, {m_slow, 16}, {m_live, 4}};
    for (const auto &[runId, points] : expected) {
        QCPGraph *line = chart->mainLineOf(QString::fromStdString(runId));
        QVERIFY(line);
        QCOMPARE(line->pen().color(), runColor(QString::fromStdString(runId)));
        QCOMPARE(line->data()->size(), points);
    }
    QCOMPARE(chart->legend->itemCount(), 3);

    panel.setMetric(QStringLiteral("accuracy"));
    QVERIFY(jobs.waitUntilIdle(kJobTimeoutMs));
    QCOMPARE(chart->graphCount(), 1);
    QVERIFY(panel.notice().contains(QStringLiteral("2 of 3 runs did not log accuracy")));
}

void TestMetricCharts::smoothingAddsAFaintRawLineBehind()
{
    PanelOnScreen shown(m_root);
    auto &[jobs, panel] = shown;
    panel.setRuns(snapshot(), runIds());
    MetricChartOptions options;
    options.smoothing = 0.8;
    panel.setOptions(options);
    QVERIFY(jobs.waitUntilIdle(kJobTimeoutMs));
    MetricChart *chart = panel.chart();
    QCOMPARE(chart->graphCount(), 6);
    QCOMPARE(chart->legend->itemCount(), 3);
    QCPGraph *smoothed = chart->mainLineOf(QString::fromStdString(m_slow));
    QCOMPARE(smoothed->pen().color(), runColor(QString::fromStdString(m_slow)));
    // The smoothed line of 3.5 / (1 + step) lies above the raw one once it falls.
    const double lastRaw = (chart->graph(2)->data()->constEnd() - 1)->value;
    const double lastSmoothed = (smoothed->data()->constEnd() - 1)->value;
    QVERIFY(lastSmoothed > lastRaw);
    QVERIFY(chart->graph(2)->pen().color() != smoothed->pen().color());
}

void TestMetricCharts::readoutNamesTheNearestRun()
{
    PanelOnScreen shown(m_root);
    auto &[jobs, panel] = shown;
    panel.setRuns(snapshot(), runIds());
    QVERIFY(jobs.waitUntilIdle(kJobTimeoutMs));
    MetricChart *chart = panel.chart();
    chart->replot(QCustomPlot::rpImmediateRefresh);
    // slow-lr's val_loss at step 3 is 3.5 / 4.
    const QString text = chart->readoutAt(3.0, 3.5 / 4.0);
    QVERIFY2(text.contains(QStringLiteral("slow-lr")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("step 3")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("0.875")), qPrintable(text));
    QVERIFY(chart->readoutAt(3.0, 1e6).isEmpty()); // far from every line
}

void TestMetricCharts::csvHoldsThePlottedNumbers()
{
    MetricChart chart;
    MetricChartOptions options;
    chart.setChartData(std::make_shared<const MetricChartData>(
        buildMetricChartData(QStringLiteral("loss"),
                             {{QStringLiteral("a1"), QStringLiteral("alpha"), historyOf({3, kNaN})},
                              {QStringLiteral("b2"), QStringLiteral("beta"), historyOf({5})}},
                             options)));
    const CsvTable table = chart.csvTable();
    QCOMPARE(table.header, (QStringList{QStringLiteral("run"), QStringLiteral("run_id"),
                                        QStringLiteral("step"), QStringLiteral("loss")}));
    QCOMPARE(table.rowCount, 3);
    QCOMPARE(table.cell(0, 0), QStringLiteral("alpha"));
    QCOMPARE(table.cell(0, 3), QStringLiteral("3"));
    QCOMPARE(table.cell(1, 3), QString());
    QCOMPARE(table.cell(2, 1), QStringLiteral("b2"));
    QCOMPARE(table.cell(2, 3), QStringLiteral("5"));
}

void TestMetricCharts::gridHasOneChartPerMetric()
{
    PanelOnScreen shown(m_root);
    auto &[jobs, panel] = shown;
    panel.setRuns(snapshot(), runIds());
    panel.setMode(MetricChartsPanel::Mode::Grid);
    QVERIFY(jobs.waitUntilIdle(kJobTimeoutMs));
    const auto &charts = panel.grid()->charts();
    QCOMPARE(charts.size(), 3u);
    QStringList keys;
    for (MetricChart *chart : charts) {
        keys << chart->chartData()->key;
        QVERIFY(chart->isCompact());
    }
    QCOMPARE(keys, (QStringList{QStringLiteral("accuracy"), QStringLiteral("loss"),
                                QStringLiteral("val_loss")}));
    MetricChart *loss = panel.grid()->chartOf(QStringLiteral("loss"));
    QCOMPARE(loss->graphCount(), 3);
    QCPGraph *slow = loss->mainLineOf(QString::fromStdString(m_slow));
    QCOMPARE(slow->pen().color(), runColor(QString::fromStdString(m_slow)));
    QCOMPARE(slow->data()->size(), 80);
}

void TestMetricCharts::clickingAGridChartShowsThatMetric()
{
    PanelOnScreen shown(m_root);
    auto &[jobs, panel] = shown;
    panel.setRuns(snapshot(), runIds());
    panel.setMode(MetricChartsPanel::Mode::Grid);
    QVERIFY(jobs.waitUntilIdle(kJobTimeoutMs));
    QSignalSpy modeChanges(&panel, &MetricChartsPanel::modeChanged);
    MetricChart *loss = panel.grid()->chartOf(QStringLiteral("loss"));
    QTest::mouseClick(loss, Qt::LeftButton, {}, loss->rect().center());
    QVERIFY(jobs.waitUntilIdle(kJobTimeoutMs));
    QCOMPARE(panel.mode(), MetricChartsPanel::Mode::Single);
    QCOMPARE(panel.metric(), QStringLiteral("loss"));
    QCOMPARE(modeChanges.count(), 1);
    QCOMPARE(panel.chart()->mainLineOf(QString::fromStdString(m_slow))->data()->size(), 80);
}

void TestMetricCharts::setRunsAgainRereadsOnlyRunningRuns()
{
    PanelOnScreen shown(m_root);
    auto &[jobs, panel] = shown;
    panel.setRuns(snapshot(), runIds());
    panel.setMetric(QStringLiteral("loss"));
    QVERIFY(jobs.waitUntilIdle(kJobTimeoutMs));
    MetricChart *chart = panel.chart();
    const QString live = QString::fromStdString(m_live);
    const QString fast = QString::fromStdString(m_fast);
    QCOMPARE(chart->mainLineOf(live)->data()->size(), 20);
    QCOMPARE(chart->mainLineOf(fast)->data()->size(), 50);

    // Both runs log more; only the running one is read again.
    const std::vector<track::MetricPoint> more{{100, kStartMs + 100000, 0.01}};
    CHECK_OK(store().logMetrics(m_live, "loss", more));
    CHECK_OK(store().logMetrics(m_fast, "loss", more));
    panel.setRuns(snapshot(), runIds());
    QVERIFY(jobs.waitUntilIdle(kJobTimeoutMs));
    QCOMPARE(chart->mainLineOf(live)->data()->size(), 21);
    QCOMPARE(chart->mainLineOf(fast)->data()->size(), 50);
}

void TestMetricCharts::emptyStatesSayWhatToDo()
{
    JobRunner jobs;
    MetricChartsPanel panel;
    panel.show();
    panel.setSource(&jobs, m_root);
    QVERIFY(!panel.isShowingCharts());
    QVERIFY(panel.message()->body().contains(QStringLiteral("Select runs in the table")));
    panel.setRuns(snapshot(), {QString::fromStdString(m_silent)});
    QVERIFY(jobs.waitUntilIdle(kJobTimeoutMs));
    QVERIFY(!panel.isShowingCharts());
    QCOMPARE(panel.message()->title(), QStringLiteral("No metrics logged"));
    panel.setRuns(snapshot(), {});
    QVERIFY(panel.message()->body().contains(QStringLiteral("Select runs in the table")));
}

// The demo's sweep, charted as a user first sees it. With ASSAY_SCREENSHOT_DIR set, the
// panel is saved there in single and grid mode, to look at.
void TestMetricCharts::demoSweepChartsEveryMetric()
{
    QTemporaryDir demoDir;
    const fs::path root = fs::path(demoDir.path().toStdString()) / "demo";
    assay::demo::DemoOptions demoOptions;
    demoOptions.rows = 500;
    CHECK_OK(assay::demo::createDemoWorkspace(root, demoOptions));
    auto loaded = loadRunsSnapshot(root);
    CHECK_OK(loaded);
    auto sweep = std::make_shared<const RunsSnapshot>(std::move(*loaded));
    QStringList chosen;
    for (const track::RunRecord &run : sweep->runs)
        if (run.info.experiment == "credit-default-gbm" && chosen.size() < 8)
            chosen << QString::fromStdString(run.info.runId);
    QCOMPARE(chosen.size(), 8);

    JobRunner jobs;
    MetricChartsPanel panel;
    panel.resize(1100, 720);
    panel.show();
    panel.setSource(&jobs, root);
    panel.setRuns(sweep, chosen);
    QVERIFY(jobs.waitUntilIdle(kJobTimeoutMs));
    QVERIFY(panel.isShowingCharts());
    QCOMPARE(panel.metric(), QStringLiteral("val_loss"));
    QCOMPARE(panel.chart()->graphCount(), 8);
    const QString screenshots = qEnvironmentVariable("ASSAY_SCREENSHOT_DIR");
    const auto save = [&](const QString &name) {
        if (!screenshots.isEmpty())
            QVERIFY(panel.grab().save(screenshots + QLatin1Char('/') + name));
    };
    save(QStringLiteral("metric_charts_single.png"));

    MetricChartOptions options;
    options.smoothing = 0.6;
    options.logScale = true;
    options.xAxis = MetricXAxis::RelativeTime;
    panel.setOptions(options);
    QVERIFY(jobs.waitUntilIdle(kJobTimeoutMs));
    QCOMPARE(panel.chart()->graphCount(), 16);
    save(QStringLiteral("metric_charts_smoothed.png"));

    panel.setOptions({});
    panel.setMode(MetricChartsPanel::Mode::Grid);
    QVERIFY(jobs.waitUntilIdle(kJobTimeoutMs));
    QCOMPARE(panel.grid()->charts().size(), std::size_t(metricKeysOf(*sweep, chosen).size()));
    save(QStringLiteral("metric_charts_grid.png"));
}

QTEST_MAIN(TestMetricCharts)
void TestMetricCharts::validationLossIsChartedFirst()
{
    const auto keys = [](std::initializer_list<const char *> names) {
        QStringList list;
        for (const char *name : names)
            list << QString::fromLatin1(name);
        return list;
    };
    QCOMPARE(preferredMetricKey(keys({"auc", "best_val_loss", "train_loss", "val_loss"})),
             QStringLiteral("val_loss"));
    QCOMPARE(preferredMetricKey(keys({"auc", "train_loss"})), QStringLiteral("train_loss"));
    QCOMPARE(preferredMetricKey(keys({"f1", "auc"})), QStringLiteral("f1"));
    QCOMPARE(preferredMetricKey({}), QString());
}

#include "test_metric_charts.moc"
