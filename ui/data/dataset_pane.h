#pragma once

#include "table/table.h"
#include "workspace/dataset_catalog.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QLabel;
class QStackedWidget;
class QTabWidget;

namespace assay::ui {

class DataTableView;
class DiffView;
class EmptyState;
class HistoryView;
class ProfileView;
class SchemaView;
class DriftView;
class StatusView;
class Job;
class JobRunner;
class TableModel;

// The right side of the Data area: the selected dataset's one-line summary over tabs:
// its table (or a message saying what the pane waits for, what went wrong, or what to do
// next), its profile, its schema and anomalies, its drift between versions, its version history, the diff between two versions, and the status of the
// workspace's tracked data with Add and Commit.
class DatasetPane : public QWidget {
    Q_OBJECT
public:
    enum class Tab { Table, Profile, Schema, Drift, History, Diff, Status }; // in the tabs' order

    explicit DatasetPane(QWidget *parent = nullptr);

    // Sorting the table and exporting it run here, with progress in the status bar.
    void setJobRunner(JobRunner *jobs);

    void showTab(Tab tab);
    Tab currentTab() const;

    void showMessage(const QString &title, const QString &body);
    // Follows `job`'s progress until showTable() or showError() replaces it.
    void showLoading(const QString &relativePath, Job *job);
    void showError(const QString &relativePath, const QString &message);
    void showTable(const workspace::DatasetEntry &entry, std::shared_ptr<const table::Table> table);

    bool isShowingTable() const;
    QString summaryText() const;
    EmptyState *message() const { return m_message; }
    DataTableView *tableView() const { return m_view; }
    TableModel *tableModel() const { return m_model; }
    ProfileView *profileView() const { return m_profile; }
    SchemaView *schemaView() const { return m_schema; }
    DriftView *driftView() const { return m_drift; }
    HistoryView *historyView() const { return m_history; }
    DiffView *diffView() const { return m_diff; }
    StatusView *statusView() const { return m_status; }
    QTabWidget *tabs() const { return m_tabs; }

private:
    void setHeading(const QString &path, const QString &summary);

    QLabel *m_path;
    QLabel *m_summary;
    QTabWidget *m_tabs;
    QStackedWidget *m_stack;
    EmptyState *m_message;
    DataTableView *m_view;
    TableModel *m_model;
    ProfileView *m_profile;
    SchemaView *m_schema;
    DriftView *m_drift;
    HistoryView *m_history;
    DiffView *m_diff;
    StatusView *m_status;
    QPointer<Job> m_job;
};

} // namespace assay::ui
