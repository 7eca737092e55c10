#include "shell/main_window.h"

#include "common/icons.h"
#include "demo/demo_workspace.h"
#include "shell/area_registry.h"
#include "shell/job_runner.h"
#include "shell/mode_rail.h"
#include "shell/recent_workspaces.h"
#include "shell/start_page.h"
#include "shell/status_bar.h"
#include "shell/workspace_session.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>

namespace assay::ui {

namespace {
const auto geometryKey = QStringLiteral("window/geometry");
const auto areaKey = QStringLiteral("window/area");
const auto areasGroup = QStringLiteral("areas/");
} // namespace

MainWindow::MainWindow(QSettings *settings, QWidget *parent)
    : QMainWindow(parent), m_settings(settings), m_jobs(new JobRunner(this)),
      m_statusBar(new StatusBar(m_jobs, this)), m_pages(new QStackedWidget(this)),
      m_startPage(new StartPage(m_pages)), m_workbench(new QWidget(m_pages)),
      m_rail(new ModeRail(m_workbench)), m_areaStack(new QStackedWidget(m_workbench))
{
    setWindowIcon(workbenchIcon(QStringLiteral("assay")));
    setStatusBar(m_statusBar);
    setCentralWidget(m_pages);

    auto *layout = new QHBoxLayout(m_workbench);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_rail);
    layout->addWidget(m_areaStack, 1);
    m_pages->addWidget(m_startPage);
    m_pages->addWidget(m_workbench);

    createAreas();
    createMenus();

    connect(m_rail, &ModeRail::areaSelected, this, [this](const QString &id) { showArea(id); });
    connect(m_startPage, &StartPage::openRequested, this, &MainWindow::chooseWorkspaceToOpen);
    connect(m_startPage, &StartPage::createRequested, this, &MainWindow::chooseFolderToInit);
    connect(m_startPage, &StartPage::demoRequested, this, &MainWindow::openDemoWorkspace);
    connect(m_startPage, &StartPage::recentRequested, this, &MainWindow::openOrReport);
    m_startPage->setRecentWorkspaces(RecentWorkspaces(m_settings).paths());

    showArea(m_settings->value(areaKey).toString());
    updateTitle();
}

// Areas first: their jobs must not deliver results into destroyed widgets. The runner
// (a child of the window) then waits for whatever still runs.
MainWindow::~MainWindow()
{
    m_jobs->cancelAll();
    m_areas.clear();
}

void MainWindow::createAreas()
{
    const AreaContext context{m_jobs};
    for (const AreaRegistry::Entry &entry : AreaRegistry::builtin().entries()) {
        std::unique_ptr<Area> area = entry.create(context, m_areaStack);
        m_areaStack->addWidget(area->widget());
        m_rail->addArea(area->id(), area->title(), area->icon());
        m_settings->beginGroup(areasGroup + area->id());
        area->restoreState(*m_settings);
        m_settings->endGroup();
        connect(area.get(), &Area::openRequested, this,
                [this](const QString &areaId, const QString &item) {
                    if (showArea(areaId))
                        this->area(areaId)->openItem(item);
                });
        m_areas.push_back(std::move(area));
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open =
        file->addAction(tr("&Open Workspace…"), this, &MainWindow::chooseWorkspaceToOpen);
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("&Create Workspace…"), this, &MainWindow::chooseFolderToInit);
    file->addAction(tr("Open the &Demo Workspace"), this, &MainWindow::openDemoWorkspace);
    file->addSeparator();
    file->addAction(tr("C&lose Workspace"), this, &MainWindow::closeWorkspace);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (std::size_t i = 0; i < m_areas.size(); ++i) {
        const QString id = m_areas[i]->id();
        QAction *action = view->addAction(m_areas[i]->icon(), m_areas[i]->title(), this,
                                          [this, id] { showArea(id); });
        action->setShortcut(QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1)));
    }
    view->addSeparator();
    QAction *filter = view->addAction(tr("&Filter"), this, [this] {
        if (Area *current = area(currentAreaId()); current && m_session)
            current->focusFilter();
    });
    filter->setShortcut(QKeySequence::Find);
    QAction *refresh = view->addAction(tr("&Refresh"), this, [this] {
        if (!m_session)
            return;
        m_statusBar->refreshGit();
        if (Area *current = area(currentAreaId()))
            current->refresh();
    });
    refresh->setShortcut(QKeySequence::Refresh);
}

