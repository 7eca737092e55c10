#include "common/empty_state.h"
#include "common/table_actions.h"
#include "runs/parallel_coordinates_chart.h"
#include "runs/parallel_coordinates_data.h"
#include "runs/run_comparison_field.h"
#include "runs/run_comparison_model.h"
#include "runs/run_comparison_panel.h"
#include "runs/run_scatter_chart.h"
#include "runs/run_scatter_view.h"
#include "shell/job_runner.h"
#include "track/tracking_store.h"
#include "workspace/workspace.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFile>
#include <QFont>
#include <QLabel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace assay;
using namespace assay::ui;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

track::RunRecord makeRun(const std::string &id, const std::string &name,
                         std::map<std::string, std::string> params,
                         std::map<std::string, double> metrics)
{
    track::RunRecord run;
    run.info.runId = id;
    run.info.name = name;
    run.info.experiment = "sweep";
    run.info.status = track::RunStatus::Finished;
    run.info.startMs = 1'700'000'000'000;
    run.info.endMs = 1'700'000'060'000;
    run.info.user = "ada";
    run.params = std::move(params);
    for (const auto &[key, value] : metrics)
        run.latestMetrics[key] = track::MetricPoint{10, 1'700'000'050'000, value};
    return run;
}

// Three runs: a baseline, a better one and a worse one, by loss and by auc.
std::vector<track::RunRecord> threeRuns()
{
    return {makeRun("a0000000000000000000000000000001", "base",
                    {{"lr", "0.1"}, {"optimizer", "adam"}, {"seed", "1"}},
                    {{"loss", 0.5}, {"auc", 0.8}}),
            makeRun("b0000000000000000000000000000002", "better",
                    {{"lr", "0.3"}, {"optimizer", "adam"}}, {{"loss", 0.4}, {"auc", 0.9}}),
            makeRun("c0000000000000000000000000000003", "worse",
                    {{"lr", "0.2"}, {"optimizer", "adam"}, {"seed", "1"}},
                    {{"loss", 0.6}, {"auc", 0.7}})};
}

std::vector<const track::RunRecord *> pointers(const std::vector<track::RunRecord> &runs)
{
    std::vector<const track::RunRecord *> list;
    for (const auto &run : runs)
        list.push_back(&run);
    return list;
}

QVariant cell(const RunComparisonModel &model, const QString &metric, int column, int role)
{
    const int row = model.rowOf(ComparisonSection::Metrics, metric);
    return row < 0 ? QVariant() : model.index(row, column).data(role);
}

} // namespace

class TestRunComparison : public QObject {
    Q_OBJECT
private slots:
    void modelPassesTheTester();
    void differencesOnlyHidesEqualRows();
    void deltasAgainstTheChosenBaseline();
    void bestValuePerMetricFollowsItsGoal();
    void nanIsNeverBest();
    void headersNameRunsAndSections();
    void parallelAxesNormaliseNumbersAndCategories();
    void parallelChartDrawsOneLinePerRun();
    void scatterPutsCategoriesAtOrdinalPositions();
    void panelShowsEmptyStateForFewerThanTwoRuns();
    void panelLoadsDatasetsFromTheWorkspace();
};

