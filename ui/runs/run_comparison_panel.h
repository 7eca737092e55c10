#pragma once

#include "runs/runs_snapshot.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <filesystem>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace assay::ui {

class EmptyState;
class Job;
class JobRunner;
class ParallelCoordinatesView;
class RunComparisonModel;
class RunScatterView;

// The Compare tab of the Runs area: the chosen runs side by side in a table (one column
// per run; params, metrics, tags, datasets, git commits), with "differences only", a
// baseline for metric deltas and the best value per metric marked; below it a
// parallel-coordinates chart and a scatter of any field against any other. Datasets and
// artifacts are read per run on a worker (the snapshot holds neither).
class RunComparisonPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunComparisonPanel(QWidget *parent = nullptr);
    ~RunComparisonPanel() override;

    void setSource(JobRunner *jobs, std::filesystem::path workspaceRoot);
    // The runs chosen in the runs table, in table order (two or more to compare).
    void setRuns(std::shared_ptr<const RunsSnapshot> snapshot, QStringList runIds);

    bool isComparing() const;
    bool isLoadingDetails() const { return !m_detailsJob.isNull(); }
    RunComparisonModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QComboBox *baselinePicker() const { return m_baseline; }
    QCheckBox *differencesOnly() const { return m_differencesOnly; }
    QLabel *differenceCount() const { return m_count; }
    QTabWidget *chartTabs() const { return m_charts; }
    ParallelCoordinatesView *parallelCoordinates() const { return m_parallel; }
    RunScatterView *scatter() const { return m_scatter; }
    EmptyState *emptyState() const { return m_empty; }

private:
    void loadDetails();
    void showComparison();
    void updateCount();
    void fitColumns();
    void fitRows();

    JobRunner *m_jobs = nullptr;
    std::filesystem::path m_root;
    std::shared_ptr<const RunsSnapshot> m_snapshot;
    QStringList m_runIds;
    QPointer<Job> m_detailsJob;
    quint64 m_generation = 0;

    QStackedWidget *m_stack;
    EmptyState *m_empty;
    QWidget *m_content;
    QComboBox *m_baseline;
    QCheckBox *m_differencesOnly;
    QLabel *m_count;
    QSplitter *m_splitter;
    QTableView *m_table;
    RunComparisonModel *m_model;
    QTabWidget *m_charts;
    ParallelCoordinatesView *m_parallel;
    RunScatterView *m_scatter;
};

} // namespace assay::ui
