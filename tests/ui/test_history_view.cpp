#include "common/empty_state.h"
#include "data/column_delta_model.h"
#include "data/data_area.h"
#include "data/dataset_list_model.h"
#include "data/dataset_list_panel.h"
#include "data/dataset_pane.h"
#include "data/diff_banner.h"
#include "data/diff_model.h"
#include "data/diff_summary.h"
#include "data/diff_view.h"
#include "data/history_model.h"
#include "data/history_view.h"
#include "data/status_model.h"
#include "data/status_view.h"
#include "data/version_picker.h"
#include "demo/demo_monitoring.h"
#include "demo/demo_workspace.h"
#include "shell/job_runner.h"
#include "shell/main_window.h"
#include "shell/screenshot.h"
#include "version/dataset_ref.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace assay::ui;

namespace {

constexpr int jobTimeoutMs = 120'000;

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(bytes);
}

} // namespace

class TestHistoryView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void historyListsTheDemoVersions();
    void diffViewComparesTheLatestVersions();
    void compareButtonOpensTheDiff();
    void keyedDiffOfTwoFilesShowsModifiedCells();
    void untrackedDatasetSaysHowToTrackIt();
    void statusAddAndCommitRecordANewVersion();

private:
    DataArea *openDemo(MainWindow &window, const QString &view);

    QTemporaryDir m_demoDir;
    QTemporaryDir m_settingsDir;
    std::unique_ptr<QSettings> m_settings;
};

void TestHistoryView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_demoDir.isValid());
    assay::demo::DemoOptions options;
    options.rows = 500;
    const auto created = assay::demo::createDemoWorkspace(
        m_demoDir.filePath(QStringLiteral("demo")).toStdString(), options);
    QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
}

void TestHistoryView::init()
{
    m_settings = std::make_unique<QSettings>(
        m_settingsDir.filePath(QString::fromLatin1(QTest::currentTestFunction()) +
                               QStringLiteral(".ini")),
        QSettings::IniFormat);
}

DataArea *TestHistoryView::openDemo(MainWindow &window, const QString &view)
{
    if (window.openWorkspace(m_demoDir.filePath(QStringLiteral("demo"))) != QString())
        return nullptr;
    if (!window.showView(view))
        return nullptr;
    if (!window.jobRunner()->waitUntilIdle(jobTimeoutMs))
        return nullptr;
    return qobject_cast<DataArea *>(window.area(QStringLiteral("data")));
}