void TestRunComparison::modelPassesTheTester()
{
    RunComparisonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(threeRuns(), {}, true);
    QVERIFY(model.rowCount() > 0);
    QCOMPARE(model.columnCount(), 3);
    model.setDifferencesOnly(true);
    model.setBaseline(2);
    std::vector<track::RunRecord> details = threeRuns();
    details[0].datasets.push_back(
        {"train", "data/train.csv", "0123456789abcdef0123456789abcdef", "abc1234", "training"});
    model.setRunDetails(details);
    model.setDifferencesOnly(false);
    model.setRuns({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
}

void TestRunComparison::differencesOnlyHidesEqualRows()
{
    RunComparisonModel model;
    model.setRuns(threeRuns());
    QVERIFY(model.rowOf(ComparisonSection::Params, QStringLiteral("optimizer")) >= 0);
    QVERIFY(model.rowOf(ComparisonSection::Run, QStringLiteral("User")) >= 0);
    const int allRows = model.rowCount();

    model.setDifferencesOnly(true);
    QCOMPARE(model.rowOf(ComparisonSection::Params, QStringLiteral("optimizer")), -1);
    QCOMPARE(model.rowOf(ComparisonSection::Run, QStringLiteral("User")), -1);
    QVERIFY(model.rowOf(ComparisonSection::Params, QStringLiteral("lr")) >= 0);
    // Two runs have seed=1, one has none: a missing param is a difference.
    QVERIFY(model.rowOf(ComparisonSection::Params, QStringLiteral("seed")) >= 0);
    QVERIFY(model.rowOf(ComparisonSection::Metrics, QStringLiteral("loss")) >= 0);
    QVERIFY(model.rowCount() < allRows);
    // Every shown field row differs; equal ones are counted but hidden.
    for (int row = 0; row < model.rowCount(); ++row)
        if (!model.index(row, 0).data(RunComparisonModel::IsSectionRole).toBool())
            QVERIFY(model.index(row, 0).data(RunComparisonModel::DiffersRole).toBool());
    QVERIFY(model.differingRowCount() < model.fieldRowCount());

    // All runs share the tags section's only key with one value: the section disappears.
    std::vector<track::RunRecord> runs = threeRuns();
    for (auto &run : runs)
        run.tags["team"] = "vision";
    model.setRuns(runs);
    QCOMPARE(model.rowOf(ComparisonSection::Tags, QStringLiteral("team")), -1);
    model.setDifferencesOnly(false);
    QVERIFY(model.rowOf(ComparisonSection::Tags, QStringLiteral("team")) >= 0);
    model.setDifferencesOnly(true);
    for (int row = 0; row < model.rowCount(); ++row)
        QVERIFY(!model.headerData(row, Qt::Vertical).toString().startsWith(QStringLiteral("Tags")));
}

void TestRunComparison::deltasAgainstTheChosenBaseline()
{
    RunComparisonModel model;
    model.setRuns(threeRuns());
    QCOMPARE(model.baseline(), 0);
    // The baseline's own cells carry no delta.
    QVERIFY(!cell(model, QStringLiteral("loss"), 0, RunComparisonModel::DeltaRole).isValid());
    QCOMPARE(cell(model, QStringLiteral("loss"), 0, Qt::DisplayRole).toString(),
             QStringLiteral("0.5"));

    // loss 0.4 against 0.5: −0.1, −20 %, better because lower is better.
    QCOMPARE(cell(model, QStringLiteral("loss"), 1, RunComparisonModel::DeltaRole).toDouble(),
             0.4 - 0.5);
    QCOMPARE(
        cell(model, QStringLiteral("loss"), 1, RunComparisonModel::DeltaPercentRole).toDouble(),
        (0.4 - 0.5) / 0.5 * 100);
    QCOMPARE(cell(model, QStringLiteral("loss"), 1, RunComparisonModel::VerdictRole).toInt(),
             int(MetricVerdict::Better));
    QCOMPARE(cell(model, QStringLiteral("loss"), 1, Qt::DisplayRole).toString(),
             QStringLiteral("0.4  -0.1 (-20 %) ▼"));
    // auc 0.9 against 0.8: +0.1, +12.5 %, better because higher is better.
    QCOMPARE(cell(model, QStringLiteral("auc"), 1, RunComparisonModel::VerdictRole).toInt(),
             int(MetricVerdict::Better));
    QVERIFY(cell(model, QStringLiteral("auc"), 1, RunComparisonModel::DeltaRole).toDouble() > 0);
    QCOMPARE(cell(model, QStringLiteral("auc"), 1, Qt::DisplayRole).toString(),
             QStringLiteral("0.9  +0.1 (+12.5 %) ▲"));
    // The worse run: loss up and auc down are both worse.
    QCOMPARE(cell(model, QStringLiteral("loss"), 2, RunComparisonModel::VerdictRole).toInt(),
             int(MetricVerdict::Worse));
    QCOMPARE(cell(model, QStringLiteral("auc"), 2, RunComparisonModel::VerdictRole).toInt(),
             int(MetricVerdict::Worse));

    // Another baseline: the first run is now worse by loss, +25 % of 0.4.
    model.setBaseline(1);
    QVERIFY(!cell(model, QStringLiteral("loss"), 1, RunComparisonModel::DeltaRole).isValid());
    QCOMPARE(
        cell(model, QStringLiteral("loss"), 0, RunComparisonModel::DeltaPercentRole).toDouble(),
        (0.5 - 0.4) / 0.4 * 100);
    QCOMPARE(cell(model, QStringLiteral("loss"), 0, RunComparisonModel::VerdictRole).toInt(),
             int(MetricVerdict::Worse));
    QVERIFY(model.headerData(1, Qt::Horizontal).toString().contains(QStringLiteral("baseline")));

    // A zero baseline has no percentage, but still a difference.
    const MetricDelta fromZero = metricDelta(0.25, 0, track::MetricGoal::Maximize);
    QCOMPARE(fromZero.absolute, 0.25);
    QVERIFY(std::isnan(fromZero.percent));
    QCOMPARE(deltaText(fromZero), QStringLiteral("+0.25 ▲"));
}

void TestRunComparison::bestValuePerMetricFollowsItsGoal()
{
    RunComparisonModel model;
    model.setRuns(threeRuns());
    // Lowest loss and highest auc are both the second run's.
    for (const QString &metric : {QStringLiteral("loss"), QStringLiteral("auc")}) {
        QCOMPARE(cell(model, metric, 0, RunComparisonModel::BestRole).toBool(), false);
        QCOMPARE(cell(model, metric, 1, RunComparisonModel::BestRole).toBool(), true);
        QCOMPARE(cell(model, metric, 2, RunComparisonModel::BestRole).toBool(), false);
        QVERIFY(cell(model, metric, 1, Qt::FontRole).value<QFont>().bold());
        QVERIFY(cell(model, metric, 1, Qt::BackgroundRole).isValid());
        QVERIFY(!cell(model, metric, 0, Qt::BackgroundRole).isValid());
    }
    QVERIFY(cell(model, QStringLiteral("loss"), 1, Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("best (lower is better)")));
    QVERIFY(cell(model, QStringLiteral("auc"), 1, Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("best (higher is better)")));

    // Ties are all best; equal values everywhere mark nothing.
    QCOMPARE(bestValues({0.3, 0.1, 0.1}, track::MetricGoal::Minimize),
             (std::vector<bool>{false, true, true}));
    QCOMPARE(bestValues({0.3, 0.3}, track::MetricGoal::Minimize),
             (std::vector<bool>{false, false}));
}

void TestRunComparison::nanIsNeverBest()
{
    const double inf = std::numeric_limits<double>::infinity();
    QCOMPARE(bestValues({kNaN, 0.4, 0.6}, track::MetricGoal::Minimize),
             (std::vector<bool>{false, true, false}));
    QCOMPARE(bestValues({kNaN, 0.4, 0.6}, track::MetricGoal::Maximize),
             (std::vector<bool>{false, false, true}));
    QCOMPARE(bestValues({-inf, 0.4, 0.6}, track::MetricGoal::Minimize),
             (std::vector<bool>{false, true, false}));
    QCOMPARE(bestValues({kNaN, kNaN}, track::MetricGoal::Maximize),
             (std::vector<bool>{false, false}));

    std::vector<track::RunRecord> runs = threeRuns();
    runs[1].latestMetrics["loss"].value = kNaN;
    RunComparisonModel model;
    model.setRuns(runs);
    QCOMPARE(cell(model, QStringLiteral("loss"), 1, RunComparisonModel::BestRole).toBool(), false);
    QCOMPARE(cell(model, QStringLiteral("loss"), 0, RunComparisonModel::BestRole).toBool(), true);
    // A NaN has no delta and no verdict.
    QVERIFY(!cell(model, QStringLiteral("loss"), 1, RunComparisonModel::VerdictRole).isValid());
}

void TestRunComparison::headersNameRunsAndSections()
{
    RunComparisonModel model;
    std::vector<track::RunRecord> runs = threeRuns();
    runs[2].info.name.clear();
    runs[1].info.gitCommit = "0123456789abcdef0123456789abcdef01234567";
    runs[1].info.gitDirty = true;
    model.setRuns(runs);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("base (baseline)"));
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("better"));
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("c0000000"));
    QVERIFY(model.headerData(0, Qt::Horizontal, Qt::DecorationRole).isValid());
    // Results first, then what was varied, then where the runs came from.
    QCOMPARE(model.headerData(0, Qt::Vertical).toString().left(7), QStringLiteral("Metrics"));
    QVERIFY(model.rowOf(ComparisonSection::Run, QStringLiteral("Status")) >
            model.rowOf(ComparisonSection::Params, QStringLiteral("lr")));

    const int commit = model.rowOf(ComparisonSection::Run, QStringLiteral("Git commit"));
    QCOMPARE(model.index(commit, 1).data().toString(), QStringLiteral("0123456 dirty"));
    QCOMPARE(model.index(commit, 0).data().toString(), QStringLiteral("—"));
    const int status = model.rowOf(ComparisonSection::Run, QStringLiteral("Status"));
    QCOMPARE(model.index(status, 0).data().toString(), QStringLiteral("Finished"));
    QVERIFY(model.index(status, 0).data(Qt::DecorationRole).isValid());
    const int lr = model.rowOf(ComparisonSection::Params, QStringLiteral("lr"));
    QVERIFY(model.index(lr, 0).data(Qt::TextAlignmentRole).value<Qt::Alignment>() & Qt::AlignRight);
    const int loss = model.rowOf(ComparisonSection::Metrics, QStringLiteral("loss"));
    QVERIFY(model.headerData(loss, Qt::Vertical).toString().contains(QStringLiteral("↓")));
}

