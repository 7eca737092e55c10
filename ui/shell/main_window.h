#pragma once

#include <QMainWindow>

#include <memory>
#include <vector>

class QSettings;
class QStackedWidget;

namespace assay::ui {

class Area;
class JobRunner;
class ModeRail;
class StartPage;
class StatusBar;
class WorkspaceSession;

// The frame: start page or mode rail + areas, menus and the status bar. Everything inside
// an area belongs to that area's controller; this class only opens workspaces and routes
// shortcuts (Ctrl+F, F5) to the current area. `settings` must outlive the window.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens the workspace at `path`; returns an empty string or the reason it failed.
    QString openWorkspace(const QString &path);
    void closeWorkspace();
    // Shows the area registered as `id`; false for an unknown name.
    bool showArea(const QString &id);
    // Shows a --view name: an area, or one of the views an area registered ("data-diff").
    bool showView(const QString &view);

    QString currentAreaId() const;
    Area *area(const QString &id) const;
    const std::shared_ptr<WorkspaceSession> &session() const { return m_session; }
    JobRunner *jobRunner() const { return m_jobs; }
    ModeRail *modeRail() const { return m_rail; }
    StartPage *startPage() const { return m_startPage; }

    void saveSettings() const;
    void restoreGeometryFromSettings();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createAreas();
    void createMenus();
    void chooseWorkspaceToOpen();
    void chooseFolderToInit();
    void openDemoWorkspace();
    void openOrReport(const QString &path);
    void updateTitle();

    QSettings *m_settings;
    JobRunner *m_jobs;
    StatusBar *m_statusBar;
    QStackedWidget *m_pages;
    StartPage *m_startPage;
    QWidget *m_workbench;
    ModeRail *m_rail;
    QStackedWidget *m_areaStack;
    std::vector<std::unique_ptr<Area>> m_areas;
    std::shared_ptr<WorkspaceSession> m_session;
};

} // namespace assay::ui
