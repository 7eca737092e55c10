#include "data/column_delta_model.h"

#include "common/format.h"
#include "common/theme.h"

#include <QGuiApplication>

#include <cmath>

namespace assay::ui {

QString formatSignedNumber(double value)
{
    if (std::isnan(value))
        return QStringLiteral("—");
    const QString magnitude = formatNumber(std::abs(value));
    if (magnitude == u"0")
        return magnitude;
    return (value > 0 ? QStringLiteral("+") : QStringLiteral("−")) + magnitude;
}

ColumnDeltaModel::ColumnDeltaModel(QObject *parent)
    : QAbstractTableModel(parent), m_up(statusColor(StatusTone::Ok, QGuiApplication::palette())),
      m_down(statusColor(StatusTone::Failed, QGuiApplication::palette())),
      m_muted(mutedTextColor(QGuiApplication::palette()))
{
}

void ColumnDeltaModel::setDeltas(std::vector<version::ColumnDelta> deltas)
{
    beginResetModel();
    m_deltas = std::move(deltas);
    endResetModel();
}

int ColumnDeltaModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_deltas.size());
}

int ColumnDeltaModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

double ColumnDeltaModel::value(const version::ColumnDelta &delta, int column) const
{
    switch (column) {
    case MeanColumn:
        return delta.meanDelta;
    case MissingColumn:
        return delta.missingShareDelta * 100.0; // percentage points
    case DistinctColumn:
        return static_cast<double>(delta.distinctDelta);
    default:
        return std::nan("");
    }
}

QVariant ColumnDeltaModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const version::ColumnDelta &delta = m_deltas[static_cast<std::size_t>(index.row())];
    if (index.column() == NameColumn) {
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == RawValueRole)
            return QString::fromStdString(delta.name);
        return {};
    }
    const double number = value(delta, index.column());
    switch (role) {
    case Qt::DisplayRole: {
        const QString text = index.column() == DistinctColumn
                                 ? (delta.distinctDelta > 0 ? QStringLiteral("+") : QString()) +
                                       QString::number(delta.distinctDelta).replace(u'-', u'−')
                                 : formatSignedNumber(number);
        return index.column() == MissingColumn && text != u"0" ? tr("%1 pp").arg(text) : text;
    }
    case Qt::ToolTipRole:
        if (std::isnan(number))
            return tr("Not numeric in both versions");
        if (index.column() == MissingColumn)
            return tr("Missing share B − A: %1 (%2 percentage points)")
                .arg(formatNumberFull(delta.missingShareDelta), formatNumberFull(number));
        if (index.column() == DistinctColumn)
            return tr("Distinct values B − A: %1").arg(delta.distinctDelta);
        return tr("Mean B − A: %1").arg(formatNumberFull(number));
    case RawValueRole:
        return number;
    case Qt::ForegroundRole:
        if (std::isnan(number) || number == 0.0)
            return m_muted;
        return number > 0 ? m_up : m_down;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ColumnDeltaModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue((section == NameColumn ? Qt::AlignLeft : Qt::AlignRight) |
                                   Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case MeanColumn:
            return tr("Mean of B minus mean of A (numeric columns)");
        case MissingColumn:
            return tr("Share of missing values in B minus in A, in percentage points");
        case DistinctColumn:
            return tr("Number of distinct values in B minus in A");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Column");
    case MeanColumn:
        return tr("Mean Δ");
    case MissingColumn:
        return tr("Missing Δ");
    case DistinctColumn:
        return tr("Distinct Δ");
    default:
        return {};
    }
}

} // namespace assay::ui
