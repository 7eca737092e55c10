#include "monitor/monitors_model.h"

#include "common/format.h"
#include "common/theme.h"

#include <QApplication>

namespace assay::ui {

namespace {

StatusTone alertTone(const MonitorEntry &entry)
{
    if (!entry.report)
        return StatusTone::Unknown;
    return entry.activeAlerts() > 0 ? StatusTone::Failed : StatusTone::Ok;
}

} // namespace

MonitorsModel::MonitorsModel(QObject *parent) : QAbstractTableModel(parent) {}

void MonitorsModel::setMonitors(std::vector<MonitorEntry> monitors)
{
    beginResetModel();
    m_monitors = std::move(monitors);
    endResetModel();
}

int MonitorsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_monitors.size());
}

int MonitorsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MonitorsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const MonitorEntry &entry = m_monitors[std::size_t(index.row())];
    const auto *report = entry.report ? &*entry.report : nullptr;
    if (role == NameRole)
        return QString::fromStdString(entry.config.name);
    if (role == SortRole) {
        switch (index.column()) {
        case RowsColumn: return report ? qulonglong(report->totalRows) : 0ULL;
        case WindowsColumn: return report ? qulonglong(report->windows.size()) : 0ULL;
        case AlertsColumn: return report ? qlonglong(entry.activeAlerts()) : -1LL;
        default: return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::TextAlignmentRole && (index.column() == RowsColumn || index.column() == WindowsColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::DecorationRole && index.column() == AlertsColumn)
        return statusDot(alertTone(entry), QApplication::palette());
    if (role == Qt::ToolTipRole) {
        if (!entry.error.empty())
            return QString::fromStdString(entry.error);
        if (index.column() == AlertsColumn && report && report->latest()) {
            QStringList lines;
            for (const auto &alert : report->latest()->alerts)
                lines << QString::fromStdString(alert.message);
            return lines.isEmpty() ? tr("No alert in the latest window") : lines.join(u'\n');
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn: return QString::fromStdString(entry.config.name);
    case ModelColumn: return QString::fromStdString(entry.config.modelRef);
    case RowsColumn: return report ? formatCount(report->totalRows) : QString();
    case WindowsColumn: return report ? formatCount(report->windows.size()) : QString();
    case AlertsColumn:
        if (!report)
            return tr("not evaluated");
        return entry.activeAlerts() == 0 ? tr("ok") : tr("%n alert(s)", nullptr, int(entry.activeAlerts()));
    default: return {};
    }
}

QVariant MonitorsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Monitor");
    case ModelColumn: return tr("Model");
    case RowsColumn: return tr("Rows");
    case WindowsColumn: return tr("Windows");
    case AlertsColumn: return tr("Alerts");
    default: return {};
    }
}

} // namespace assay::ui
