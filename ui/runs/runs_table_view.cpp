#include "runs/runs_table_view.h"

#include "runs/run_marks_delegate.h"
#include "runs/runs_table_model.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QScrollBar>

#include <algorithm>

namespace assay::ui {

namespace {

constexpr int groupedMetricWidth = 150;

int defaultWidth(const RunColumn &column)
{
    switch (column.kind) {
    case RunColumn::Kind::Marks:
        return RunMarksDelegate::preferredWidth;
    case RunColumn::Kind::Name:
        return 170;
    case RunColumn::Kind::Status:
        return 95;
    case RunColumn::Kind::Experiment:
        return 100;
    case RunColumn::Kind::Start:
        return 118;
    case RunColumn::Kind::Duration:
        return 78;
    case RunColumn::Kind::User:
        return 60;
    case RunColumn::Kind::Commit:
        return 76;
    default:
        return 84;
    }
}

QString cellText(const QModelIndex &index)
{
    QString text = index.data(RunsTableModel::CopyRole).toString();
    text.replace(u'\t', u' ').replace(u'\n', u' ').replace(u'\r', u' ');
    return text;
}

} // namespace

RunsTableView::RunsTableView(RunsTableModel *model, QWidget *parent)
    : QTreeView(parent), m_model(model), m_marks(new RunMarksDelegate(this))
{
    setObjectName(QStringLiteral("runsTable"));
    setModel(model);
    setUniformRowHeights(true); // thousands of rows: no per-row height queries
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setAllColumnsShowFocus(true);
    setExpandsOnDoubleClick(true);
    setSortingEnabled(true);
    setTreePosition(1); // the expander sits beside the run name, after the pin/hide toggles
    setItemDelegateForColumn(0, m_marks);
    header()->setStretchLastSection(false);
    header()->setSectionsMovable(true);
    header()->setFirstSectionMovable(false);
    header()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header()->setSortIndicatorShown(false);
    connect(header(), &QHeaderView::sortIndicatorChanged, this,
            [this] { header()->setSortIndicatorShown(true); });

    auto *copy = new QAction(tr("Copy"), this);
    copy->setObjectName(QStringLiteral("copyRuns"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &RunsTableView::copySelection);
    addAction(copy);

    connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_kept = captureState(); });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        applyDefaultColumnWidths();
        if (const auto sorted = m_model->sortColumn()) {
            header()->blockSignals(true);
            header()->setSortIndicator(m_model->columnOf(*sorted), m_model->sortOrder());
            header()->blockSignals(false);
            header()->setSortIndicatorShown(true);
        }
        restoreState(m_kept);
    });
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { emit selectedRunsChanged(selectedRunIds()); });
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                emit currentRunChanged(current.data(RunsTableModel::RunIdRole).toString());
            });
    // Pins and hides change which runs the selection hands on.
    connect(model, &RunsTableModel::rowsRebuilt, this,
            [this] { emit selectedRunsChanged(selectedRunIds()); });
}

void RunsTableView::applyDefaultColumnWidths()
{
    for (int column = 0; column < m_model->columnCount(); ++column)
        setColumnWidth(column, defaultWidth(m_model->column(column)));
    fitMetricColumnsToGrouping();
}

void RunsTableView::fitMetricColumnsToGrouping()
{
    // Group rows show "mean (min–max)" in metric columns.
    const int width =
        m_model->groupBy() ? groupedMetricWidth : defaultWidth({RunColumn::Kind::Metric, {}});
    for (int column = 0; column < m_model->columnCount(); ++column) {
        if (m_model->column(column).kind == RunColumn::Kind::Metric)
            setColumnWidth(column, width);
    }
}

QStringList RunsTableView::selectedRunIds(bool includeHidden) const
{
    QModelIndexList rows = selectionModel()->selectedRows(0);
    std::sort(rows.begin(), rows.end(), [this](const QModelIndex &a, const QModelIndex &b) {
        return m_model->tableOrder(a) < m_model->tableOrder(b);
    });
    QStringList ids;
    for (const QModelIndex &row : std::as_const(rows)) {
        const QString id = row.data(RunsTableModel::RunIdRole).toString();
        if (!id.isEmpty() && (includeHidden || !row.data(RunsTableModel::HiddenRole).toBool()))
            ids.append(id);
    }
    return ids;
}

