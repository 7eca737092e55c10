#pragma once

#include "monitor/monitor_report.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace assay::ui {

// Every alert a monitor's windows raised, newest window first: the window, the metric and its
// value, the rule it broke (a red dot and the rule) and the message.
class AlertsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { WindowColumn, MetricColumn, ValueColumn, RuleColumn, MessageColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,
        WindowRole, // the window's index in the report
    };

    explicit AlertsModel(QObject *parent = nullptr);

    void setReport(std::shared_ptr<const monitor::MonitorReport> report);
    const monitor::Alert &alert(int row) const { return *m_rows[std::size_t(row)].alert; }
    int windowOf(int row) const { return int(m_rows[std::size_t(row)].window); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row {
        std::size_t window = 0;
        const monitor::Alert *alert = nullptr;
    };
    std::shared_ptr<const monitor::MonitorReport> m_report;
    std::vector<Row> m_rows;
};

} // namespace assay::ui