void TestRunComparison::parallelAxesNormaliseNumbersAndCategories()
{
    std::vector<track::RunRecord> runs = threeRuns();
    runs[0].params["optimizer"] = "sgd";
    runs[1].params["optimizer"] = "adam";
    runs[2].params["optimizer"] = "rmsprop";
    const auto list = pointers(runs);

    const FieldScale lr = fieldScale(list, {RunField::Kind::Param, QStringLiteral("lr")});
    QVERIFY(!lr.categorical);
    QCOMPARE(lr.normalised(0), 0.0); // 0.1: the min
    QCOMPARE(lr.normalised(1), 1.0); // 0.3: the max
    QCOMPARE(lr.normalised(2), 0.5);
    QCOMPARE(lr.textAt(lr.max), QStringLiteral("0.3"));

    const FieldScale optimizer =
        fieldScale(list, {RunField::Kind::Param, QStringLiteral("optimizer")});
    QVERIFY(optimizer.categorical);
    QCOMPARE(optimizer.categories, (QStringList{QStringLiteral("adam"), QStringLiteral("rmsprop"),
                                                QStringLiteral("sgd")}));
    QCOMPARE(optimizer.normalised(1), 0.0);
    QCOMPARE(optimizer.normalised(2), 0.5);
    QCOMPARE(optimizer.normalised(0), 1.0);

    const FieldScale seed = fieldScale(list, {RunField::Kind::Param, QStringLiteral("seed")});
    QCOMPARE(seed.normalised(0), 0.5); // every run that has it has the same value
    QVERIFY(std::isnan(seed.normalised(1)));

    const FieldScale auc = fieldScale(list, {RunField::Kind::Metric, QStringLiteral("auc")});
    QCOMPARE(auc.normalised(2), 0.0);
    QCOMPARE(auc.normalised(1), 1.0);

    // Defaults: the params that differ (lr, optimizer, seed — missing once), then one metric.
    const std::vector<RunField> fields = defaultParallelFields(list);
    QCOMPARE(fields.size(), std::size_t(4));
    QCOMPARE(fields[0].key, QStringLiteral("lr"));
    QCOMPARE(fields[3].kind, RunField::Kind::Metric);
    QCOMPARE(fields[3].key, QStringLiteral("auc"));
}

