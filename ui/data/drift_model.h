#pragma once

#include "common/distribution_chart.h"
#include "drift/drift.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace assay::ui {

// The columns of a drift comparison, drifted first and then by how strongly they drift:
// the test, its statistic, p-value and threshold, the verdict (a dot and a word), the change
// in missing share, and both distributions overlaid in a small chart.
class DriftModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, TypeColumn, VerdictColumn, TestColumn, StatisticColumn,
                  PValueColumn, ThresholdColumn, MissingColumn, DistributionColumn,
                  DetailColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit DriftModel(QObject *parent = nullptr);

    // The sides are named as the user picked them ("data/credit.csv@3f2a9c1").
    void setDrift(std::shared_ptr<const drift::DatasetDrift> drift, const QString &reference = {},
                  const QString &current = {});
    const drift::ColumnDrift &column(int row) const { return *m_rows[std::size_t(row)]; }
    const DistributionData &distribution(int row) const { return m_distributions[std::size_t(row)]; }
    int rowOf(const QString &columnName) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const drift::ColumnDrift &column, int field) const;

    std::shared_ptr<const drift::DatasetDrift> m_drift;
    std::vector<const drift::ColumnDrift *> m_rows;
    std::vector<DistributionData> m_distributions;
};

// The overlaid distributions of one column, named after the two sides.
DistributionData driftDistribution(const drift::ColumnDrift &column, const QString &reference,
                                   const QString &current);

} // namespace assay::ui
