#include "common/empty_state.h"
#include "data/data_area.h"
#include "data/data_table_view.h"
#include "data/dataset_list_model.h"
#include "data/dataset_list_panel.h"
#include "data/dataset_pane.h"
#include "data/table_model.h"
#include "shell/area_registry.h"
#include "shell/job_runner.h"
#include "shell/main_window.h"
#include "shell/mode_rail.h"
#include "shell/screenshot.h"
#include "shell/start_page.h"
#include "shell/workspace_session.h"
#include "workspace/workspace.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace assay::ui;

namespace {

constexpr int jobTimeoutMs = 60'000;

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(bytes);
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void startPageWithoutWorkspace();
    void railShowsOnlyWorkingAreas();
    void listsAndLoadsDatasets();
    void filterBoxFilters();
    void shortcutsReachTheArea();
    void copiesCellsAsTsv();
    void showsReadErrorsInThePane();
    void emptyWorkspaceSaysWhatToDo();
    void remembersSelectionAcrossRestarts();
    void rendersScreenshot();
    void refusesABadWorkspace();
    void opensTheDemoWorkspace();

private:
    DataArea *dataArea(MainWindow &window) const;
    void openAndWait(MainWindow &window, const QString &path);

    QTemporaryDir m_workspaceDir;
    QTemporaryDir m_emptyDir;
    QTemporaryDir m_settingsDir;
    std::unique_ptr<QSettings> m_settings;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_workspaceDir.isValid());
    const QString root = m_workspaceDir.path();
    auto created = assay::workspace::Workspace::init(root.toStdString());
    QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
    writeFile(root + QStringLiteral("/data/customers.csv"), "id,income,city,member\n"
                                                            "1,52341.7,Zürich,true\n"
                                                            "2,0.123456,Basel,false\n"
                                                            "3,,Basel,true\n"
                                                            "4,-3.5,Bern,false\n"
                                                            "5,1200,Genève,true\n");
    writeFile(root + QStringLiteral("/notes/scores.tsv"), "name\tscore\nada\t9.5\nbob\t7\n");

    auto empty = assay::workspace::Workspace::init(m_emptyDir.path().toStdString());
    QVERIFY(empty.ok());
}

void TestMainWindow::init()
{
    // Fresh settings per test, except where a test restarts the window itself.
    m_settings = std::make_unique<QSettings>(
        m_settingsDir.filePath(QString::fromLatin1(QTest::currentTestFunction()) +
                               QStringLiteral(".ini")),
        QSettings::IniFormat);
}

DataArea *TestMainWindow::dataArea(MainWindow &window) const
{
    return qobject_cast<DataArea *>(window.area(QStringLiteral("data")));
}

void TestMainWindow::openAndWait(MainWindow &window, const QString &path)
{
    QCOMPARE(window.openWorkspace(path), QString());
    QVERIFY(window.jobRunner()->waitUntilIdle(jobTimeoutMs));
}

void TestMainWindow::startPageWithoutWorkspace()
{
    MainWindow window(m_settings.get());
    QVERIFY(window.startPage()->isVisibleTo(&window) || !window.isVisible());
    QVERIFY(!window.session());
    QCOMPARE(window.startPage()->recentList()->count(), 0);
    openAndWait(window, m_workspaceDir.path());
    QCOMPARE(window.startPage()->recentList()->count(), 1);
    window.closeWorkspace();
    QVERIFY(!window.session());
}

void TestMainWindow::railShowsOnlyWorkingAreas()
{
    MainWindow window(m_settings.get());
    QCOMPARE(window.modeRail()->areas(), AreaRegistry::builtin().ids());
    QCOMPARE(window.modeRail()->areas(), (QStringList{QStringLiteral("data"), QStringLiteral("runs"),
                                                QStringLiteral("models"), QStringLiteral("explain"),
                                                QStringLiteral("monitor"), QStringLiteral("govern")}));
    QVERIFY(window.showArea(QStringLiteral("data")));
    QVERIFY(!window.showArea(QStringLiteral("nonsense")));
    QCOMPARE(window.currentAreaId(), QStringLiteral("data"));
}