void TestRunComparison::parallelChartDrawsOneLinePerRun()
{
    const std::vector<track::RunRecord> runs = threeRuns();
    const auto list = pointers(runs);
    ParallelCoordinatesChart chart;
    chart.resize(600, 300);
    std::vector<ParallelCoordinatesChart::Line> lines;
    for (const auto &run : runs)
        lines.push_back({QString::fromStdString(run.info.runId), runLabel(run.info)});
    chart.setData(lines, parallelAxes(list, defaultParallelFields(list)));
    QCOMPARE(chart.graphCount(), 3);
    // Axes lr, seed (missing in one run: a gap in its line), auc.
    QCOMPARE(chart.axes().size(), std::size_t(3));
    QCOMPARE(chart.graph(1)->data()->size(), 3);
    QVERIFY(std::isnan(chart.graph(1)->data()->at(1)->value));
    // The best-auc run touches the top of the metric axis, the worst its bottom.
    QCOMPARE(chart.graph(1)->data()->at(2)->value, 1.0);
    QCOMPARE(chart.graph(2)->data()->at(2)->value, 0.0);
    chart.replot();
    const QPointF top(chart.xAxis->coordToPixel(2), chart.yAxis->coordToPixel(1.0));
    QCOMPARE(chart.lineNear(top), 1);
    QCOMPARE(chart.lineNear(top + QPointF(0, 200)), -1);
}

