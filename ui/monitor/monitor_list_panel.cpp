#include "monitor/monitor_list_panel.h"

#include "monitor/monitors_model.h"

#include <QHeaderView>
#include <QTableView>

namespace assay::ui {

MonitorListPanel::MonitorListPanel(QWidget *parent) : MonitorListPanel(new MonitorsModel, parent) {}

MonitorListPanel::MonitorListPanel(MonitorsModel *model, QWidget *parent)
    : FilteredListPanel(model,
                        {.sortRole = MonitorsModel::SortRole,
                         .keyRole = MonitorsModel::NameRole,
                         .settingsKey = QStringLiteral("monitorList"),
                         .filterName = QStringLiteral("monitorFilter"),
                         .placeholder = tr("Filter monitors (Ctrl+F)"),
                         .countText = [](int total) { return tr("%n monitor(s)", nullptr, total); }},
                        parent),
      m_model(model)
{
    m_model->setParent(this);
    QTableView *table = view();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setColumnWidth(MonitorsModel::NameColumn, 80);
    table->setColumnWidth(MonitorsModel::AlertsColumn, 90);
    table->setColumnWidth(MonitorsModel::RowsColumn, 55);
    table->setColumnWidth(MonitorsModel::WindowsColumn, 62);
}

void MonitorListPanel::setMonitors(std::vector<MonitorEntry> monitors)
{
    const QString previous = current();
    m_model->setMonitors(std::move(monitors));
    view()->resizeColumnsToContents();
    restoreSelection(previous);
}

} // namespace assay::ui
