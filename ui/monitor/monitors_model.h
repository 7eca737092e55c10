#pragma once

#include "monitor/monitor_snapshot.h"

#include <QAbstractTableModel>

#include <vector>

namespace assay::ui {

// The Monitor area's master list: one row per monitor with the latest window's alerts (a status
// dot and a word), the rows logged, the windows evaluated and the model it watches.
class MonitorsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, AlertsColumn, RowsColumn, WindowsColumn, ModelColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,
        NameRole, // the monitor's name, the list's key
    };

    explicit MonitorsModel(QObject *parent = nullptr);

    void setMonitors(std::vector<MonitorEntry> monitors);
    const std::vector<MonitorEntry> &monitors() const { return m_monitors; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<MonitorEntry> m_monitors;
};

} // namespace assay::ui
