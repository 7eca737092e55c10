#include "common/table_actions.h"

#include "common/tsv.h"
#include "shell/job_runner.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QTableView>

namespace assay::ui {

namespace {
const auto hiddenColumnsGroup = QStringLiteral("hiddenColumns");
} // namespace

TableActions *TableActions::install(QTableView *view, const QString &settingsKey, int role)
{
    return new TableActions(view, settingsKey, role);
}

TableActions *TableActions::of(const QTableView *view)
{
    return view ? view->findChild<TableActions *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

TableActions::TableActions(QTableView *view, QString settingsKey, int role)
    : QObject(view), m_view(view), m_settingsKey(std::move(settingsKey)), m_role(role),
      m_export(new QAction(tr("Export CSV…"), view))
{
    auto *copy = new QAction(tr("Copy"), view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    copy->setShortcutVisibleInContextMenu(true);
    connect(copy, &QAction::triggered, this, &TableActions::copySelection);
    m_export->setObjectName(QStringLiteral("exportCsv"));
    m_export->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    m_export->setShortcutContext(Qt::WidgetShortcut);
    m_export->setShortcutVisibleInContextMenu(true);
    connect(m_export, &QAction::triggered, this, &TableActions::exportCsv);
    view->addAction(copy);
    view->addAction(m_export);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);

    QHeaderView *header = view->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu *menu = createColumnMenu(m_view);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_view->horizontalHeader()->viewport()->mapToGlobal(pos));
    });
    // New data (another dataset, another diff) keeps the columns hidden by name.
    if (QAbstractItemModel *model = view->model()) {
        connect(model, &QAbstractItemModel::modelReset, this, &TableActions::applyHiddenColumns);
        connect(model, &QAbstractItemModel::columnsInserted, this,
                &TableActions::applyHiddenColumns);
        connect(model, &QAbstractItemModel::layoutChanged, this, &TableActions::applyHiddenColumns);
    }
}

void TableActions::setBackgroundExport(CsvSource source, JobRunner *jobs)
{
    m_source = std::move(source);
    m_jobs = jobs;
}

QString TableActions::columnName(int column) const
{
    const QAbstractItemModel *model = m_view->model();
    return model ? model->headerData(column, Qt::Horizontal).toString().section(u'\n', 0, 0)
                 : QString();
}

void TableActions::setHiddenColumns(const QStringList &names)
{
    m_hidden = names;
    applyHiddenColumns();
}

void TableActions::applyHiddenColumns()
{
    const QAbstractItemModel *model = m_view->model();
    if (!model)
        return;
    int shown = 0;
    for (int column = 0; column < model->columnCount(); ++column) {
        const bool hidden = m_hidden.contains(columnName(column));
        m_view->setColumnHidden(column, hidden);
        shown += hidden ? 0 : 1;
    }
    // Never leave a table without columns: a header with nothing to right-click.
    if (shown == 0 && model->columnCount() > 0)
        m_view->setColumnHidden(0, false);
}

void TableActions::setColumnHidden(int column, bool hidden)
{
    const QString name = columnName(column);
    m_hidden.removeAll(name);
    if (hidden)
        m_hidden.append(name);
    applyHiddenColumns();
}

QMenu *TableActions::createColumnMenu(QWidget *parent)
{
    auto *menu = new QMenu(parent);
    const QAbstractItemModel *model = m_view->model();
    if (!model)
        return menu;
    const QList<int> visible = visibleColumns(*m_view);
    const QHeaderView *header = m_view->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        QAction *action = menu->addAction(columnName(column));
        action->setCheckable(true);
        action->setChecked(!m_view->isColumnHidden(column));
        // The last visible column stays: hiding it would leave nothing to click.
        action->setEnabled(!(visible.size() == 1 && visible.first() == column));
        connect(action, &QAction::toggled, this,
                [this, column](bool checked) { setColumnHidden(column, !checked); });
    }
    menu->addSeparator();
    QAction *showAll = menu->addAction(tr("Show All Columns"));
    showAll->setEnabled(visible.size() < model->columnCount());
    connect(showAll, &QAction::triggered, this, [this] { setHiddenColumns({}); });
    return menu;
}

void TableActions::copySelection() const
{
    const QString text = selectionToTsv(
        m_view->selectionModel() ? m_view->selectionModel()->selectedIndexes() : QModelIndexList(),
        m_role);
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void TableActions::exportCsv()
{
    if (!m_view->model())
        return;
    const QString path = QFileDialog::getSaveFileName(m_view, tr("Export CSV"),
                                                      m_settingsKey + QStringLiteral(".csv"),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    const Status written = exportTo(path);
    if (!written.ok())
        reportExport(path, written);
}

Status TableActions::exportTo(const QString &path)
{
    if (!m_source || !m_jobs) {
        const Status written = saveCsv(path, viewSnapshot(*m_view, m_role));
        emit exportFinished(path, written.ok(),
                            written.ok() ? QString()
                                         : QString::fromStdString(written.error().message));
        return written;
    }
    CsvTable table = m_source(visibleColumns(*m_view));
    m_jobs->run(
        tr("Exporting %1").arg(path), this,
        [path, table = std::move(table)](const Progress &progress) {
            return saveCsv(path, table, progress);
        },
        [this, path](Status written) { reportExport(path, written); });
    return {};
}

void TableActions::reportExport(const QString &path, const Status &written)
{
    const QString message =
        written.ok() ? QString() : QString::fromStdString(written.error().message);
    emit exportFinished(path, written.ok(), message);
    if (!written.ok() && written.error().kind != ErrorKind::Cancelled)
        QMessageBox::warning(m_view, tr("Export CSV"), message);
}

void TableActions::saveAll(QSettings &settings, const QWidget *root)
{
    settings.beginGroup(hiddenColumnsGroup);
    for (const TableActions *actions : root->findChildren<TableActions *>())
        settings.setValue(actions->settingsKey(), actions->hiddenColumns());
    settings.endGroup();
}

void TableActions::restoreAll(QSettings &settings, QWidget *root)
{
    settings.beginGroup(hiddenColumnsGroup);
    for (TableActions *actions : root->findChildren<TableActions *>()) {
        if (settings.contains(actions->settingsKey()))
            actions->setHiddenColumns(settings.value(actions->settingsKey()).toStringList());
    }
    settings.endGroup();
}

} // namespace assay::ui