void TestRunComparison::scatterPutsCategoriesAtOrdinalPositions()
{
    std::vector<track::RunRecord> runs = threeRuns();
    runs[0].params["optimizer"] = "sgd";
    runs[1].params["optimizer"] = "adam";
    runs[1].latestMetrics.erase("auc");
    RunScatterView view;
    view.resize(600, 400);
    view.setRuns(pointers(runs));
    // Defaults: the first differing param against the first metric.
    QCOMPARE(view.xField().key, QStringLiteral("lr"));
    QCOMPARE(view.yField().kind, RunField::Kind::Metric);
    QVERIFY(view.setFields({RunField::Kind::Param, QStringLiteral("optimizer")},
                           {RunField::Kind::Metric, QStringLiteral("auc")}));
    RunScatterChart *chart = view.chart();
    // The run without auc has no point.
    QCOMPARE(chart->plottedPointCount(), 2);
    auto ticker = chart->xAxis->ticker().dynamicCast<QCPAxisTickerText>();
    QVERIFY(ticker);
    QCOMPARE(ticker->ticks().value(0), QStringLiteral("adam"));
    QCOMPARE(ticker->ticks().value(1), QStringLiteral("sgd"));
    QCOMPARE(chart->graph(0)->data()->at(0)->key, 1.0); // sgd
    QVERIFY(!view.setFields({RunField::Kind::Param, QStringLiteral("nope")},
                            {RunField::Kind::Metric, QStringLiteral("auc")}));
}

void TestRunComparison::panelShowsEmptyStateForFewerThanTwoRuns()
{
    auto snapshot = std::make_shared<RunsSnapshot>();
    snapshot->runs = threeRuns();
    for (std::size_t i = 0; i < snapshot->runs.size(); ++i)
        snapshot->indexById.emplace(snapshot->runs[i].info.runId, i);
    RunComparisonPanel panel;
    panel.setRuns(snapshot, {QString::fromStdString(snapshot->runs[0].info.runId)});
    QVERIFY(!panel.isComparing());
    QVERIFY(panel.emptyState()->body().contains(QStringLiteral("two or more runs")));
    panel.setRuns(snapshot, {QString::fromStdString(snapshot->runs[2].info.runId),
                             QString::fromStdString(snapshot->runs[0].info.runId)});
    QVERIFY(panel.isComparing());
    QCOMPARE(panel.model()->columnCount(), 2);
    QCOMPARE(panel.model()->headerData(0, Qt::Horizontal).toString(),
             QStringLiteral("worse (baseline)"));
    panel.differencesOnly()->setChecked(true);
    QVERIFY(panel.differenceCount()->text().contains(QStringLiteral("%1 of %2 rows differ")
                                                         .arg(panel.model()->differingRowCount())
                                                         .arg(panel.model()->fieldRowCount())));
    panel.setRuns(snapshot, {});
    QVERIFY(!panel.isComparing());
}

