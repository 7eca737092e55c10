#pragma once

#include "data/dataset_comparison.h"

#include <QAbstractTableModel>
#include <QBrush>

#include <array>
#include <memory>
#include <utility>
#include <vector>

namespace assay::ui {

// The rows of a dataset diff for a QTableView: one row per change (added green, removed
// red, modified amber with "old → new" in the cells that differ), or, with changed rows
// only switched off, also B's unchanged rows in B's order. Columns: the key (or row
// numbers), the change as a word, then the columns A and B share.
class DiffModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { KeyColumn, ChangeColumn, FirstValueColumn };
    enum class RowKind { Added, Removed, Modified, Unchanged };
    enum Role {
        RowKindRole = Qt::UserRole + 10, // int(RowKind)
        CellChangedRole,                 // bool: this cell's value differs between A and B
        SortRole, // a value that sorts right: numbers as numbers, missing last-ish (NaN/empty)
    };

    explicit DiffModel(QObject *parent = nullptr);

    void setComparison(std::shared_ptr<const DatasetComparison> comparison);
    const std::shared_ptr<const DatasetComparison> &comparison() const { return m_comparison; }
    void setChangedRowsOnly(bool changedOnly);
    bool changedRowsOnly() const { return m_changedOnly; }
    RowKind rowKind(int row) const { return m_rows[static_cast<std::size_t>(row)].kind; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    // A displayed row: a listed change, or an unchanged row of B.
    struct Row {
        RowKind kind;
        std::size_t rowA;
        std::size_t rowB;
        const version::RowChange *change; // nullptr for unchanged rows
    };
    struct SharedColumn {
        const table::Column *a;
        const table::Column *b;
    };

    void rebuild();
    QString keyText(const Row &row) const;
    QString cellText(const Row &row, std::size_t column, bool full) const;
    bool isCellChanged(const Row &row, std::size_t column) const;
    QVariant background(const Row &row, std::size_t column) const;
    QVariant sortValue(const Row &row, int column) const;

    std::shared_ptr<const DatasetComparison> m_comparison;
    bool m_changedOnly = true;
    std::vector<Row> m_rows;
    std::vector<SharedColumn> m_columns;
    std::vector<std::pair<const table::Column *, const table::Column *>> m_keys;
    std::array<QBrush, 4> m_wordBrushes; // by RowKind
    std::array<QBrush, 4> m_tints;
};

} // namespace assay::ui
