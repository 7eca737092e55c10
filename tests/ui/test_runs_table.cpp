#include "runs/run_details_panel.h"
#include "runs/run_filter_box.h"
#include "runs/run_store_watcher.h"
#include "runs/runs_area.h"
#include "runs/runs_snapshot.h"
#include "runs/runs_table_model.h"
#include "runs/runs_table_view.h"
#include "shell/job_runner.h"
#include "shell/workspace_session.h"
#include "track/tracking_store.h"
#include "workspace/workspace.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

using namespace assay;
using namespace assay::ui;

namespace {

constexpr int jobTimeoutMs = 60'000;

track::RunRecord makeRun(const std::string &id, std::int64_t startMs,
                         std::map<std::string, std::string> params,
                         std::map<std::string, double> metrics,
                         std::optional<std::string> parent = std::nullopt,
                         track::RunStatus status = track::RunStatus::Finished)
{
    track::RunRecord run;
    run.info.runId = id;
    run.info.name = "run-" + id;
    run.info.experiment = "exp";
    run.info.status = status;
    run.info.startMs = startMs;
    run.info.endMs = startMs + 1000;
    run.info.parentRunId = std::move(parent);
    run.params = std::move(params);
    for (const auto &[key, value] : metrics)
        run.latestMetrics[key] = {10, startMs, value};
    return run;
}

std::shared_ptr<const RunsSnapshot> makeSnapshot(std::vector<track::RunRecord> runs)
{
    return std::make_shared<const RunsSnapshot>(makeRunsSnapshot(std::move(runs)));
}

// 30 runs: depth cycles 3/4/6, auc varies, every fifth run lacks auc, run 7 has NaN.
std::vector<track::RunRecord> sweep(int count = 30)
{
    std::vector<track::RunRecord> runs;
    for (int i = 0; i < count; ++i) {
        std::map<std::string, double> metrics{{"loss", 1.0 / (i + 1)}};
        if (i % 5 != 0)
            metrics["auc"] = 0.5 + 0.013 * ((i * 7) % 31);
        if (i == 7)
            metrics["auc"] = std::numeric_limits<double>::quiet_NaN();
        runs.push_back(makeRun(
            QStringLiteral("r%1").arg(i, 2, 10, QChar(u'0')).toStdString(), 100000 - i * 10,
            {{"depth", std::to_string(std::vector{3, 4, 6}[i % 3])}, {"n", std::to_string(i * 10)}},
            metrics));
    }
    return runs;
}

int columnOf(const RunsTableModel &model, RunColumn::Kind kind, const QString &key = {})
{
    return model.columnOf(RunColumn{kind, key});
}

QStringList topLevelIds(const RunsTableModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(RunsTableModel::RunIdRole).toString());
    return ids;
}

std::optional<double> aucOf(const RunsSnapshot &snapshot, const QString &id)
{
    const track::RunRecord *run = snapshot.find(id);
    const auto found = run->latestMetrics.find("auc");
    if (found == run->latestMetrics.end() || std::isnan(found->second.value))
        return std::nullopt;
    return found->second.value;
}

} // namespace

class TestRunsTable : public QObject {
    Q_OBJECT
private slots:
    void flatModelPassesTheTester();
    void groupedAndNestedModelPassesTheTester();
    void snapshotSwapPassesTheTesterAndKeepsSelection();
    void sortsNumbersNumericallyMissingLast();
    void filterAppliesAndParseErrorNamesTheColumn();
    void filterCompletesKeys();
    void pinnedRunsStayOnTop();
    void hiddenRunsLeaveTheSelection();
    void groupRowsAggregateMetrics();
    void copiesSelectedRowsAsTsv();
    void anExperimentShowsItsOwnColumns();
    void liveUpdateKeepsTheSelectedRun();
    void emptyWorkspaceSaysWhatToDo();
};

void TestRunsTable::flatModelPassesTheTester()
{
    RunsTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSnapshot(makeSnapshot(sweep()));
    QCOMPARE(model.rowCount(), 30);
    // Defaults: every metric and the params.
    QVERIFY(columnOf(model, RunColumn::Kind::Metric, QStringLiteral("auc")) >= 0);
    QVERIFY(columnOf(model, RunColumn::Kind::Param, QStringLiteral("depth")) >= 0);
    model.sort(columnOf(model, RunColumn::Kind::Metric, QStringLiteral("auc")),
               Qt::DescendingOrder);
    model.setPinned(QStringLiteral("r03"), true);
    model.setHidden(QStringLiteral("r04"), true);
    QCOMPARE(model.rowCount(), 29);
    model.setShowHidden(true);
    QCOMPARE(model.rowCount(), 30);
    model.setKeyedColumns(QList<RunColumn>{{RunColumn::Kind::Param, QStringLiteral("n")}});
    QCOMPARE(model.columnCount(), int(fixedRunColumns().size()) + 1);
}

