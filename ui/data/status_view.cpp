#include "data/status_view.h"

#include "common/empty_state.h"
#include "common/list_table.h"
#include "data/status_model.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace assay::ui {

StatusView::StatusView(QWidget *parent)
    : QWidget(parent), m_stack(new QStackedWidget(this)), m_message(new EmptyState(this)),
      m_page(new QWidget(this)), m_summary(new QLabel(m_page)), m_view(new QTableView(m_page)),
      m_model(new StatusModel(this)), m_add(new QPushButton(tr("Add"), m_page)),
      m_commit(new QPushButton(tr("Commit…"), m_page)),
      m_refresh(new QPushButton(tr("Refresh"), m_page))
{
    setUpListTable(m_view, m_model, Qt::DisplayRole, QStringLiteral("statusTable"));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->horizontalHeader()->setSectionResizeMode(StatusModel::PathColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(StatusModel::StateColumn, 220);
    m_view->setColumnWidth(StatusModel::PointerColumn, 220);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_add->setToolTip(tr("Track the selected file's current content: store it in the cache and "
                         "write its `.dvc` pointer (like `dvc add`)"));
    m_commit->setToolTip(tr("Commit the changed `.dvc` pointers to git: a new version in History"));

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_refresh);
    buttons->addStretch(1);
    buttons->addWidget(m_add);
    buttons->addWidget(m_commit);
    auto *pageLayout = new QVBoxLayout(m_page);
    pageLayout->setContentsMargins(0, 4, 0, 0);
    pageLayout->setSpacing(6);
    pageLayout->addWidget(m_summary);
    pageLayout->addWidget(m_view, 1);
    pageLayout->addLayout(buttons);

    m_stack->addWidget(m_message);
    m_stack->addWidget(m_page);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &StatusView::updateButtons);
    connect(m_add, &QPushButton::clicked, this, [this] {
        const QString path = selectedPath();
        if (!path.isEmpty())
            emit addRequested(path);
    });
    connect(m_commit, &QPushButton::clicked, this, &StatusView::askToCommit);
    connect(m_refresh, &QPushButton::clicked, this, &StatusView::refreshRequested);
    showLoading();
}

void StatusView::showLoading()
{
    m_message->setContent(tr("Checking tracked data…"),
                          tr("Hashing the tracked files that changed since they were last "
                             "looked at, as `assay data status` does."),
                          EmptyState::Tone::Waiting);
    m_message->setProgress(-1);
    m_stack->setCurrentWidget(m_message);
}

void StatusView::showError(const QString &message)
{
    m_message->setContent(tr("Could not check the tracked data"), message, EmptyState::Tone::Error);
    m_stack->setCurrentWidget(m_message);
}

void StatusView::setStatus(const version::StatusReport &report,
                           const std::vector<std::string> &untracked,
                           std::vector<std::string> changedPointers)
{
    const QString selected = selectedPath();
    m_model->setStatus(report, untracked);
    m_changedPointers = std::move(changedPointers);
    using State = StatusModel::State;
    const int missing = m_model->count(State::NotInWorkspace) + m_model->count(State::NotInCache);
    QStringList parts{tr("%1 tracked").arg(report.outputs.size()),
                      tr("%1 modified").arg(m_model->count(State::Modified)),
                      tr("%1 missing").arg(missing),
                      tr("%1 untracked").arg(m_model->count(State::Untracked))};
    QString summary = parts.join(QStringLiteral(" · "));
    if (!m_changedPointers.empty()) {
        QStringList files;
        for (const std::string &file : m_changedPointers)
            files.append(QString::fromStdString(file));
        summary += u'\n' + tr("Ready to commit: %1").arg(files.join(QStringLiteral(", ")));
    } else if (m_model->count(State::Modified) > 0) {
        summary += u'\n' + tr("Add a modified file to record its new content, then Commit.");
    }
    m_summary->setText(summary);
    if (m_model->rowCount() == 0) {
        m_message->setContent(tr("No table files in this workspace"),
                              tr("Copy a CSV, TSV or JSON Lines file into the folder, then "
                                 "`assay data add FILE` tracks it."));
        m_stack->setCurrentWidget(m_message);
    } else {
        m_stack->setCurrentWidget(m_page);
    }
    selectDataset(selected);
    updateButtons();
}

void StatusView::selectDataset(const QString &relativePath)
{
    const int row = m_model->rowOf(relativePath);
    const auto *sorted = static_cast<const QSortFilterProxyModel *>(m_view->model());
    if (row >= 0)
        m_view->selectRow(sorted->mapFromSource(m_model->index(row, 0)).row());
}

void StatusView::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

QString StatusView::summaryText() const
{
    return m_summary->text();
}

bool StatusView::isShowingStatus() const
{
    return m_stack->currentWidget() == m_page;
}

QString StatusView::selectedPath() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(StatusModel::RelativePathRole).toString();
}

void StatusView::updateButtons()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const auto state =
        rows.isEmpty()
            ? StatusModel::State::Unchanged
            : static_cast<StatusModel::State>(rows.first().data(StatusModel::StateRole).toInt());
    m_add->setEnabled(!m_busy && (state == StatusModel::State::Modified ||
                                  state == StatusModel::State::Untracked));
    m_commit->setEnabled(!m_busy && !m_changedPointers.empty());
    m_refresh->setEnabled(!m_busy);
}

void StatusView::askToCommit()
{
    QStringList files;
    for (const std::string &file : m_changedPointers)
        files.append(QString::fromStdString(file));
    bool ok = false;
    const QString message = QInputDialog::getText(
        this, tr("Commit Data Changes"),
        tr("Commit %1 to git with the message:").arg(files.join(QStringLiteral(", "))),
        QLineEdit::Normal, tr("Update %1").arg(files.join(QStringLiteral(", "))), &ok);
    if (ok && !message.trimmed().isEmpty())
        emit commitRequested(message.trimmed());
}

} // namespace assay::ui