void TestMainWindow::listsAndLoadsDatasets()
{
    MainWindow window(m_settings.get());
    openAndWait(window, m_workspaceDir.path());
    DataArea *area = dataArea(window);
    QVERIFY(area);
    const DatasetListModel *list = area->listPanel()->model();
    QAbstractItemModelTester listTester(const_cast<DatasetListModel *>(list),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(area->listPanel()->proxy(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(list->rowCount(), 2);
    QCOMPARE(list->index(0, DatasetListModel::PathColumn).data().toString(),
             QStringLiteral("data/customers.csv"));
    QCOMPARE(list->index(0, DatasetListModel::StatusColumn).data().toString(),
             QStringLiteral("untracked"));

    // The first dataset is selected and loaded without any click.
    QCOMPARE(area->listPanel()->currentDataset(), QStringLiteral("data/customers.csv"));
    DatasetPane *pane = area->pane();
    QVERIFY(pane->isShowingTable());
    QCOMPARE(pane->tableModel()->rowCount(), 5);
    QCOMPARE(pane->tableModel()->columnCount(), 4);
    QVERIFY2(pane->summaryText().startsWith(QStringLiteral("5 rows × 4 columns · ")),
             qPrintable(pane->summaryText()));
    QVERIFY(pane->summaryText().endsWith(QStringLiteral("untracked")));
    QCOMPARE(pane->tableModel()->headerData(1, Qt::Horizontal).toString(),
             QStringLiteral("income\nfloat"));
    QCOMPARE(pane->tableModel()->index(2, 1).data().toString(), QStringLiteral("—"));

    QVERIFY(area->listPanel()->selectDataset(QStringLiteral("notes/scores.tsv")));
    QVERIFY(!pane->isShowingTable()); // loading in the background
    QVERIFY(window.jobRunner()->waitUntilIdle(jobTimeoutMs));
    QVERIFY(pane->isShowingTable());
    QCOMPARE(pane->tableModel()->rowCount(), 2);
    QCOMPARE(pane->tableModel()->columnCount(), 2);
}

void TestMainWindow::filterBoxFilters()
{
    MainWindow window(m_settings.get());
    openAndWait(window, m_workspaceDir.path());
    DatasetListPanel *panel = dataArea(window)->listPanel();
    QCOMPARE(panel->proxy()->rowCount(), 2);
    panel->filterBox()->setText(QStringLiteral("SCORES"));
    QCOMPARE(panel->proxy()->rowCount(), 1);
    QCOMPARE(panel->proxy()->index(0, 0).data().toString(), QStringLiteral("notes/scores.tsv"));
    // Filtering the list keeps the open dataset open.
    QCOMPARE(panel->currentDataset(), QStringLiteral("data/customers.csv"));
    panel->filterBox()->setText(QStringLiteral("nothing matches"));
    QCOMPARE(panel->proxy()->rowCount(), 0);
    panel->filterBox()->clear();
    QCOMPARE(panel->proxy()->rowCount(), 2);
}

void TestMainWindow::shortcutsReachTheArea()
{
    MainWindow window(m_settings.get());
    openAndWait(window, m_workspaceDir.path());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    DatasetListPanel *panel = dataArea(window)->listPanel();
    panel->view()->setFocus();
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(panel->filterBox()->hasFocus());
}

void TestMainWindow::copiesCellsAsTsv()
{
    MainWindow window(m_settings.get());
    openAndWait(window, m_workspaceDir.path());
    DataTableView *view = dataArea(window)->pane()->tableView();
    const QAbstractItemModel *model = view->model();
    view->selectionModel()->select(QItemSelection(model->index(0, 0), model->index(1, 1)),
                                   QItemSelectionModel::Select);
    QApplication::clipboard()->clear();
    view->copySelection();
    // Full precision, not the 4 digits on screen.
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("1\t52341.7\n2\t0.123456\n"));

    view->setFocus();
    QApplication::clipboard()->clear();
    view->selectionModel()->select(model->index(2, 1), QItemSelectionModel::ClearAndSelect);
    QTest::keySequence(view, QKeySequence::Copy);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("\n"));
}

void TestMainWindow::showsReadErrorsInThePane()
{
    QTemporaryDir dir;
    QVERIFY(assay::workspace::Workspace::init(dir.path().toStdString()).ok());
    writeFile(dir.filePath(QStringLiteral("broken.csv")), "a,b\n1,2\n3,\"unterminated\n");
    MainWindow window(m_settings.get());
    openAndWait(window, dir.path());
    DatasetPane *pane = dataArea(window)->pane();
    QVERIFY(!pane->isShowingTable());
    QVERIFY2(pane->message()->title().startsWith(QStringLiteral("Could not read broken.csv")),
             qPrintable(pane->message()->title()));
    QVERIFY2(pane->message()->body().contains(QStringLiteral("broken.csv:")),
             qPrintable(pane->message()->body()));
}

void TestMainWindow::emptyWorkspaceSaysWhatToDo()
{
    MainWindow window(m_settings.get());
    openAndWait(window, m_emptyDir.path());
    DataArea *area = dataArea(window);
    QVERIFY(area->isShowingEmptyState());
}

void TestMainWindow::remembersSelectionAcrossRestarts()
{
    {
        MainWindow window(m_settings.get());
        openAndWait(window, m_workspaceDir.path());
        QVERIFY(dataArea(window)->listPanel()->selectDataset(QStringLiteral("notes/scores.tsv")));
        QVERIFY(window.jobRunner()->waitUntilIdle(jobTimeoutMs));
        window.saveSettings();
    }
    MainWindow window(m_settings.get());
    openAndWait(window, m_workspaceDir.path());
    QCOMPARE(dataArea(window)->listPanel()->currentDataset(), QStringLiteral("notes/scores.tsv"));
    QCOMPARE(dataArea(window)->pane()->tableModel()->rowCount(), 2);
}

void TestMainWindow::rendersScreenshot()
{
    MainWindow window(m_settings.get());
    QCOMPARE(window.openWorkspace(m_workspaceDir.path()), QString());
    QVERIFY(window.showArea(QStringLiteral("data")));
    QTemporaryDir out;
    const QString path = out.filePath(QStringLiteral("shots/data.png"));
    QCOMPARE(renderScreenshot(window, QSize(1000, 640), path, jobTimeoutMs), QString());
    QVERIFY(QFileInfo(path).size() > 5000);
    const QImage image(path);
    QCOMPARE(image.size(), QSize(1000, 640));
    QVERIFY(dataArea(window)->pane()->isShowingTable());
}

void TestMainWindow::refusesABadWorkspace()
{
    QTemporaryDir plain;
    MainWindow window(m_settings.get());
    QVERIFY(!window.openWorkspace(plain.path()).isEmpty());
    QVERIFY(!window.session());
}

void TestMainWindow::opensTheDemoWorkspace()
{
    const QString demo =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo");
    QDir(demo).removeRecursively();
    MainWindow window(m_settings.get());
    emit window.startPage()->demoRequested();
    QVERIFY(!window.jobRunner()->isIdle()); // created in the background
    QVERIFY(window.jobRunner()->waitUntilIdle(jobTimeoutMs));
    QVERIFY(window.session());
    QCOMPARE(window.session()->rootPath(), QDir::cleanPath(demo));
    QVERIFY(dataArea(window)->pane()->isShowingTable());
    QVERIFY(dataArea(window)->pane()->summaryText().contains(QStringLiteral("tracked (md5 ")));
    window.closeWorkspace();
    QDir(demo).removeRecursively();
}

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