void TestRunsTable::groupedAndNestedModelPassesTheTester()
{
    std::vector<track::RunRecord> runs = sweep(12);
    runs.push_back(makeRun("fold0", 50, {{"depth", "3"}}, {{"auc", 0.6}}, "r00"));
    runs.push_back(makeRun("fold1", 40, {{"depth", "3"}}, {{"auc", 0.7}}, "r00"));
    runs.push_back(makeRun("grandchild", 30, {}, {}, "fold1"));
    runs.push_back(makeRun("orphan", 20, {}, {}, "missing-parent"));
    RunsTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSnapshot(makeSnapshot(runs));

    // Nested: the folds under r00, the grandchild under fold1, the orphan at the top.
    QCOMPARE(model.rowCount(), 13);
    const QModelIndex parent = model.indexOfRun(QStringLiteral("r00"));
    QCOMPARE(model.rowCount(parent), 2);
    const QModelIndex fold1 = model.indexOfRun(QStringLiteral("fold1"));
    QCOMPARE(fold1.parent(), parent);
    QCOMPARE(model.indexOfRun(QStringLiteral("grandchild")).parent(), fold1);
    QVERIFY(!model.indexOfRun(QStringLiteral("orphan")).parent().isValid());

    model.setGroupBy(RunColumn{RunColumn::Kind::Param, QStringLiteral("depth")});
    // 3, 4, 6 and the runs without depth (grandchild's parent is shown, the orphan is not).
    QCOMPARE(model.rowCount(), 4);
    QVERIFY(model.isGroup(model.index(0, 0)));
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("depth = 3"));
    QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("4 runs"));
    QCOMPARE(model.indexOfRun(QStringLiteral("fold1")).parent(),
             model.indexOfRun(QStringLiteral("r00")));
    QVERIFY(model.isGroup(model.indexOfRun(QStringLiteral("r00")).parent()));
    model.sort(columnOf(model, RunColumn::Kind::Metric, QStringLiteral("auc")), Qt::AscendingOrder);
    model.setGroupBy(std::nullopt);
    QCOMPARE(model.rowCount(), 13);
}

void TestRunsTable::snapshotSwapPassesTheTesterAndKeepsSelection()
{
    RunsTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RunsTableView view(&model);
    model.setSnapshot(makeSnapshot(sweep(20)));
    QVERIFY(view.selectRuns({QStringLiteral("r05"), QStringLiteral("r09")}));

    // A new run arrives, newest first: every row moves down one, the selection stays.
    std::vector<track::RunRecord> more = sweep(20);
    more.insert(more.begin(),
                makeRun("new", 200000, {{"depth", "4"}}, {{"auc", 0.9}, {"loss", 0.1}}));
    model.setSnapshot(makeSnapshot(more));
    QCOMPARE(model.rowCount(), 21);
    QCOMPARE(view.selectedRunIds(), (QStringList{QStringLiteral("r05"), QStringLiteral("r09")}));
    QCOMPARE(view.selectionModel()->selectedRows().first().row(), 6);

    // A new metric key changes the default columns: a reset, the selection still kept.
    more.front().latestMetrics["f1"] = {1, 1, 0.5};
    model.setSnapshot(makeSnapshot(more));
    QVERIFY(columnOf(model, RunColumn::Kind::Metric, QStringLiteral("f1")) >= 0);
    QCOMPARE(view.selectedRunIds(), (QStringList{QStringLiteral("r05"), QStringLiteral("r09")}));
}

