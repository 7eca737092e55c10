#include "data/table_model.h"

#include "common/theme.h"
#include "data/cell_text.h"

#include <QGuiApplication>

#include <limits>

namespace assay::ui {

using table::Column;
using table::ColumnType;

TableModel::TableModel(QObject *parent)
    : QAbstractTableModel(parent), m_missingBrush(mutedTextColor(QGuiApplication::palette()))
{
}

void TableModel::setTable(std::shared_ptr<const table::Table> table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

int TableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_table)
        return 0;
    constexpr std::size_t maxRows = std::numeric_limits<int>::max();
    return static_cast<int>(std::min(m_table->rowCount(), maxRows));
}

int TableModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_table)
        return 0;
    return static_cast<int>(m_table->columnCount());
}

QVariant TableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Column &column = m_table->column(static_cast<std::size_t>(index.column()));
    const auto row = static_cast<std::size_t>(index.row());

    switch (role) {
    case Qt::DisplayRole:
        return cellDisplayText(column, row);
    case Qt::ToolTipRole:
    case ExportTextRole:
        if (column.isMissing(row))
            return role == ExportTextRole ? QVariant(QString()) : QVariant(tr("missing"));
        return cellFullText(column, row);
    case RawValueRole:
        return rawValue(column, row);
    case Qt::TextAlignmentRole:
        if (isNumericType(column.type()) && !column.isMissing(row))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        if (column.isMissing(row) || column.type() == ColumnType::Bool)
            return QVariant::fromValue(Qt::AlignHCenter | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (column.isMissing(row))
            return m_missingBrush;
        return {};
    default:
        return {};
    }
}

QVariant TableModel::rawValue(const Column &column, std::size_t row) const
{
    if (column.isMissing(row))
        return {};
    switch (column.type()) {
    case ColumnType::Bool:
        return column.bools()[row] != 0;
    case ColumnType::Int:
    case ColumnType::Datetime:
        return QVariant::fromValue<qint64>(column.ints()[row]);
    case ColumnType::Float:
        return column.floats()[row];
    case ColumnType::String:
        return cellDisplayText(column, row);
    }
    return {};
}

QVariant TableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_table || section < 0)
        return {};
    if (orientation == Qt::Vertical) {
        if (section >= rowCount())
            return {};
        if (role == Qt::DisplayRole)
            return QString::number(section + 1);
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (section >= columnCount())
        return {};
    const Column &column = m_table->column(static_cast<std::size_t>(section));
    const QString name = QString::fromStdString(column.name());
    const QString type = QString::fromUtf8(table::typeName(column.type()));
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1\n%2").arg(name, type);
    case Qt::ToolTipRole:
        return QStringLiteral("%1 (%2)").arg(name, type);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue((isNumericType(column.type()) ? Qt::AlignRight : Qt::AlignLeft) |
                                   Qt::AlignVCenter);
    default:
        return {};
    }
}

} // namespace assay::ui
