#include "data/diff_model.h"

#include "common/theme.h"
#include "data/cell_text.h"
#include "data/table_model.h"

#include <QGuiApplication>

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace assay::ui {

using version::kNoRow;
using version::RowChange;

namespace {

StatusTone toneOf(DiffModel::RowKind kind)
{
    switch (kind) {
    case DiffModel::RowKind::Added:
        return StatusTone::Ok;
    case DiffModel::RowKind::Removed:
        return StatusTone::Failed;
    case DiffModel::RowKind::Modified:
        return StatusTone::Warning;
    case DiffModel::RowKind::Unchanged:
        break;
    }
    return StatusTone::Unknown;
}

QString kindWord(DiffModel::RowKind kind)
{
    switch (kind) {
    case DiffModel::RowKind::Added:
        return DiffModel::tr("+ added");
    case DiffModel::RowKind::Removed:
        return DiffModel::tr("− removed");
    case DiffModel::RowKind::Modified:
        return DiffModel::tr("~ modified");
    case DiffModel::RowKind::Unchanged:
        break;
    }
    return DiffModel::tr("unchanged");
}

DiffModel::RowKind kindOf(RowChange::Op op)
{
    switch (op) {
    case RowChange::Op::Add:
        return DiffModel::RowKind::Added;
    case RowChange::Op::Remove:
        return DiffModel::RowKind::Removed;
    case RowChange::Op::Modify:
        break;
    }
    return DiffModel::RowKind::Modified;
}

const table::Column *columnNamed(const table::Table &table, const std::string &name)
{
    const auto index = table.indexOf(name);
    return index ? &table.column(*index) : nullptr;
}

} // namespace

DiffModel::DiffModel(QObject *parent) : QAbstractTableModel(parent)
{
    const QPalette palette = QGuiApplication::palette();
    for (const RowKind kind :
         {RowKind::Added, RowKind::Removed, RowKind::Modified, RowKind::Unchanged}) {
        const auto slot = static_cast<std::size_t>(kind);
        m_wordBrushes[slot] = QBrush(statusColor(toneOf(kind), palette));
        m_tints[slot] = QBrush(statusTint(toneOf(kind), palette));
    }
}

void DiffModel::setComparison(std::shared_ptr<const DatasetComparison> comparison)
{
    beginResetModel();
    m_comparison = std::move(comparison);
    rebuild();
    endResetModel();
}

void DiffModel::setChangedRowsOnly(bool changedOnly)
{
    if (changedOnly == m_changedOnly)
        return;
    beginResetModel();
    m_changedOnly = changedOnly;
    rebuild();
    endResetModel();
}

void DiffModel::rebuild()
{
    m_rows.clear();
    m_columns.clear();
    m_keys.clear();
    if (!m_comparison || !m_comparison->a || !m_comparison->b)
        return;
    const table::Table &a = *m_comparison->a;
    const table::Table &b = *m_comparison->b;
    const std::vector<std::string> &keys = m_comparison->keyColumns;
    for (const std::string &key : keys) {
        const table::Column *columnA = columnNamed(a, key);
        const table::Column *columnB = columnNamed(b, key);
        if (columnA && columnB)
            m_keys.emplace_back(columnA, columnB);
    }
    // The key column already leads every row; the columns that changed most come first,
    // so a modified row's amber cells are in view without scrolling.
    std::unordered_map<std::string, std::size_t> modifications;
    for (const RowChange &change : m_comparison->diff.changes) {
        for (const std::string &name : change.changedColumns)
            ++modifications[name];
    }
    for (const version::ColumnDelta &delta : m_comparison->diff.columns) {
        if (std::find(keys.begin(), keys.end(), delta.name) != keys.end())
            continue;
        const table::Column *columnA = columnNamed(a, delta.name);
        const table::Column *columnB = columnNamed(b, delta.name);
        if (columnA && columnB)
            m_columns.push_back({columnA, columnB});
    }
    const auto countOf = [&modifications](const SharedColumn &column) {
        const auto found = modifications.find(column.a->name());
        return found == modifications.end() ? std::size_t(0) : found->second;
    };
    std::stable_sort(m_columns.begin(), m_columns.end(),
                     [&countOf](const SharedColumn &left, const SharedColumn &right) {
                         return countOf(left) > countOf(right);
                     });

    const std::vector<RowChange> &changes = m_comparison->diff.changes;
    const auto toRow = [](const RowChange &change) {
        return Row{kindOf(change.op), change.rowA, change.rowB, &change};
    };
    if (m_changedOnly) {
        m_rows.reserve(changes.size());
        for (const RowChange &change : changes)
            m_rows.push_back(toRow(change));
        return;
    }
    // Changes come in B's row order, then removals: interleave B's unchanged rows with
    // them. When the list was truncated, B's rows past the last listed change are unknown.
    std::vector<const RowChange *> byRowB(b.rowCount(), nullptr);
    std::size_t lastListedB = 0;
    for (const RowChange &change : changes) {
        if (change.rowB != kNoRow) {
            byRowB[change.rowB] = &change;
            lastListedB = change.rowB + 1;
        }
    }
    const std::size_t rowsOfB = m_comparison->isTruncated() ? lastListedB : b.rowCount();
    m_rows.reserve(rowsOfB + changes.size());
    for (std::size_t row = 0; row < rowsOfB; ++row) {
        if (const RowChange *change = byRowB[row])
            m_rows.push_back(toRow(*change));
        else
            m_rows.push_back({RowKind::Unchanged, kNoRow, row, nullptr});
    }
    for (const RowChange &change : changes) {
        if (change.rowB == kNoRow)
            m_rows.push_back(toRow(change));
    }
}

int DiffModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    constexpr std::size_t maxRows = std::numeric_limits<int>::max();
    return static_cast<int>(std::min(m_rows.size(), maxRows));
}

int DiffModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_comparison)
        return 0;
    return FirstValueColumn + static_cast<int>(m_columns.size());
}

QString DiffModel::keyText(const Row &row) const
{
    if (m_keys.empty()) {
        // Row numbers, 1-based like the Table tab's.
        if (row.rowA != kNoRow && row.rowB != kNoRow)
            return tr("A %1 · B %2").arg(row.rowA + 1).arg(row.rowB + 1);
        if (row.rowA != kNoRow)
            return tr("A %1").arg(row.rowA + 1);
        return tr("B %1").arg(row.rowB + 1);
    }
    QStringList parts;
    for (const auto &[columnA, columnB] : m_keys) {
        parts.append(row.rowB != kNoRow ? cellDisplayText(*columnB, row.rowB)
                                        : cellDisplayText(*columnA, row.rowA));
    }
    return parts.join(QStringLiteral(", "));
}

bool DiffModel::isCellChanged(const Row &row, std::size_t column) const
{
    if (row.kind != RowKind::Modified)
        return false;
    const std::string &name = m_columns[column].a->name();
    const auto &changed = row.change->changedColumns;
    return std::find(changed.begin(), changed.end(), name) != changed.end();
}

QString DiffModel::cellText(const Row &row, std::size_t column, bool full) const
{
    const SharedColumn &shared = m_columns[column];
    const auto text = [full](const table::Column &values, std::size_t index) {
        if (!full)
            return cellDisplayText(values, index);
        const QString exact = cellFullText(values, index);
        return exact.isEmpty() ? missingCellText() : exact;
    };
    if (isCellChanged(row, column))
        return QStringLiteral("%1 → %2").arg(text(*shared.a, row.rowA), text(*shared.b, row.rowB));
    if (row.rowB != kNoRow)
        return text(*shared.b, row.rowB);
    return text(*shared.a, row.rowA);
}

QVariant DiffModel::background(const Row &row, std::size_t column) const
{
    const bool tinted =
        row.kind == RowKind::Modified ? isCellChanged(row, column) : row.kind != RowKind::Unchanged;
    return tinted ? QVariant(m_tints[static_cast<std::size_t>(row.kind)]) : QVariant();
}

QVariant DiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    if (role == RowKindRole)
        return static_cast<int>(row.kind);
    if (role == SortRole)
        return sortValue(row, index.column());

    if (index.column() == KeyColumn || index.column() == ChangeColumn) {
        const bool isKey = index.column() == KeyColumn;
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
            return isKey ? keyText(row) : kindWord(row.kind);
        case TableModel::ExportTextRole: // the word without its sign
            return isKey ? keyText(row) : kindWord(row.kind).section(u' ', -1);
        case Qt::ForegroundRole:
            if (isKey)
                return {};
            return m_wordBrushes[static_cast<std::size_t>(row.kind)];
        case Qt::BackgroundRole:
            return row.kind == RowKind::Modified ? QVariant() : background(row, 0);
        case Qt::TextAlignmentRole:
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        default:
            return {};
        }
    }

    const auto column = static_cast<std::size_t>(index.column() - FirstValueColumn);
    switch (role) {
    case Qt::DisplayRole:
        return cellText(row, column, false);
    case Qt::ToolTipRole:
    case TableModel::ExportTextRole:
        return cellText(row, column, true);
    case CellChangedRole:
        return isCellChanged(row, column);
    case Qt::BackgroundRole:
        return background(row, column);
    case Qt::TextAlignmentRole:
        if (isNumericType(m_columns[column].b->type()) && !isCellChanged(row, column))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

// Sorts by B's value (A's for removed rows); the key column by the first key; the change
// column by kind. Numbers compare as numbers, text as text.
QVariant DiffModel::sortValue(const Row &row, int column) const
{
    if (column == ChangeColumn)
        return static_cast<int>(row.kind);
    const bool fromB = row.rowB != version::kNoRow;
    const std::size_t at = fromB ? row.rowB : row.rowA;
    const table::Column *source = nullptr;
    if (column == KeyColumn) {
        if (m_keys.empty())
            return static_cast<qulonglong>(at);
        source = fromB ? m_keys.front().second : m_keys.front().first;
    } else {
        const SharedColumn &shared = m_columns[static_cast<std::size_t>(column - FirstValueColumn)];
        source = fromB ? shared.b : shared.a;
    }
    if (source->isMissing(at))
        return {};
    if (source->type() == table::ColumnType::String)
        return QString::fromUtf8(source->text(at).data(), static_cast<qsizetype>(source->text(at).size()));
    return source->numeric(at);
}

QVariant DiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical || section < 0 || section >= columnCount())
        return {};
    if (section == KeyColumn) {
        if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
            return {};
        if (m_keys.empty())
            return role == Qt::DisplayRole ? tr("row\nA · B") : tr("Row numbers in A and B");
        QStringList names;
        for (const std::string &key : m_comparison->keyColumns)
            names.append(QString::fromStdString(key));
        return role == Qt::DisplayRole
                   ? tr("%1\nkey").arg(names.join(QStringLiteral(", ")))
                   : tr("Rows matched by %1").arg(names.join(QStringLiteral(", ")));
    }
    if (section == ChangeColumn)
        return role == Qt::DisplayRole ? QVariant(tr("change\n")) : QVariant();
    return typedHeaderData(*m_columns[static_cast<std::size_t>(section - FirstValueColumn)].b, role);
}

} // namespace assay::ui