void TestRunsTable::sortsNumbersNumericallyMissingLast()
{
    RunsTableModel model;
    const auto snapshot = makeSnapshot(sweep());
    model.setSnapshot(snapshot);
    const int auc = columnOf(model, RunColumn::Kind::Metric, QStringLiteral("auc"));
    for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
        model.sort(auc, order);
        const QStringList ids = topLevelIds(model);
        QCOMPARE(ids.size(), 30);
        // 23 runs have a number (6 lack auc, r07 is NaN); they come first, in order.
        for (int row = 0; row < 30; ++row)
            QCOMPARE(aucOf(*snapshot, ids[row]).has_value(), row < 23);
        for (int row = 1; row < 23; ++row) {
            const double before = *aucOf(*snapshot, ids[row - 1]);
            const double here = *aucOf(*snapshot, ids[row]);
            QVERIFY2(order == Qt::AscendingOrder ? before <= here : before >= here,
                     qPrintable(QStringLiteral("%1 then %2").arg(before).arg(here)));
        }
    }
    // Params sort as numbers when they read as numbers: 90 before 100.
    model.sort(columnOf(model, RunColumn::Kind::Param, QStringLiteral("n")), Qt::AscendingOrder);
    const QStringList ids = topLevelIds(model);
    QCOMPARE(ids.indexOf(QStringLiteral("r09")) + 1, ids.indexOf(QStringLiteral("r10")));
    // The display keeps 4 significant digits, the tooltip the full value.
    model.sort(auc, Qt::AscendingOrder);
    const QModelIndex first = model.index(0, auc);
    QCOMPARE(first.data(Qt::ToolTipRole).toString().section(u' ', 0, 0),
             QString::number(*aucOf(*snapshot, topLevelIds(model).first()), 'g', 17)
                 .left(first.data(Qt::ToolTipRole).toString().section(u' ', 0, 0).size()));
    QVERIFY(first.data().toString().size() <= 6);
    QCOMPARE(first.data(Qt::TextAlignmentRole).value<Qt::Alignment>() & Qt::AlignRight,
             Qt::AlignRight);
}

void TestRunsTable::filterAppliesAndParseErrorNamesTheColumn()
{
    RunsTableModel model;
    const auto snapshot = makeSnapshot(sweep());
    model.setSnapshot(snapshot);
    RunFilterBox box;
    connect(&box, &RunFilterBox::filterChanged, &model, &RunsTableModel::setFilter);

    box.setText(QStringLiteral("metrics.auc > 0.7 and params.depth = '4'"));
    int expected = 0;
    for (const track::RunRecord &run : snapshot->runs) {
        const auto found = run.latestMetrics.find("auc");
        if (found != run.latestMetrics.end() && found->second.value > 0.7 &&
            run.params.at("depth") == "4")
            ++expected;
    }
    QVERIFY(expected > 0 && expected < 30);
    QCOMPARE(model.rowCount(), expected);
    QCOMPARE(model.runsShown(), expected);
    QCOMPARE(model.runsInScope(), 30);
    QVERIFY(box.errorMessage().isEmpty());

    box.setText(
        QStringLiteral("(params.depth = '3' or params.depth = '6') and metrics.loss < 0.1"));
    // loss = 1/(i+1) < 0.1 from run 10 on (20 runs); depth 4 (i % 3 == 1) left out: 7 of them.
    QCOMPARE(model.rowCount(), 13);

    box.setText(QStringLiteral("metrics.auc > "));
    QVERIFY2(box.errorMessage().startsWith(QStringLiteral("Column ")),
             qPrintable(box.errorMessage()));
    QVERIFY(!box.styleSheet().isEmpty());
    QCOMPARE(model.rowCount(), 13); // the last filter that parsed stays

    box.clear();
    QVERIFY(box.errorMessage().isEmpty());
    QCOMPARE(model.rowCount(), 30);
}

void TestRunsTable::filterCompletesKeys()
{
    RunFilterBox box;
    box.setKeys(*makeSnapshot(sweep(3)));
    const QStringList keys = box.completions();
    QVERIFY(keys.contains(QStringLiteral("metrics.auc")));
    QVERIFY(keys.contains(QStringLiteral("params.depth")));
    QVERIFY(keys.contains(QStringLiteral("attributes.status")));
}

void TestRunsTable::pinnedRunsStayOnTop()
{
    RunsTableModel model;
    model.setSnapshot(makeSnapshot(sweep()));
    const int auc = columnOf(model, RunColumn::Kind::Metric, QStringLiteral("auc"));
    model.setPinned(QStringLiteral("r00"), true); // no auc: last by value
    model.setPinned(QStringLiteral("r12"), true);
    for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
        model.sort(auc, order);
        const QStringList top = topLevelIds(model).mid(0, 2);
        QVERIFY2(top.contains(QStringLiteral("r00")) && top.contains(QStringLiteral("r12")),
                 qPrintable(top.join(u',')));
        QVERIFY(model.index(0, 0).data(RunsTableModel::PinnedRole).toBool());
    }
    model.setPinned(QStringLiteral("r00"), false);
    model.sort(auc, Qt::AscendingOrder);
    QCOMPARE(topLevelIds(model).last(), QStringLiteral("r25")); // missing auc, oldest
}

