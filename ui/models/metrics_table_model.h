#pragma once

#include "models/metrics_table.h"

#include <QAbstractTableModel>

namespace assay::ui {

// The Metrics tab's table: the part (or fold) and a column per metric, 4 significant digits
// with the full value in the tooltip; the cross-validation summary row reads "mean ± std"
// in bold. SortRole gives raw numbers.
class MetricsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit MetricsTableModel(QObject *parent = nullptr);

    void setTable(MetricsTable table);
    const MetricsTable &table() const { return m_table; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    MetricsTable m_table;
};

} // namespace assay::ui