void TestRunComparison::panelLoadsDatasetsFromTheWorkspace()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::filesystem::path root = dir.path().toStdString();
    QStringList ids;
    {
        auto workspace = workspace::Workspace::init(root);
        QVERIFY2(workspace.ok(), workspace.ok() ? "" : workspace.error().message.c_str());
        auto store = track::TrackingStore::open(*workspace);
        QVERIFY(store.ok());
        for (int i = 0; i < 2; ++i) {
            track::RunInfo info;
            info.name = "run" + std::to_string(i);
            auto id = store->startRun(info);
            QVERIFY(id.ok());
            QVERIFY(store->logParam(*id, "depth", std::to_string(3 + i)).ok());
            QVERIFY(store->logMetric(*id, "val_loss", {1, 0, 0.5 - 0.1 * i}).ok());
            track::DatasetInput dataset;
            dataset.name = "train";
            dataset.path = "data/train.csv";
            dataset.md5 =
                i == 0 ? "11112222333344445555666677778888" : "99990000aaaabbbbccccddddeeeeffff";
            dataset.revision = "abcdef0123456789";
            QVERIFY(store->logDataset(*id, dataset).ok());
            QVERIFY(store->finishRun(*id, track::RunStatus::Finished).ok());
            ids << QString::fromStdString(*id);
        }
    }
    auto snapshot = loadRunsSnapshot(root);
    QVERIFY(snapshot.ok());

    JobRunner jobs;
    RunComparisonPanel panel;
    panel.setSource(&jobs, root);
    panel.setRuns(std::make_shared<const RunsSnapshot>(std::move(*snapshot)), ids);
    QVERIFY(panel.isComparing());
    QVERIFY(jobs.waitUntilIdle(30'000));
    QVERIFY(!panel.isLoadingDetails());

    const RunComparisonModel &model = *panel.model();
    const int row = model.rowOf(ComparisonSection::Datasets, QStringLiteral("train (training)"));
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, 0).data().toString(),
             QStringLiteral("11112222  data/train.csv @ abcdef0"));
    QVERIFY(model.index(row, 1).data().toString().startsWith(QStringLiteral("99990000")));
    QVERIFY(model.index(row, 0)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("11112222333344445555666677778888")));
    QVERIFY(model.index(row, 0).data(RunComparisonModel::DiffersRole).toBool());
    const int loss = model.rowOf(ComparisonSection::Metrics, QStringLiteral("val_loss"));
    QCOMPARE(model.index(loss, 1).data(RunComparisonModel::VerdictRole).toInt(),
             int(MetricVerdict::Better));

    // Ctrl+C copies the selected cells as TSV, deltas included.
    QTableView *table = panel.table();
    table->selectionModel()->select(QItemSelection(model.index(loss, 0), model.index(loss, 1)),
                                    QItemSelectionModel::ClearAndSelect);
    const QList<QAction *> actions = table->actions();
    const auto copy = std::find_if(actions.begin(), actions.end(), [](QAction *action) {
        return action->shortcut() == QKeySequence(QKeySequence::Copy);
    });
    QVERIFY(copy != actions.end());
    (*copy)->trigger();
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("0.5\t0.4  -0.1 (-20 %) ▼\n"));

    // Export CSV writes the field names (the row header) as the first column.
    const QString csv = dir.filePath(QStringLiteral("compare.csv"));
    QVERIFY(TableActions::of(table)->exportTo(csv).ok());
    QVERIFY(jobs.waitUntilIdle(30'000));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"));
    QCOMPARE(lines.value(0), QStringLiteral("field,run0,run1"));
    QVERIFY(lines.contains(QStringLiteral("depth,3,4")));
}

QTEST_MAIN(TestRunComparison)
#include "test_run_comparison.moc"
