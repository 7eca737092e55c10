#pragma once

#include "common/csv_export.h"
#include "table/table.h"

#include <QAbstractTableModel>
#include <QBrush>

#include <QPointer>

#include <cstdint>
#include <memory>
#include <vector>

namespace assay::ui {

class Job;
class JobRunner;

// Read-only view of an assay::table::Table for a QTableView. Cheap per call: data()
// formats only the cell it is asked for, so a million-row table costs what is visible.
// Display: numbers with 4 significant digits (full value in the tooltip), missing values
// as a greyed "—". Header: "name\ntype".
class TableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        // The value itself, for sorting and charts: bool, qint64 (int and datetime in ns),
        // double or QString; an invalid QVariant when the value is missing.
        RawValueRole = Qt::UserRole + 1,
        // The full-precision text used when copying cells ("" when missing).
        ExportTextRole,
    };

    using RowOrder = std::vector<std::uint32_t>;

    explicit TableModel(QObject *parent = nullptr);

    // Shows `table` in file order.
    void setTable(std::shared_ptr<const table::Table> table);
    const std::shared_ptr<const table::Table> &table() const { return m_table; }
    // Where sort() computes the order; without a runner it sorts on the calling thread.
    void setJobRunner(JobRunner *jobs) { m_jobs = jobs; }

    // Column -1 restores the file order. With a job runner the new order appears later
    // (sortFinished()); a newer sort() or setTable() discards an older one.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    bool isSorting() const;
    // Shows the rows in `order` (file row numbers; empty: file order), keeping persistent
    // indexes on their rows. `order` must be a permutation of the table's rows.
    void setRowOrder(RowOrder order);
    // The file row shown in view row `row`.
    std::size_t fileRow(int row) const
    {
        return m_order ? (*m_order)[static_cast<std::size_t>(row)] : static_cast<std::size_t>(row);
    }
    // What Export CSV writes for these columns, in the shown row order, full precision.
    // Holds the table and order, so the cells may be read on a worker.
    CsvTable csvTable(const QList<int> &columns) const;
    // The row order shown now, shared so a worker may read it while the model moves on;
    // nullptr means file order.
    std::shared_ptr<const RowOrder> rowOrder() const { return m_order; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void sortFinished();

private:
    QVariant rawValue(const table::Column &column, std::size_t row) const;

    std::shared_ptr<const table::Table> m_table;
    std::shared_ptr<const RowOrder> m_order;
    QBrush m_missingBrush;
    JobRunner *m_jobs = nullptr;
    QPointer<Job> m_sortJob;
    quint64 m_sortGeneration = 0;
};

} // namespace assay::ui
