#include "data/table_model.h"

#include "common/theme.h"
#include "data/cell_text.h"
#include "data/row_order.h"
#include "shell/job_runner.h"

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
    if (m_sortJob)
        m_sortJob->cancel();
    m_sortJob = nullptr;
    ++m_sortGeneration;
    beginResetModel();
    m_table = std::move(table);
    m_order.reset();
    endResetModel();
}

void TableModel::sort(int column, Qt::SortOrder order)
{
    if (m_sortJob)
        m_sortJob->cancel();
    m_sortJob = nullptr;
    const quint64 generation = ++m_sortGeneration;
    if (!m_table || column < 0 || column >= columnCount()) {
        setRowOrder({});
        emit sortFinished();
        return;
    }
    const auto index = static_cast<std::size_t>(column);
    if (!m_jobs) {
        setRowOrder(sortedRowOrder(*m_table, index, order));
        emit sortFinished();
        return;
    }
    m_sortJob = m_jobs->run(
        tr("Sorting by %1").arg(QString::fromStdString(m_table->column(index).name())), this,
        [table = m_table, index, order](const Progress &) {
            return sortedRowOrder(*table, index, order);
        },
        [this, generation](RowOrder sorted) {
            if (generation != m_sortGeneration)
                return; // another sort or table came meanwhile
            m_sortJob = nullptr;
            setRowOrder(std::move(sorted));
            emit sortFinished();
        });
}

bool TableModel::isSorting() const
{
    return !m_sortJob.isNull();
}

void TableModel::setRowOrder(RowOrder order)
{
    const bool identity = order.empty();
    if (!identity && (!m_table || order.size() != m_table->rowCount()))
        return;
    if (identity && !m_order)
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<std::size_t> fileRows;
    fileRows.reserve(static_cast<std::size_t>(before.size()));
    for (const QModelIndex &index : before)
        fileRows.push_back(fileRow(index.row()));
    m_order = identity ? nullptr : std::make_shared<const RowOrder>(std::move(order));
    if (!before.isEmpty()) {
        // Where each file row is shown now; only built when a view holds indexes.
        std::vector<std::uint32_t> viewRowOf;
        if (m_order) {
            viewRowOf.resize(m_order->size());
            for (std::size_t row = 0; row < m_order->size(); ++row)
                viewRowOf[(*m_order)[row]] = static_cast<std::uint32_t>(row);
        }
        QModelIndexList after;
        after.reserve(before.size());
        for (qsizetype i = 0; i < before.size(); ++i) {
            const std::size_t file = fileRows[static_cast<std::size_t>(i)];
            const int row = m_order ? static_cast<int>(viewRowOf[file]) : static_cast<int>(file);
            after.append(index(row, before[i].column()));
        }
        changePersistentIndexList(before, after);
    }
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
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
    const std::size_t row = fileRow(index.row());

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

CsvTable TableModel::csvTable(const QList<int> &columns) const
{
    CsvTable csv;
    if (!m_table)
        return csv;
    std::vector<std::size_t> indexes;
    for (int column : columns) {
        if (column < 0 || column >= columnCount())
            continue;
        indexes.push_back(static_cast<std::size_t>(column));
        csv.header.append(QString::fromStdString(m_table->column(indexes.back()).name()));
    }
    csv.rowCount = rowCount();
    csv.cell = [table = m_table, order = m_order, indexes](qsizetype row, qsizetype column) {
        const auto at = static_cast<std::size_t>(row);
        return cellFullText(table->column(indexes[static_cast<std::size_t>(column)]),
                            order ? (*order)[at] : at);
    };
    return csv;
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
            return QString::number(fileRow(section) + 1);
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (section >= columnCount())
        return {};
    return typedHeaderData(m_table->column(static_cast<std::size_t>(section)), role);
}

} // namespace assay::ui