void TestHistoryView::historyListsTheDemoVersions()
{
    MainWindow window(m_settings.get());
    DataArea *area = openDemo(window, QStringLiteral("data-history"));
    QVERIFY(area);
    QCOMPARE(area->listPanel()->currentDataset(), QStringLiteral("data/credit.csv"));
    DatasetPane *pane = area->pane();
    QCOMPARE(pane->currentTab(), DatasetPane::Tab::History);
    HistoryView *history = pane->historyView();
    QAbstractItemModelTester tester(history->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(history->isShowingVersions());
    QCOMPARE(history->model()->versions().size(), std::size_t(2));
    QCOMPARE(history->model()->rowCount(), 3); // the working copy above them
    QVERIFY(history->model()->versions()[0].time >= history->model()->versions()[1].time);
    // --view selects the two latest versions, ready to compare.
    QVERIFY(history->compareButton()->isEnabled());
    QVERIFY(!history->model()->index(1, HistoryModel::AuthorColumn).data().toString().isEmpty());
}

void TestHistoryView::diffViewComparesTheLatestVersions()
{
    MainWindow window(m_settings.get());
    DataArea *area = openDemo(window, QStringLiteral("data-diff"));
    QVERIFY(area);
    DatasetPane *pane = area->pane();
    QCOMPARE(pane->currentTab(), DatasetPane::Tab::Diff);
    DiffView *diff = pane->diffView();
    QVERIFY2(diff->isShowingDiff(), qPrintable(diff->message()->body()));
    const auto comparison = diff->comparison();
    QVERIFY(comparison);
    QAbstractItemModelTester tester(diff->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester deltaTester(diff->deltaModel(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);

    // The same numbers the core reports for the two versions read directly.
    const auto &versions = pane->historyView()->model()->versions();
    const std::string file =
        m_demoDir.filePath(QStringLiteral("demo/data/credit.csv")).toStdString();
    auto older = assay::version::readDataset({file, versions[1].commit});
    auto newer = assay::version::readDataset({file, versions[0].commit});
    QVERIFY(older.ok() && newer.ok());
    const auto key = defaultKeyColumn(older->table, newer->table);
    QCOMPARE(key, std::optional<std::string>("application_id"));
    auto expected =
        assay::version::diffTables(older->table, newer->table, {{*key}, DiffView::listLimit});
    QVERIFY(expected.ok());
    QCOMPARE(comparison->keyColumns, std::vector<std::string>{"application_id"});
    QCOMPARE(comparison->diff.added, expected->added);
    QCOMPARE(comparison->diff.removed, expected->removed);
    QCOMPARE(comparison->diff.modified, expected->modified);
    QCOMPARE(comparison->diff.unchanged, expected->unchanged);
    QVERIFY(diff->banner()->countsText().endsWith(diffCountsText(*comparison)));
    QCOMPARE(diff->model()->rowCount(), static_cast<int>(expected->changes.size()));
    QCOMPARE(diff->deltaModel()->rowCount(), static_cast<int>(expected->columns.size()));
    QCOMPARE(diff->keyPicker()->currentText(), QStringLiteral("application_id"));
    QCOMPARE(diff->commandLine(),
             QStringLiteral("assay diff data/credit.csv@%1 data/credit.csv@%2 --key application_id")
                 .arg(QString::fromStdString(versions[1].commit.substr(0, 7)),
                      QString::fromStdString(versions[0].commit.substr(0, 7))));
    diff->copyCommandLine();
    QCOMPARE(QApplication::clipboard()->text(), diff->commandLine());

    QTemporaryDir out;
    const QString path = out.filePath(QStringLiteral("diff.png"));
    QCOMPARE(renderScreenshot(window, QSize(1400, 900), path, jobTimeoutMs), QString());
    QCOMPARE(QImage(path).size(), QSize(1400, 900));
}

void TestHistoryView::compareButtonOpensTheDiff()
{
    MainWindow window(m_settings.get());
    DataArea *area = openDemo(window, QStringLiteral("data-history"));
    QVERIFY(area);
    HistoryView *history = area->pane()->historyView();
    history->selectRows({0, 2}); // the working copy and the first version
    QVERIFY(history->compareButton()->isEnabled());
    history->compareButton()->click();
    QCOMPARE(area->pane()->currentTab(), DatasetPane::Tab::Diff);
    QVERIFY(window.jobRunner()->waitUntilIdle(jobTimeoutMs));
    DiffView *diff = area->pane()->diffView();
    QVERIFY(diff->comparison());
    QCOMPARE(diff->pickerB()->currentName(), QStringLiteral("data/credit.csv"));
    QVERIFY(diff->pickerA()->currentName().startsWith(QStringLiteral("data/credit.csv@")));
}

void TestHistoryView::keyedDiffOfTwoFilesShowsModifiedCells()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("a.csv")), "id,name,income\n"
                                                     "1,ada,100.5\n"
                                                     "2,bob,200\n"
                                                     "3,cy,300\n"
                                                     "4,di,400\n");
    writeFile(dir.filePath(QStringLiteral("b.csv")), "id,name,income,segment\n"
                                                     "1,ada,100.5,x\n"
                                                     "2,bob,250,x\n"
                                                     "4,dee,400,y\n"
                                                     "5,eve,500,y\n");
    JobRunner jobs;
    DiffView view;
    view.setJobRunner(&jobs);
    view.setDataset(dir.path().toStdString(), QStringLiteral("a.csv"), {}, true);
    view.pickerB()->selectFile(dir.filePath(QStringLiteral("b.csv")));
    QVERIFY(jobs.waitUntilIdle(jobTimeoutMs));
    QVERIFY2(view.isShowingDiff(), qPrintable(view.message()->body()));
    const auto comparison = view.comparison();
    QCOMPARE(comparison->keyColumns, std::vector<std::string>{"id"});
    QCOMPARE(comparison->diff.added, 1u);
    QCOMPARE(comparison->diff.removed, 1u);
    QCOMPARE(comparison->diff.modified, 2u);
    QCOMPARE(comparison->diff.unchanged, 1u);
    QVERIFY(view.banner()->countsText().endsWith(
        QStringLiteral("+1 added · −1 removed · ~2 modified · 1 unchanged")));
    QVERIFY(view.banner()->schemaText().contains(QStringLiteral("segment")));

    DiffModel *model = view.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(model->index(0, DiffModel::KeyColumn).data().toString(), QStringLiteral("2"));
    // The key is not repeated; changed columns (name, income) come first.
    QCOMPARE(model->columnCount(), DiffModel::FirstValueColumn + 2);
    QCOMPARE(model->index(0, DiffModel::FirstValueColumn + 1).data().toString(),
             QStringLiteral("200 → 250"));
    QCOMPARE(model->index(1, DiffModel::FirstValueColumn).data().toString(),
             QStringLiteral("di → dee"));
    QCOMPARE(
        view.commandLine(),
        QStringLiteral("assay diff a.csv %1 --key id").arg(dir.filePath(QStringLiteral("b.csv"))));

    view.changedOnlyBox()->setChecked(false);
    QCOMPARE(model->rowCount(), 5); // B's four rows, then the removed one

    // Without a key a changed value is one row removed and one added.
    view.keyPicker()->setCurrentIndex(0);
    emit view.keyPicker()->activated(0);
    QVERIFY(jobs.waitUntilIdle(jobTimeoutMs));
    QVERIFY(view.comparison()->keyColumns.empty());
    QCOMPARE(view.comparison()->diff.added, 3u);
    QCOMPARE(view.comparison()->diff.removed, 3u);
    QCOMPARE(view.commandLine(),
             QStringLiteral("assay diff a.csv %1").arg(dir.filePath(QStringLiteral("b.csv"))));
    QVERIFY(!view.banner()->noteText().isEmpty());
}

