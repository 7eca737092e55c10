#include "data/history_view.h"

#include "common/empty_state.h"
#include "common/list_table.h"
#include "common/theme.h"
#include "data/history_model.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace assay::ui {

HistoryView::HistoryView(QWidget *parent)
    : QWidget(parent), m_stack(new QStackedWidget(this)), m_message(new EmptyState(this)),
      m_page(new QWidget(this)), m_view(new QTableView(m_page)), m_model(new HistoryModel(this)),
      m_hint(new QLabel(m_page)), m_compare(new QPushButton(tr("Compare"), m_page))
{
    // Sorted by raw values (time, size, rows); rows are mapped back to the model before comparing.
    setUpListTable(m_view, m_model, HistoryModel::RawValueRole, QStringLiteral("historyTable"));
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setWordWrap(false);
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(HistoryModel::MessageColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(HistoryModel::DateColumn,
                           fontMetrics().horizontalAdvance(QStringLiteral("2026-01-15 12:00___")));
    m_view->setColumnWidth(HistoryModel::AuthorColumn, 150);
    m_view->setColumnWidth(HistoryModel::SizeColumn, 90);
    m_view->setColumnWidth(HistoryModel::ShapeColumn, 130);
    m_view->setColumnWidth(HistoryModel::CommitColumn, 90);

    m_compare->setObjectName(QStringLiteral("compareVersions"));
    m_compare->setDefault(true);
    m_compare->setEnabled(false);
    QPalette muted = m_hint->palette();
    muted.setColor(QPalette::WindowText, mutedTextColor(palette()));
    m_hint->setPalette(muted);

    auto *actions = new QHBoxLayout;
    actions->setContentsMargins(0, 0, 0, 0);
    actions->addWidget(m_hint, 1);
    actions->addWidget(m_compare);
    auto *pageLayout = new QVBoxLayout(m_page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(6);
    pageLayout->addWidget(m_view, 1);
    pageLayout->addLayout(actions);

    m_stack->addWidget(m_message);
    m_stack->addWidget(m_page);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryView::updateCompareButton);
    connect(m_compare, &QPushButton::clicked, this, &HistoryView::compareSelected);
    connect(m_view, &QTableView::doubleClicked, this,
            [this](const QModelIndex &index) { compareWithPrevious(sourceRow(index)); });
    updateCompareButton();
}

void HistoryView::showMessage(const QString &title, const QString &body)
{
    m_model->setVersions({}, std::nullopt);
    m_message->setContent(title, body);
    m_stack->setCurrentWidget(m_message);
}

void HistoryView::showLoading(const QString &relativePath)
{
    m_model->setVersions({}, std::nullopt);
    m_message->setContent(tr("Reading the history of %1…").arg(relativePath),
                          tr("Walking the git log for changes to its `.dvc` pointer."),
                          EmptyState::Tone::Waiting);
    m_message->setProgress(-1);
    m_stack->setCurrentWidget(m_message);
}

void HistoryView::showError(const QString &message)
{
    m_model->setVersions({}, std::nullopt);
    m_message->setContent(tr("Could not read the history"), message, EmptyState::Tone::Error);
    m_stack->setCurrentWidget(m_message);
}

void HistoryView::setVersions(std::vector<version::DatasetVersion> versions,
                              std::optional<std::uint64_t> workingCopySize)
{
    if (versions.empty()) {
        showMessage(tr("No committed versions yet"),
                    tr("The dataset is tracked but its `.dvc` pointer was never committed. "
                       "`git add` and `git commit` the pointer file (or use Commit in the "
                       "Status tab) to record its first version."));
        return;
    }
    m_model->setVersions(std::move(versions), workingCopySize);
    m_stack->setCurrentWidget(m_page);
    updateCompareButton();
}

bool HistoryView::isShowingVersions() const
{
    return m_stack->currentWidget() == m_page;
}

QList<int> HistoryView::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(sourceRow(index));
    std::sort(rows.begin(), rows.end());
    return rows;
}

void HistoryView::selectRows(const QList<int> &rows)
{
    QItemSelection selection;
    for (int row : rows)
        selection.select(m_model->index(row, 0),
                         m_model->index(row, HistoryModel::ColumnCount - 1));
    const auto *sorted = static_cast<const QSortFilterProxyModel *>(m_view->model());
    m_view->selectionModel()->select(sorted->mapSelectionFromSource(selection),
                                     QItemSelectionModel::ClearAndSelect);
}

int HistoryView::sourceRow(const QModelIndex &viewIndex) const
{
    const auto *sorted = static_cast<const QSortFilterProxyModel *>(m_view->model());
    return sorted->mapToSource(viewIndex).row();
}

void HistoryView::updateCompareButton()
{
    const int count = static_cast<int>(selectedRows().size());
    m_compare->setEnabled(count == 2);
    if (count == 2)
        m_hint->setText(tr("Compare the two selected versions in the Diff tab."));
    else if (m_model->versions().size() + (m_model->hasWorkingCopy() ? 1 : 0) < 2)
        m_hint->setText(tr("Only one version so far: commit a change to compare versions."));
    else
        m_hint->setText(tr("Select two versions (Ctrl+click) to compare them; double-click a "
                           "version to compare it with the one before."));
}

void HistoryView::compareSelected()
{
    const QList<int> rows = selectedRows();
    if (rows.size() != 2)
        return;
    // Rows run newest first: the lower row is the older version, A.
    const QString older = m_model->index(rows[1], 0).data(HistoryModel::CommitRole).toString();
    const QString newer = m_model->index(rows[0], 0).data(HistoryModel::CommitRole).toString();
    emit compareRequested(older, newer);
}

void HistoryView::compareWithPrevious(int row)
{
    if (row + 1 >= m_model->rowCount())
        return;
    emit compareRequested(m_model->index(row + 1, 0).data(HistoryModel::CommitRole).toString(),
                          m_model->index(row, 0).data(HistoryModel::CommitRole).toString());
}

} // namespace assay::ui
