#pragma once

#include "common/csv_export.h"

#include <QSet>
#include <QStringList>
#include <QTreeView>

namespace assay::ui {

class RunsTableModel;
class RunMarksDelegate;

// The tree view of the runs table. Sorting goes to the model (header clicks); a model
// reset (other columns) keeps the selection, current run, expansion and scroll position
// by run id. Ctrl+C copies the selected rows' shown cells as TSV.
class RunsTableView : public QTreeView {
    Q_OBJECT
public:
    explicit RunsTableView(RunsTableModel *model, QWidget *parent = nullptr);

    RunsTableModel *runsModel() const { return m_model; }
    RunMarksDelegate *marksDelegate() const { return m_marks; }

    // Selected runs in table order; hidden runs left out unless `includeHidden`.
    QStringList selectedRunIds(bool includeHidden = false) const;
    QString currentRunId() const;
    // Selects these runs (those shown), the first one current; true when any was found.
    bool selectRuns(const QStringList &runIds);
    // The selected rows, shown columns in visual order, as TSV with a header line.
    QString selectionAsTsv() const;
    // Every shown row (expanded or not) with the shown columns, for Export CSV.
    CsvTable exportTable() const;
    // Column widths that fit the kinds of column; called after each reset.
    void applyDefaultColumnWidths();
    // Metric columns wide enough for group aggregates while grouped, narrow otherwise.
    void fitMetricColumnsToGrouping();

signals:
    void selectedRunsChanged(const QStringList &runIds);
    void currentRunChanged(const QString &runId);

private:
    struct KeptState {
        QStringList selected;
        QString current;
        QSet<QString> expanded; // run ids and group keys
        int scroll = 0;
    };
    KeptState captureState() const;
    void restoreState(const KeptState &state);
    QList<int> shownColumns() const;
    void copySelection() const;

    RunsTableModel *m_model;
    RunMarksDelegate *m_marks;
    KeptState m_kept;
};

} // namespace assay::ui
