#pragma once

#include <QIcon>
#include <QObject>
#include <QString>

#include <memory>

class QSettings;
class QWidget;

namespace assay::ui {

class JobRunner;
class WorkspaceSession;

// What an area gets from the window: the shared job runner (status bar progress) and the
// settings it may keep its state in (its own group is already selected when it is called).
struct AreaContext {
    JobRunner *jobs = nullptr;
};

// One mode of the workbench (Data, Runs, Models, …): a widget with its own toolbar,
// master list and details. The window owns areas through the AreaRegistry; adding an area
// means writing one subclass and registering it there.
class Area : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // Stable name used by --view, QSettings and the registry: "data", "runs", …
    virtual QString id() const = 0;
    // Label under the rail icon.
    virtual QString title() const = 0;
    virtual QIcon icon() const = 0;
    // The area's root widget; created once, owned by the area until the window adopts it.
    virtual QWidget *widget() = 0;

    // A workspace was opened (or closed: nullptr). Long work starts through the job runner.
    virtual void setWorkspace(std::shared_ptr<WorkspaceSession> session) = 0;

    // Shows one of the views the area registered (see AreaRegistry::add), e.g. "data-diff";
    // the area's own id shows it as it is. Called before or after setWorkspace().
    virtual bool showView(const QString &view) { return view == id(); }

    // Selects what `item` names in this area (a run id for "runs" and "models"), once the area
    // has read it; false when the area knows it does not have it.
    virtual bool openItem(const QString &item)
    {
        Q_UNUSED(item)
        return false;
    }

    virtual void focusFilter() {}
    // F5: reread what the area shows from disk.
    virtual void refresh() {}
    virtual void saveState(QSettings &settings) const { Q_UNUSED(settings) }
    virtual void restoreState(QSettings &settings) { Q_UNUSED(settings) }

signals:
    // Asks the window to switch to the area `areaId` and open `item` there ("Open in Models").
    void openRequested(const QString &areaId, const QString &item);
};

} // namespace assay::ui
