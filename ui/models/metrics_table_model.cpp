#include "models/metrics_table_model.h"

#include "common/format.h"

#include <QFont>

namespace assay::ui {

MetricsTableModel::MetricsTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void MetricsTableModel::setTable(MetricsTable table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

int MetricsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.rows.size());
}

int MetricsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.metrics.size()) + 1;
}

QVariant MetricsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == 0)
        return tr("Part");
    return m_table.metrics.value(section - 1);
}

QVariant MetricsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const MetricsTable::Row &row = m_table.rows[std::size_t(index.row())];
    if (role == Qt::FontRole && row.summary) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (index.column() == 0) {
        if (role == Qt::DisplayRole || role == SortRole)
            return row.label;
        return {};
    }
    const auto metric = std::size_t(index.column() - 1);
    const std::optional<double> &value = row.values[metric];
    // A pointer rather than a copied optional: GCC's -Wmaybe-uninitialized misreads the copy.
    const double *spread =
        metric < row.spread.size() && row.spread[metric] ? &*row.spread[metric] : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        if (!value)
            return QString();
        if (spread)
            return QStringLiteral("%1 ± %2").arg(formatNumber(*value), formatNumber(*spread, 2));
        return formatNumber(*value);
    case SortRole:
        return value ? QVariant(*value) : QVariant();
    case Qt::ToolTipRole:
        if (!value)
            return tr("%1 was not measured on %2")
                .arg(m_table.metrics[qsizetype(metric)], row.label);
        if (spread)
            return tr("mean %1, std %2").arg(formatNumberFull(*value), formatNumberFull(*spread));
        return formatNumberFull(*value);
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

} // namespace assay::ui
