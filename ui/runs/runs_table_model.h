#pragma once

#include "runs/run_column.h"
#include "runs/runs_table_layout.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

namespace assay::ui {

struct RunsSnapshot;

// The runs table as a tree: runs (nested runs as children), or groups of runs when grouped.
// Lazy: data() reads the shared snapshot, nothing is stored per cell. Changing the filter,
// sort, grouping, pins or the snapshot itself rebuilds the row layout and moves persistent
// indexes (selection, expansion, current) to the same run ids, so views keep them.
class RunsTableModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role {
        CopyRole = Qt::UserRole + 1, // full values for Copy and Export
        RunIdRole,                   // QString; empty on group rows
        PinnedRole,                  // bool
        HiddenRole,                  // bool
        RowKeyRole,                  // run id, or a key naming the group row
    };

    explicit RunsTableModel(QObject *parent = nullptr);
    ~RunsTableModel() override;

    void setSnapshot(std::shared_ptr<const RunsSnapshot> snapshot);
    const std::shared_ptr<const RunsSnapshot> &snapshot() const { return m_snapshot; }

    // The param/metric/tag columns after the fixed ones; nullopt: every metric and up to 8
    // params of the snapshot (the default until the user chooses).
    void setKeyedColumns(std::optional<QList<RunColumn>> columns);
    QList<RunColumn> keyedColumns() const { return m_keyed; }
    bool hasChosenColumns() const { return m_chosen.has_value(); }
    const RunColumn &column(int index) const { return m_columns.at(index); }
    int columnOf(const RunColumn &column) const { return int(m_columns.indexOf(column)); }

    void setExperiment(const QString &experiment);
    void setFilter(std::shared_ptr<const track::FilterNode> filter);
    void setGroupBy(std::optional<RunColumn> column);
    std::optional<RunColumn> groupBy() const { return m_options.groupBy; }
    void setShowDeleted(bool show);
    void setShowHidden(bool show);
    bool showHidden() const { return m_options.showHidden; }
    void setMarks(QSet<QString> pinned, QSet<QString> hidden);
    const QSet<QString> &pinned() const { return m_options.pinned; }
    const QSet<QString> &hidden() const { return m_options.hidden; }
    void setPinned(const QString &runId, bool pinned);
    void setHidden(const QString &runId, bool hidden);

    // Sorts by a column id ("metrics.auc"), or restores the snapshot order with nullopt.
    void sortBy(std::optional<RunColumn> column, Qt::SortOrder order);
    std::optional<RunColumn> sortColumn() const { return m_options.sortColumn; }
    Qt::SortOrder sortOrder() const
    {
        return m_options.descending ? Qt::DescendingOrder : Qt::AscendingOrder;
    }

    const track::RunRecord *run(const QModelIndex &index) const;
    bool isGroup(const QModelIndex &index) const;
    // min/mean/max of a group row's metric column; nullopt elsewhere.
    std::optional<MetricAggregate> aggregate(const QModelIndex &index) const;
    const RunsTableGroup *group(const QModelIndex &index) const;
    QModelIndex indexOfRun(const QString &runId, int column = 0) const;
    // The row RowKeyRole named (a run or a group), or an invalid index.
    QModelIndex indexOfRowKey(const QString &key) const;
    // Position of the row in the whole table, top to bottom as if every row were expanded.
    int tableOrder(const QModelIndex &index) const;

    int runsInScope() const { return m_layout.runsInScope; }
    int runsShown() const { return m_layout.runsShown; }
    // Redraws the duration of running runs (their clock goes on).
    void refreshRunningRows();

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    // The rows were rebuilt: counts and the set of shown runs may differ.
    void rowsRebuilt();

private:
    const RunsTableNode *node(const QModelIndex &index) const;
    const std::vector<int> &childrenOf(const QModelIndex &parent) const;
    QVariant runData(const track::RunRecord &run, const RunColumn &column, int role) const;
    QVariant groupData(const RunsTableNode &node, int column, int role) const;
    QList<RunColumn> effectiveKeyedColumns() const;
    // Resets the model around `change`, then takes the keyed columns it now calls for.
    void resetColumns(const std::function<void()> &change);
    void updateAggregatedColumns();
    // Rebuilds the rows (from `next` when given) keeping persistent indexes on their rows.
    void relayout(std::shared_ptr<const RunsSnapshot> next = nullptr);
    void rebuildLayout();

    std::shared_ptr<const RunsSnapshot> m_snapshot;
    std::optional<QList<RunColumn>> m_chosen;
    QList<RunColumn> m_keyed;
    QList<RunColumn> m_columns;
    RunsTableOptions m_options;
    RunsTableLayout m_layout;
    std::unordered_map<std::string, int> m_nodeOfRun;
    QHash<QString, int> m_nodeOfGroup;
    std::vector<int> m_aggregateOfColumn; // column -> index into the group aggregates, or -1
    QIcon m_statusIcons[4];
};

} // namespace assay::ui
