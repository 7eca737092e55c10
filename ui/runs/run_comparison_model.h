#pragma once

#include "runs/run_comparison_metrics.h"
#include "runs/run_comparison_rows.h"

#include <QAbstractTableModel>

#include <map>
#include <string>
#include <vector>

namespace assay::ui {

// Runs side by side: one column per run, one row per field, grouped under section rows
// (Run, Params, Metrics, Tags, Datasets, Artifacts). Metric cells of runs other than the
// baseline carry their delta against it; the best value of each metric is marked. With
// "differences only", rows whose values agree across every run are left out (a field that
// one run lacks counts as a difference), and so are sections left empty.
class RunComparisonModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        ValueRole = Qt::UserRole + 1, // double: the metric or numeric value; invalid otherwise
        DeltaRole,        // double: value − baseline, metric cells of non-baseline runs
        DeltaPercentRole, // double: the delta in % of |baseline|; NaN when the baseline is 0
        DeltaTextRole,    // QString: "+0.0123 (+1.5 %) ▲", what the delegate colours
        VerdictRole,      // int (MetricVerdict) against the baseline
        BestRole,         // bool: the best value of this metric across the runs
        IsSectionRole,    // bool: a section header row
        DiffersRole,      // bool: the row's values differ across the runs
        ExactRole,        // QString: the full value, for copying
        TwoLineRole,      // bool: a metric cell, drawn as the value over its delta
    };

    explicit RunComparisonModel(QObject *parent = nullptr);

    // `runNames` names parent runs by id; `detailsPending` shows the Datasets section as
    // loading until setRunDetails().
    void setRuns(std::vector<track::RunRecord> runs, std::map<std::string, QString> runNames = {},
                 bool detailsPending = false);
    // Fills in datasets and artifacts from full records (loadRun), matched by run id.
    void setRunDetails(const std::vector<track::RunRecord> &records);
    const std::vector<track::RunRecord> &runs() const { return m_runs; }

    void setBaseline(int runColumn);
    int baseline() const { return m_baseline; }
    void setDifferencesOnly(bool only);
    bool differencesOnly() const { return m_differencesOnly; }

    // Field rows (section rows not counted) in total, and how many of them differ.
    int fieldRowCount() const { return int(m_rows.size()); }
    int differingRowCount() const;
    // The shown row of a field, or -1 when it is absent or hidden.
    int rowOf(ComparisonSection section, const QString &key) const;
    // The field of a shown row; nullptr for a section row.
    const ComparisonRow *fieldAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    // A shown row: a section title, or the field m_rows[field].
    struct ShownRow {
        ComparisonSection section;
        int field = -1; // -1: the section's title row
    };
    // Per metric row: how each run compares with the baseline and which runs are best.
    struct MetricMarks {
        track::MetricGoal goal = track::MetricGoal::Maximize;
        std::vector<MetricDelta> deltas;
        std::vector<QString> deltaTexts;
        std::vector<bool> best;
    };

    void rebuildRows();
    void layOutRows();
    void markMetrics();
    QVariant fieldData(const ComparisonRow &row, int field, int column, int role) const;
    QVariant sectionData(int role) const;
    QString sectionHeader(ComparisonSection section) const;
    QString cellToolTip(const ComparisonRow &row, int field, int column) const;
    QVariant runHeader(int column, int role) const;
    QVariant rowHeader(const ShownRow &shown, int role) const;

    std::vector<track::RunRecord> m_runs;
    std::map<std::string, QString> m_runNames;
    std::vector<ComparisonRow> m_rows;
    std::vector<MetricMarks> m_marks; // parallel to m_rows; empty for non-metric rows
    std::vector<ShownRow> m_shown;
    int m_baseline = 0;
    bool m_differencesOnly = false;
    bool m_detailsPending = false;
};

} // namespace assay::ui
