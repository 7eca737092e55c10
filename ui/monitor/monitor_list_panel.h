#pragma once

#include "common/filtered_list_panel.h"
#include "monitor/monitor_snapshot.h"

namespace assay::ui {

class MonitorsModel;

// The monitors, filterable and sortable; keys are monitor names.
class MonitorListPanel : public FilteredListPanel {
    Q_OBJECT
public:
    explicit MonitorListPanel(QWidget *parent = nullptr);

    // Replaces the rows, keeping the selected monitor when it is still there.
    void setMonitors(std::vector<MonitorEntry> monitors);
    MonitorsModel *model() const { return m_model; }

private:
    MonitorListPanel(MonitorsModel *model, QWidget *parent);

    MonitorsModel *m_model;
};

} // namespace assay::ui
