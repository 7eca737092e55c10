#include "data/dataset_pane.h"

#include "common/empty_state.h"
#include "common/table_actions.h"
#include "common/theme.h"
#include "data/data_table_view.h"
#include "data/dataset_summary.h"
#include "data/diff_view.h"
#include "data/history_view.h"
#include "data/profile_view.h"
#include "data/schema_view.h"
#include "data/drift_view.h"
#include "data/status_view.h"
#include "data/table_model.h"
#include "shell/job.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace assay::ui {

DatasetPane::DatasetPane(QWidget *parent)
    : QWidget(parent), m_path(new QLabel(this)), m_summary(new QLabel(this)),
      m_tabs(new QTabWidget(this)), m_stack(new QStackedWidget(m_tabs)),
      m_message(new EmptyState(this)), m_view(new DataTableView(this)),
      m_model(new TableModel(this)), m_profile(new ProfileView(m_tabs)),
      m_schema(new SchemaView(m_tabs)), m_drift(new DriftView(m_tabs)),
      m_history(new HistoryView(m_tabs)),
      m_diff(new DiffView(m_tabs)), m_status(new StatusView(m_tabs))
{
    m_view->setObjectName(QStringLiteral("datasetTable"));
    m_view->setModel(m_model);
    // Sorting by a header click: ascending, descending, then file order again.
    QHeaderView *header = m_view->horizontalHeader();
    header->setSortIndicator(-1, Qt::AscendingOrder);
    header->setSortIndicatorClearable(true);
    m_view->setSortingEnabled(true);
    TableActions::install(m_view, QStringLiteral("datasetTable"), TableModel::ExportTextRole);
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_view);
    m_tabs->setObjectName(QStringLiteral("datasetTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_stack, tr("Table"));
    m_tabs->addTab(m_profile, tr("Profile"));
    m_tabs->addTab(m_schema, tr("Schema"));
    m_tabs->addTab(m_drift, tr("Drift"));
    m_tabs->addTab(m_history, tr("History"));
    m_tabs->addTab(m_diff, tr("Diff"));
    m_tabs->addTab(m_status, tr("Status"));

    QFont pathFont = m_path->font();
    pathFont.setBold(true);
    m_path->setFont(pathFont);
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setObjectName(QStringLiteral("datasetSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette muted = m_summary->palette();
    muted.setColor(QPalette::WindowText, mutedTextColor(palette()).darker(115));
    m_summary->setPalette(muted);

    auto *heading = new QHBoxLayout;
    heading->setContentsMargins(2, 0, 2, 0);
    heading->setSpacing(12);
    heading->addWidget(m_path);
    heading->addWidget(m_summary, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(heading);
    layout->addWidget(m_tabs, 1);
    setHeading({}, {});
}

void DatasetPane::setJobRunner(JobRunner *jobs)
{
    m_model->setJobRunner(jobs);
    TableActions::of(m_view)->setBackgroundExport(
        [model = m_model](const QList<int> &columns) { return model->csvTable(columns); }, jobs);
}

void DatasetPane::setHeading(const QString &path, const QString &summary)
{
    m_path->setText(path);
    m_summary->setText(summary);
    // Keeps the pane from jumping when the heading appears.
    m_path->setMinimumHeight(m_path->fontMetrics().height() + 6);
}

void DatasetPane::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(static_cast<int>(tab));
}

DatasetPane::Tab DatasetPane::currentTab() const
{
    return static_cast<Tab>(m_tabs->currentIndex());
}

void DatasetPane::showMessage(const QString &title, const QString &body)
{
    m_job = nullptr;
    setHeading({}, {});
    m_model->setTable(nullptr);
    m_message->setContent(title, body);
    m_stack->setCurrentWidget(m_message);
}

void DatasetPane::showLoading(const QString &relativePath, Job *job)
{
    if (m_job)
        disconnect(m_job, nullptr, this, nullptr);
    m_job = job;
    setHeading(relativePath, tr("loading…"));
    m_model->setTable(nullptr);
    m_message->setContent(tr("Reading %1…").arg(relativePath),
                          tr("Parsing the file and inferring column types in the background. "
                             "The window stays usable; Cancel is in the status bar."),
                          EmptyState::Tone::Waiting);
    m_stack->setCurrentWidget(m_message);
    if (job) {
        connect(job, &Job::progressChanged, this,
                [this, job] { m_message->setProgress(job->fraction()); });
    }
}

void DatasetPane::showError(const QString &relativePath, const QString &message)
{
    m_job = nullptr;
    setHeading(relativePath, tr("could not be read"));
    m_model->setTable(nullptr);
    m_message->setContent(tr("Could not read %1").arg(relativePath), message,
                          EmptyState::Tone::Error);
    m_stack->setCurrentWidget(m_message);
}

void DatasetPane::showTable(const workspace::DatasetEntry &entry,
                            std::shared_ptr<const table::Table> table)
{
    m_job = nullptr;
    const auto rows = table ? table->rowCount() : 0;
    const auto columns = table ? table->columnCount() : 0;
    setHeading(QString::fromStdString(entry.relativePath), datasetSummary(entry, rows, columns));
    // A new table opens in file order.
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_model->setTable(std::move(table));
    m_view->fitColumnsToSample();
    m_view->scrollToTop();
    m_stack->setCurrentWidget(m_view);
}

bool DatasetPane::isShowingTable() const
{
    return m_stack->currentWidget() == m_view;
}

QString DatasetPane::summaryText() const
{
    return m_summary->text();
}

} // namespace assay::ui
