#pragma once

#include "version/table_diff.h"

#include <QAbstractTableModel>
#include <QBrush>

#include <vector>

namespace assay::ui {

// How each shared column's statistics moved from A to B: mean Δ, missing share Δ (in
// percentage points) and distinct Δ, signed (+ green, − red, 0 muted), 4 significant
// digits with the full value in the tooltip.
class ColumnDeltaModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, MeanColumn, MissingColumn, DistinctColumn, ColumnCount };
    // The delta as a double (NaN when it does not apply), for sorting.
    static constexpr int RawValueRole = Qt::UserRole + 1;

    explicit ColumnDeltaModel(QObject *parent = nullptr);

    void setDeltas(std::vector<version::ColumnDelta> deltas);
    const std::vector<version::ColumnDelta> &deltas() const { return m_deltas; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    double value(const version::ColumnDelta &delta, int column) const;

    std::vector<version::ColumnDelta> m_deltas;
    QBrush m_up;
    QBrush m_down;
    QBrush m_muted;
};

// "+1.234", "−0.5", "0": a signed delta with 4 significant digits (a real minus sign).
QString formatSignedNumber(double value);

} // namespace assay::ui
