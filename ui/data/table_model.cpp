#include "data/table_model.h"

#include "common/format.h"
#include "common/theme.h"

#include <QDateTime>
#include <QGuiApplication>

#include <limits>

namespace assay::ui {

using table::Column;
using table::ColumnType;

namespace {

const QString &missingText()
{
    static const QString text = QStringLiteral("—");
    return text;
}

bool isNumeric(ColumnType type)
{
    return type == ColumnType::Int || type == ColumnType::Float;
}

QString datetimeText(std::int64_t nanoseconds)
{
    const qint64 ms = nanoseconds / 1'000'000;
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    if (nanoseconds % 86'400'000'000'000 == 0)
        return time.date().toString(Qt::ISODate);
    return time.toString(Qt::ISODate);
}

} // namespace

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
        return displayValue(column, row);
    case Qt::ToolTipRole:
    case ExportTextRole:
        if (column.isMissing(row))
            return role == ExportTextRole ? QVariant(QString()) : QVariant(tr("missing"));
        return fullText(column, row);
    case RawValueRole:
        return rawValue(column, row);
    case Qt::TextAlignmentRole:
        if (isNumeric(column.type()) && !column.isMissing(row))
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

QVariant TableModel::displayValue(const Column &column, std::size_t row) const
{
    if (column.isMissing(row))
        return missingText();
    switch (column.type()) {
    case ColumnType::Bool:
        return column.bools()[row] ? QStringLiteral("true") : QStringLiteral("false");
    case ColumnType::Int:
        return QString::number(column.ints()[row]);
    case ColumnType::Float:
        return formatNumber(column.floats()[row]);
    case ColumnType::Datetime:
        return datetimeText(column.ints()[row]);
    case ColumnType::String: {
        const std::string &text = column.dictionary()[column.codes()[row]];
        return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    }
    }
    return {};
}

QVariant TableModel::fullText(const Column &column, std::size_t row) const
{
    switch (column.type()) {
    case ColumnType::Float:
        return formatNumberFull(column.floats()[row]);
    case ColumnType::Datetime:
        return QDateTime::fromMSecsSinceEpoch(column.ints()[row] / 1'000'000, Qt::UTC)
            .toString(Qt::ISODateWithMs);
    default:
        return displayValue(column, row);
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
        return displayValue(column, row);
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
        return QVariant::fromValue((isNumeric(column.type()) ? Qt::AlignRight : Qt::AlignLeft) |
                                   Qt::AlignVCenter);
    default:
        return {};
    }
}

} // namespace assay::ui
