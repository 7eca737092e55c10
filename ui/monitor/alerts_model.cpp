#include "monitor/alerts_model.h"

#include "common/format.h"
#include "common/theme.h"
#include "monitor/window_chart.h"

#include <QApplication>

namespace assay::ui {

AlertsModel::AlertsModel(QObject *parent) : QAbstractTableModel(parent) {}

void AlertsModel::setReport(std::shared_ptr<const monitor::MonitorReport> report)
{
    beginResetModel();
    m_report = std::move(report);
    m_rows.clear();
    if (m_report) {
        for (std::size_t w = m_report->windows.size(); w-- > 0;)
            for (const monitor::Alert &alert : m_report->windows[w].alerts)
                m_rows.push_back({.window = w, .alert = &alert});
    }
    endResetModel();
}

int AlertsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlertsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    const monitor::Alert &alert = *row.alert;
    switch (role) {
    case WindowRole:
        return int(row.window);
    case SortRole:
        if (index.column() == WindowColumn)
            return qlonglong(m_report->windows[row.window].startNs);
        if (index.column() == ValueColumn)
            return alert.value;
        return data(index, Qt::DisplayRole);
    case Qt::DecorationRole:
        return index.column() == RuleColumn ? statusDot(StatusTone::Failed, QApplication::palette()) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == ValueColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == ValueColumn)
            return formatNumberFull(alert.value);
        return QString::fromStdString(alert.message);
    case Qt::DisplayRole:
        switch (index.column()) {
        case WindowColumn: return windowLabel(*m_report, row.window);
        case MetricColumn: return QString::fromStdString(alert.metric);
        case ValueColumn: return formatNumber(alert.value);
        case RuleColumn: return QString::fromStdString(alert.rule);
        case MessageColumn: return QString::fromStdString(alert.message);
        default: return {};
        }
    default:
        return {};
    }
}

QVariant AlertsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WindowColumn: return tr("Window");
    case MetricColumn: return tr("Metric");
    case ValueColumn: return tr("Value");
    case RuleColumn: return tr("Rule broken");
    case MessageColumn: return tr("Message");
    default: return {};
    }
}

} // namespace assay::ui
