#pragma once

#include "drift/drift.h"

#include <QSplitter>

#include <memory>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace assay::ui {

class DistributionChart;
class DriftModel;

// A drift result column by column: the table (drifted first, with a small distribution in each
// row) above, the selected column's distributions overlaid below. The Data area's Drift view and
// the Monitor area's window drift both show their results in one.
class DriftColumnsPanel : public QSplitter {
    Q_OBJECT
public:
    explicit DriftColumnsPanel(const QString &tableName, QWidget *parent = nullptr);

    // Shows the result, keeping the selected column when the new result has it (else the first).
    void setDrift(std::shared_ptr<const drift::DatasetDrift> result, const QString &referenceName,
                  const QString &currentName);
    void clear();
    void selectColumn(const QString &column);

    DriftModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    DistributionChart *chart() const { return m_chart; }

private:
    void showChartFor(int row);

    QTableView *m_table;
    DriftModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_chartTitle;
    DistributionChart *m_chart;
    QString m_chosenColumn;
};

} // namespace assay::ui