void TestHistoryView::untrackedDatasetSaysHowToTrackIt()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("a.csv")), "id,x\n1,2\n");
    HistoryView history;
    history.showMessage(QStringLiteral("a.csv is not tracked"), QStringLiteral("`assay data add`"));
    QVERIFY(!history.isShowingVersions());
    history.setVersions({}, 10);
    QVERIFY(!history.isShowingVersions());
    QVERIFY(history.message()->title().contains(QStringLiteral("No committed versions")));
}

void TestHistoryView::statusAddAndCommitRecordANewVersion()
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("ws"));
    assay::demo::DemoOptions options;
    options.rows = 200;
    QVERIFY(assay::demo::createDemoWorkspace(root.toStdString(), options).ok());
    writeFile(root + QStringLiteral("/data/extra.csv"), "id,x\n1,2\n");

    MainWindow window(m_settings.get());
    QCOMPARE(window.openWorkspace(root), QString());
    QVERIFY(window.showView(QStringLiteral("data-status")));
    QVERIFY(window.jobRunner()->waitUntilIdle(jobTimeoutMs));
    auto *area = qobject_cast<DataArea *>(window.area(QStringLiteral("data")));
    DatasetPane *pane = area->pane();
    QCOMPARE(pane->currentTab(), DatasetPane::Tab::Status);
    StatusView *status = pane->statusView();
    QAbstractItemModelTester tester(status->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(status->isShowingStatus());
    using State = StatusModel::State;
    // The credit data, the demo's production logs and the monitor's reference are versioned.
    const int versioned = 1 + assay::demo::kDemoLogWeeks + 1;
    QCOMPARE(status->model()->count(State::Unchanged), versioned);
    QCOMPARE(status->model()->count(State::Untracked), 1);
    QVERIFY(!status->commitButton()->isEnabled());

    // Change the tracked file: F5 shows it modified; Add then Commit make a third version.
    QFile file(root + QStringLiteral("/data/credit.csv"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    file.close();
    QVERIFY(file.setPermissions(file.permissions() | QFileDevice::WriteOwner));
    const qsizetype lastLine = bytes.lastIndexOf('\n', bytes.size() - 2);
    writeFile(file.fileName(), bytes.left(lastLine + 1)); // drop the last row
    area->refresh();
    QVERIFY(window.jobRunner()->waitUntilIdle(jobTimeoutMs));
    QCOMPARE(status->model()->count(State::Modified), 1);
    // The master list says so too, not just "tracked".
    const DatasetListModel *list = area->listPanel()->model();
    const int row = list->rowOf(QStringLiteral("data/credit.csv"));
    QCOMPARE(list->index(row, DatasetListModel::StatusColumn).data().toString(),
             QStringLiteral("modified"));
    status->selectDataset(QStringLiteral("data/credit.csv"));
    QVERIFY(status->addButton()->isEnabled());
    status->addButton()->click();
    QVERIFY(window.jobRunner()->waitUntilIdle(jobTimeoutMs));
    QCOMPARE(status->model()->count(State::Unchanged), versioned);
    QCOMPARE(list->index(row, DatasetListModel::StatusColumn).data().toString(),
             QStringLiteral("tracked"));
    QVERIFY2(status->commitButton()->isEnabled(), qPrintable(status->summaryText()));
    emit status->commitRequested(QStringLiteral("Drop the last application"));
    QVERIFY(window.jobRunner()->waitUntilIdle(jobTimeoutMs));
    QVERIFY(!status->commitButton()->isEnabled());
    QCOMPARE(pane->historyView()->model()->versions().size(), std::size_t(3));
    QCOMPARE(pane->historyView()->model()->versions()[0].message,
             std::string("Drop the last application"));
}

QTEST_MAIN(TestHistoryView)
#include "test_history_view.moc"