QString RunsTableView::currentRunId() const
{
    return currentIndex().data(RunsTableModel::RunIdRole).toString();
}

bool RunsTableView::selectRuns(const QStringList &runIds)
{
    QItemSelection selection;
    QModelIndex first;
    for (const QString &id : runIds) {
        const QModelIndex index = m_model->indexOfRun(id);
        if (!index.isValid())
            continue;
        for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
            expand(parent);
        selection.select(index, index.siblingAtColumn(m_model->columnCount() - 1));
        if (!first.isValid())
            first = index;
    }
    if (!first.isValid())
        return false;
    selectionModel()->setCurrentIndex(first.siblingAtColumn(1), QItemSelectionModel::NoUpdate);
    selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    scrollTo(first);
    return true;
}

RunsTableView::KeptState RunsTableView::captureState() const
{
    KeptState state;
    state.selected = selectedRunIds(true);
    state.current = currentRunId();
    state.scroll = verticalScrollBar()->value();
    // Only expanded rows matter; walking the top level and nested rows that have children.
    std::vector<QModelIndex> pending{QModelIndex()};
    while (!pending.empty()) {
        const QModelIndex parent = pending.back();
        pending.pop_back();
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex child = m_model->index(row, 0, parent);
            if (m_model->hasChildren(child) && isExpanded(child)) {
                state.expanded.insert(child.data(RunsTableModel::RowKeyRole).toString());
                pending.push_back(child);
            }
        }
    }
    return state;
}

void RunsTableView::restoreState(const KeptState &state)
{
    for (const QString &key : state.expanded) {
        const QModelIndex index = m_model->indexOfRowKey(key);
        if (index.isValid())
            expand(index);
    }
    if (!state.selected.isEmpty())
        selectRuns(state.selected);
    if (const QModelIndex current = m_model->indexOfRun(state.current, 1); current.isValid())
        selectionModel()->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
    verticalScrollBar()->setValue(state.scroll);
}

QList<int> RunsTableView::shownColumns() const
{
    QList<int> columns;
    for (int visual = 0; visual < header()->count(); ++visual) {
        const int logical = header()->logicalIndex(visual);
        if (!header()->isSectionHidden(logical) &&
            m_model->column(logical).kind != RunColumn::Kind::Marks)
            columns.append(logical);
    }
    return columns;
}

QString RunsTableView::selectionAsTsv() const
{
    QModelIndexList rows = selectionModel()->selectedRows(0);
    if (rows.isEmpty())
        return {};
    std::sort(rows.begin(), rows.end(), [this](const QModelIndex &a, const QModelIndex &b) {
        return m_model->tableOrder(a) < m_model->tableOrder(b);
    });
    const QList<int> columns = shownColumns();
    QStringList header;
    for (const int column : columns)
        header.append(m_model->column(column).header());
    QString text = header.join(u'\t') + u'\n';
    for (const QModelIndex &row : std::as_const(rows)) {
        QStringList cells;
        for (const int column : columns)
            cells.append(cellText(row.siblingAtColumn(column)));
        text += cells.join(u'\t') + u'\n';
    }
    return text;
}

void RunsTableView::copySelection() const
{
    const QString text = selectionAsTsv();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

CsvTable RunsTableView::exportTable() const
{
    const QList<int> columns = shownColumns();
    auto rows = std::make_shared<std::vector<QStringList>>();
    std::vector<QModelIndex> pending{QModelIndex()};
    // Depth first, a row before its children, as the table lists them.
    std::vector<QModelIndex> order;
    while (!pending.empty()) {
        const QModelIndex parent = pending.back();
        pending.pop_back();
        if (parent.isValid())
            order.push_back(parent);
        for (int row = m_model->rowCount(parent) - 1; row >= 0; --row)
            pending.push_back(m_model->index(row, 0, parent));
    }
    rows->reserve(order.size());
    for (const QModelIndex &row : order) {
        QStringList cells;
        for (const int column : columns)
            cells.append(row.siblingAtColumn(column).data(RunsTableModel::CopyRole).toString());
        rows->push_back(std::move(cells));
    }
    CsvTable table;
    for (const int column : columns)
        table.header.append(m_model->column(column).id());
    table.rowCount = qsizetype(rows->size());
    table.cell = [rows](qsizetype row, qsizetype column) {
        return (*rows)[std::size_t(row)][column];
    };
    return table;
}

} // namespace assay::ui
