#pragma once

#include "table/table.h"

#include <QAbstractTableModel>
#include <QBrush>

#include <memory>

namespace assay::ui {

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

    explicit TableModel(QObject *parent = nullptr);

    void setTable(std::shared_ptr<const table::Table> table);
    const std::shared_ptr<const table::Table> &table() const { return m_table; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant rawValue(const table::Column &column, std::size_t row) const;

    std::shared_ptr<const table::Table> m_table;
    QBrush m_missingBrush;
};

} // namespace assay::ui
