#pragma once

#include "common/csv_export.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class QAction;
class QMenu;
class QSettings;
class QTableView;
class QWidget;

namespace assay::ui {

class JobRunner;

// The habits every table shares (UI.md): a header menu of checkable columns, and a context
// menu with Copy and Export CSV… (Ctrl+E while the table has focus). Hidden columns are
// remembered by header name, so they stay hidden when the model is reset with new data.
// Owned by the view; install once per view.
class TableActions : public QObject {
    Q_OBJECT
public:
    // `settingsKey` names the table in QSettings (saveAll/restoreAll); `role` is what Copy
    // and Export read from the model.
    static TableActions *install(QTableView *view, const QString &settingsKey, int role);
    // The actions of `view`, or nullptr when none were installed.
    static TableActions *of(const QTableView *view);

    // For big tables: a source whose cells may be read on a worker (visible columns in
    // visual order in, the table to write out) and the runner that writes it with progress.
    // Without them, Export copies the shown cells on the GUI thread and writes at once.
    using CsvSource = std::function<CsvTable(const QList<int> &columns)>;
    void setBackgroundExport(CsvSource source, JobRunner *jobs);

    const QString &settingsKey() const { return m_settingsKey; }
    QStringList hiddenColumns() const { return m_hidden; }
    void setHiddenColumns(const QStringList &names);
    void setColumnHidden(int column, bool hidden);
    // The checkable column list the header's context menu shows; caller owns it.
    QMenu *createColumnMenu(QWidget *parent);

    QAction *exportAction() const { return m_export; }
    // Asks for a file name, then writes what the table shows.
    void exportCsv();
    // Writes what the table shows to `path`; with a background source, the result arrives
    // in exportFinished() instead and this returns success at once.
    Status exportTo(const QString &path);

    // Hidden columns of every table under `root`, under "<group>/<settingsKey>".
    static void saveAll(QSettings &settings, const QWidget *root);
    static void restoreAll(QSettings &settings, QWidget *root);

signals:
    void exportFinished(const QString &path, bool ok, const QString &message);

private:
    TableActions(QTableView *view, QString settingsKey, int role);
    QString columnName(int column) const;
    void applyHiddenColumns();
    void copySelection() const;
    void reportExport(const QString &path, const Status &written);

    QTableView *m_view;
    QString m_settingsKey;
    int m_role;
    QStringList m_hidden;
    QAction *m_export;
    CsvSource m_source;
    QPointer<JobRunner> m_jobs;
};

} // namespace assay::ui