void TestRunsTable::hiddenRunsLeaveTheSelection()
{
    RunsTableModel model;
    RunsTableView view(&model);
    model.setSnapshot(makeSnapshot(sweep(10)));
    model.setShowHidden(true);
    model.setHidden(QStringLiteral("r02"), true);
    view.selectRuns({QStringLiteral("r01"), QStringLiteral("r02"), QStringLiteral("r03")});
    QCOMPARE(view.selectedRunIds(), (QStringList{QStringLiteral("r01"), QStringLiteral("r03")}));
    QCOMPARE(view.selectedRunIds(true).size(), 3);
    model.setShowHidden(false);
    QCOMPARE(model.rowCount(), 9);
    QCOMPARE(view.selectedRunIds(), (QStringList{QStringLiteral("r01"), QStringLiteral("r03")}));
}

void TestRunsTable::groupRowsAggregateMetrics()
{
    RunsTableModel model;
    const auto snapshot = makeSnapshot(sweep());
    model.setSnapshot(snapshot);
    model.setGroupBy(RunColumn{RunColumn::Kind::Param, QStringLiteral("depth")});
    const int auc = columnOf(model, RunColumn::Kind::Metric, QStringLiteral("auc"));
    QCOMPARE(model.rowCount(), 3);
    for (int row = 0; row < 3; ++row) {
        const QModelIndex group = model.index(row, auc);
        const std::string depth = std::to_string(std::vector{3, 4, 6}[row]);
        std::vector<double> values;
        int members = 0;
        for (const track::RunRecord &run : snapshot->runs) {
            if (run.params.at("depth") != depth)
                continue;
            ++members;
            const auto found = run.latestMetrics.find("auc");
            if (found != run.latestMetrics.end() && !std::isnan(found->second.value))
                values.push_back(found->second.value);
        }
        QCOMPARE(model.rowCount(model.index(row, 0)), members);
        const auto aggregate = model.aggregate(group);
        QVERIFY(aggregate);
        QCOMPARE(aggregate->count, int(values.size()));
        QCOMPARE(aggregate->min, *std::min_element(values.begin(), values.end()));
        QCOMPARE(aggregate->max, *std::max_element(values.begin(), values.end()));
        double sum = 0;
        for (const double value : values)
            sum += value;
        QVERIFY(std::abs(aggregate->mean - sum / double(values.size())) < 1e-12);
        QVERIFY(group.data().toString().contains(u'–'));
    }
}

void TestRunsTable::copiesSelectedRowsAsTsv()
{
    RunsTableModel model;
    RunsTableView view(&model);
    model.setSnapshot(makeSnapshot(sweep(5)));
    model.setKeyedColumns(QList<RunColumn>{{RunColumn::Kind::Metric, QStringLiteral("loss")}});
    view.selectRuns({QStringLiteral("r01"), QStringLiteral("r00")});
    const QStringList lines = view.selectionAsTsv().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    // Chosen columns come after the run's duration, before experiment, user and commit.
    const QStringList header = lines[0].split(u'\t');
    const qsizetype loss = header.indexOf(QStringLiteral("loss"));
    QCOMPARE(header.mid(0, 2), (QStringList{QStringLiteral("Run"), QStringLiteral("Status")}));
    QCOMPARE(header.value(loss - 1), QStringLiteral("Duration"));
    QCOMPARE(header.value(loss + 1), QStringLiteral("Experiment"));
    QVERIFY(lines[1].startsWith(QStringLiteral("run-r00\tFINISHED\t")));
    QCOMPARE(lines[2].split(u'\t').value(loss), QStringLiteral("0.5"));
}

void TestRunsTable::anExperimentShowsItsOwnColumns()
{
    std::vector<track::RunRecord> runs = sweep(4);
    track::RunRecord other = makeRun("cv", 5, {{"folds", "5"}}, {{"cv_auc", 0.8}});
    other.info.experiment = "cv";
    runs.push_back(other);
    RunsTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSnapshot(makeSnapshot(runs));
    QVERIFY(columnOf(model, RunColumn::Kind::Metric, QStringLiteral("cv_auc")) >= 0);

    model.setExperiment(QStringLiteral("exp"));
    QCOMPARE(columnOf(model, RunColumn::Kind::Metric, QStringLiteral("cv_auc")), -1);
    QCOMPARE(columnOf(model, RunColumn::Kind::Param, QStringLiteral("folds")), -1);
    QVERIFY(columnOf(model, RunColumn::Kind::Metric, QStringLiteral("auc")) >= 0);
    QCOMPARE(model.runsShown(), 4);

    // Columns the user chose stay whatever the experiment.
    model.setKeyedColumns(QList<RunColumn>{{RunColumn::Kind::Metric, QStringLiteral("cv_auc")}});
    model.setExperiment(QStringLiteral("cv"));
    model.setExperiment(QStringLiteral("exp"));
    QVERIFY(columnOf(model, RunColumn::Kind::Metric, QStringLiteral("cv_auc")) >= 0);
}