QString MainWindow::openWorkspace(const QString &path)
{
    const QString absolute = QDir(path).absolutePath();
    auto opened = workspace::Workspace::open(absolute.toStdString());
    if (!opened.ok())
        return QString::fromStdString(opened.error().message);

    m_session = std::make_shared<WorkspaceSession>(std::move(opened.value()));
    RecentWorkspaces recent(m_settings);
    recent.add(m_session->rootPath());
    m_startPage->setRecentWorkspaces(recent.paths());
    m_statusBar->setWorkspace(m_session->rootPath());
    for (const auto &area : m_areas)
        area->setWorkspace(m_session);
    m_pages->setCurrentWidget(m_workbench);
    updateTitle();
    return {};
}

void MainWindow::closeWorkspace()
{
    for (const auto &area : m_areas)
        area->setWorkspace(nullptr);
    m_session.reset();
    m_statusBar->setWorkspace({});
    m_pages->setCurrentWidget(m_startPage);
    updateTitle();
}

bool MainWindow::showArea(const QString &id)
{
    Area *target = area(id);
    if (!target) {
        if (!id.isEmpty() || m_areas.empty())
            return false;
        target = m_areas.front().get();
    }
    m_areaStack->setCurrentWidget(target->widget());
    m_rail->setCurrentArea(target->id());
    return true;
}

bool MainWindow::showView(const QString &view)
{
    const QString id = AreaRegistry::builtin().areaOfView(view);
    if (id.isEmpty() || !showArea(id))
        return false;
    return area(id)->showView(view);
}

QString MainWindow::currentAreaId() const
{
    for (const auto &candidate : m_areas) {
        if (candidate->widget() == m_areaStack->currentWidget())
            return candidate->id();
    }
    return {};
}

Area *MainWindow::area(const QString &id) const
{
    for (const auto &candidate : m_areas) {
        if (candidate->id() == id)
            return candidate.get();
    }
    return nullptr;
}

void MainWindow::saveSettings() const
{
    m_settings->setValue(geometryKey, saveGeometry());
    m_settings->setValue(areaKey, currentAreaId());
    for (const auto &area : m_areas) {
        m_settings->beginGroup(areasGroup + area->id());
        area->saveState(*m_settings);
        m_settings->endGroup();
    }
    m_settings->sync();
}

void MainWindow::restoreGeometryFromSettings()
{
    if (!restoreGeometry(m_settings->value(geometryKey).toByteArray()))
        resize(1400, 900);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::chooseWorkspaceToOpen()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Workspace"));
    if (!dir.isEmpty())
        openOrReport(dir);
}

void MainWindow::chooseFolderToInit()
{
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Create Workspace: choose or make an empty folder, or a project to adopt"));
    if (dir.isEmpty())
        return;
    auto created = workspace::Workspace::init(dir.toStdString());
    if (!created.ok()) {
        QMessageBox::warning(this, tr("Create Workspace"),
                             QString::fromStdString(created.error().message));
        return;
    }
    openOrReport(dir);
}

void MainWindow::openDemoWorkspace()
{
    const QString dir =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo");
    if (QDir(dir).exists(QStringLiteral(".assay"))) {
        openOrReport(dir);
        return;
    }
    QDir().mkpath(QFileInfo(dir).absolutePath());
    m_startPage->setDemoBusy(true);
    m_jobs->run(
        tr("Creating the demo workspace"), this,
        [path = dir.toStdString()](const Progress &progress) {
            return demo::createDemoWorkspace(path, {}, progress);
        },
        [this, dir](Status status) {
            m_startPage->setDemoBusy(false);
            if (status.ok())
                openOrReport(dir);
            else if (status.error().kind != ErrorKind::Cancelled)
                QMessageBox::warning(this, tr("Demo Workspace"),
                                     QString::fromStdString(status.error().message));
        });
}

void MainWindow::openOrReport(const QString &path)
{
    const QString error = openWorkspace(path);
    if (error.isEmpty())
        return;
    RecentWorkspaces recent(m_settings);
    if (recent.paths().contains(QDir::cleanPath(path))) {
        recent.remove(path);
        m_startPage->setRecentWorkspaces(recent.paths());
    }
    QMessageBox::warning(this, tr("Open Workspace"),
                         tr("Could not open %1:\n%2").arg(QDir::toNativeSeparators(path), error));
}

void MainWindow::updateTitle()
{
    if (!m_session) {
        setWindowTitle(tr("Assay Workbench"));
        return;
    }
    setWindowTitle(tr("%1 — Assay Workbench").arg(QDir(m_session->rootPath()).dirName()));
}

} // namespace assay::ui