void TestRunsTable::liveUpdateKeepsTheSelectedRun()
{
    QTemporaryDir dir;
    auto created = workspace::Workspace::init(dir.path().toStdString());
    QVERIFY(created.ok());
    std::vector<std::string> ids;
    {
        auto store = track::TrackingStore::open(*created);
        QVERIFY(store.ok());
        for (int i = 0; i < 5; ++i) {
            track::RunInfo info;
            info.name = "run" + std::to_string(i);
            info.startMs = 1000 + i;
            auto id = store->startRun(info);
            QVERIFY(id.ok());
            QVERIFY(store->logMetric(*id, "auc", {1, 1, 0.1 * i}).ok());
            QVERIFY(store->finishRun(*id, track::RunStatus::Finished).ok());
            ids.push_back(*id);
        }
    }
    auto opened = workspace::Workspace::open(dir.path().toStdString());
    QVERIFY(opened.ok());
    auto session = std::make_shared<WorkspaceSession>(std::move(*opened));

    JobRunner jobs;
    QWidget parent;
    RunsArea area(AreaContext{&jobs}, &parent);
    QSignalSpy selections(&area, &RunsArea::selectedRunsChanged);
    area.showView(QStringLiteral("runs"));
    area.setWorkspace(session);
    QVERIFY(jobs.waitUntilIdle(jobTimeoutMs));
    QCOMPARE(area.model()->rowCount(), 5);
    // --view runs: the first finished runs selected (here all five, newest first).
    QCOMPARE(area.selectedRunIds().size(), 5);
    QVERIFY(selections.count() >= 1);

    const QString chosen = QString::fromStdString(ids[1]);
    area.table()->selectRuns({chosen});
    QCOMPARE(area.selectedRunIds(), QStringList{chosen});

    // Another process (here another connection) records a newer run.
    {
        auto writer = workspace::Workspace::open(dir.path().toStdString());
        QVERIFY(writer.ok());
        auto store = track::TrackingStore::open(*writer);
        track::RunInfo info;
        info.name = "late";
        info.startMs = 5000;
        QVERIFY(store->startRun(info).ok());
    }
    area.watcher()->poll();
    QVERIFY(jobs.waitUntilIdle(jobTimeoutMs));
    QCOMPARE(area.model()->rowCount(), 6);
    QCOMPARE(area.selectedRunIds(), QStringList{chosen});
    QCOMPARE(area.model()->index(0, 1).data().toString(), QStringLiteral("late"));
    QTRY_COMPARE(area.runDetails()->shownRunId(), chosen);

    // Nothing written since: polling again reads nothing.
    const auto before = area.snapshot();
    area.watcher()->poll();
    QVERIFY(jobs.waitUntilIdle(jobTimeoutMs));
    QCOMPARE(area.snapshot(), before);

    // Delete goes through core and the run leaves the table (until Show Deleted).
    area.setRunsDeleted({chosen}, true);
    QVERIFY(jobs.waitUntilIdle(jobTimeoutMs));
    QCOMPARE(area.model()->rowCount(), 5);
    area.model()->setShowDeleted(true);
    QCOMPARE(area.model()->rowCount(), 6);
}

void TestRunsTable::emptyWorkspaceSaysWhatToDo()
{
    QTemporaryDir dir;
    auto created = workspace::Workspace::init(dir.path().toStdString());
    QVERIFY(created.ok());
    auto session = std::make_shared<WorkspaceSession>(std::move(*created));
    JobRunner jobs;
    QWidget parent;
    RunsArea area(AreaContext{&jobs}, &parent);
    area.setWorkspace(session);
    QVERIFY(jobs.waitUntilIdle(jobTimeoutMs));
    QVERIFY(area.isShowingEmptyState());
}

QTEST_MAIN(TestRunsTable)
#include "test_runs_table.moc"
