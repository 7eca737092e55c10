#include "runs/run_comparison_panel.h"

#include "common/empty_state.h"
#include "common/table_actions.h"
#include "runs/parallel_coordinates_view.h"
#include "runs/run_comparison_delegate.h"
#include "runs/run_comparison_field.h"
#include "runs/run_comparison_model.h"
#include "runs/run_palette.h"
#include "runs/run_swatch.h"
#include "runs/run_scatter_view.h"
#include "shell/job_runner.h"
#include "track/run_query.h"
#include "workspace/workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace assay::ui {

namespace {

constexpr int kMinColumnWidth = 90;
constexpr int kMaxColumnWidth = 180;
constexpr int kMaxRowHeaderWidth = 260;

// Datasets and artifacts of each run, read through one connection on a worker.
Result<std::vector<track::RunRecord>> readRunDetails(const std::filesystem::path &root,
                                                     const std::vector<std::string> &runIds,
                                                     const Progress &progress)
{
    auto workspace = workspace::Workspace::open(root);
    if (!workspace)
        return workspace.error();
    std::vector<track::RunRecord> records;
    records.reserve(runIds.size());
    for (std::size_t i = 0; i < runIds.size(); ++i) {
        if (progress.isCancelled())
            return Error{ErrorKind::Cancelled, "cancelled"};
        auto record = track::loadRun(workspace->database(), runIds[i]);
        if (!record)
            return record.error();
        records.push_back(std::move(*record));
        progress.report(double(i + 1) / double(runIds.size()));
    }
    return records;
}

} // namespace

RunComparisonPanel::RunComparisonPanel(QWidget *parent)
    : QWidget(parent), m_stack(new QStackedWidget(this)), m_empty(new EmptyState(this)),
      m_content(new QWidget(this)), m_baseline(new QComboBox(m_content)),
      m_differencesOnly(new QCheckBox(tr("Differences only"), m_content)),
      m_count(new QLabel(m_content)), m_splitter(new QSplitter(Qt::Vertical, m_content)),
      m_table(new QTableView(m_splitter)), m_model(new RunComparisonModel(this)),
      m_charts(new QTabWidget(m_splitter)), m_parallel(new ParallelCoordinatesView(m_charts)),
      m_scatter(new RunScatterView(m_charts))
{
    m_baseline->setObjectName(QStringLiteral("comparisonBaseline"));
    m_baseline->setToolTip(tr("Metric deltas are shown against this run"));
    m_baseline->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_baseline->setMaxVisibleItems(25);
    m_differencesOnly->setObjectName(QStringLiteral("comparisonDifferencesOnly"));
    m_differencesOnly->setToolTip(tr("Hide rows whose values are the same in every run"));
    m_count->setEnabled(false);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(new QLabel(tr("Baseline"), m_content));
    bar->addWidget(m_baseline);
    bar->addSpacing(12);
    bar->addWidget(m_differencesOnly);
    bar->addSpacing(8);
    bar->addWidget(m_count, 1);

    m_table->setObjectName(QStringLiteral("runComparisonTable"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new RunComparisonDelegate(m_table));
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setShowGrid(true);
    QHeaderView *rows = m_table->verticalHeader();
    rows->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    rows->setMaximumWidth(kMaxRowHeaderWidth);
    rows->setTextElideMode(Qt::ElideMiddle);
    QHeaderView *columns = m_table->horizontalHeader();
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    columns->setHighlightSections(false);
    columns->setTextElideMode(Qt::ElideRight);
    // Copy and Export CSV; the row names live in the vertical header, so the export source
    // set in setSource() adds them as the first column.
    TableActions::install(m_table, QStringLiteral("runComparison"), Qt::DisplayRole);

    m_charts->setDocumentMode(true);
    m_charts->addTab(m_parallel, tr("Parallel coordinates"));
    m_charts->addTab(m_scatter, tr("Scatter"));
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_charts);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 4, 0, 0);
    contentLayout->setSpacing(6);
    contentLayout->addLayout(bar);
    contentLayout->addWidget(m_splitter, 1);

    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_baseline, &QComboBox::activated, m_model, &RunComparisonModel::setBaseline);
    connect(m_differencesOnly, &QCheckBox::toggled, this, [this](bool only) {
        m_model->setDifferencesOnly(only);
        updateCount();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateCount();
        fitRows();
    });
    m_empty->setContent(tr("Nothing to compare"),
                        tr("Select two or more runs in the table to compare them."));
}

RunComparisonPanel::~RunComparisonPanel() = default;

void RunComparisonPanel::setSource(JobRunner *jobs, std::filesystem::path workspaceRoot)
{
    m_jobs = jobs;
    m_root = std::move(workspaceRoot);
    if (TableActions *actions = TableActions::of(m_table))
        actions->setBackgroundExport(
            [this](const QList<int> &runColumns) {
                CsvTable table;
                table.header << tr("field");
                for (int column : runColumns)
                    table.header << runLabel(m_model->runs()[std::size_t(column)].info);
                QList<QStringList> cells;
                for (int row = 0; row < m_model->rowCount(); ++row) {
                    QStringList line{m_model->headerData(row, Qt::Vertical).toString()};
                    for (int column : runColumns)
                        line << m_model->index(row, column).data().toString();
                    cells << line;
                }
                table.rowCount = cells.size();
                table.cell = [cells](qsizetype row, qsizetype column) {
                    return cells[row][column];
                };
                return table;
            },
            m_jobs);
}

void RunComparisonPanel::setRuns(std::shared_ptr<const RunsSnapshot> snapshot, QStringList runIds)
{
    if (m_detailsJob)
        m_detailsJob->cancel();
    ++m_generation;
    m_snapshot = std::move(snapshot);
    m_runIds.clear();
    std::vector<track::RunRecord> runs;
    std::vector<const track::RunRecord *> chosen;
    if (m_snapshot) {
        for (const QString &id : runIds) {
            if (const track::RunRecord *run = m_snapshot->find(id)) {
                m_runIds << id;
                runs.push_back(*run);
                chosen.push_back(run);
            }
        }
    }
    if (runs.size() < 2) {
        m_model->setRuns({});
        m_parallel->setRuns({});
        m_scatter->setRuns({});
        m_empty->setContent(tr("Nothing to compare"),
                            runs.empty()
                                ? tr("Select two or more runs in the table to compare them.")
                                : tr("Select two or more runs in the table to compare "
                                     "them (Ctrl+click or Shift+click adds runs)."));
        m_stack->setCurrentWidget(m_empty);
        return;
    }

    std::map<std::string, QString> runNames;
    for (const track::RunRecord &run : runs)
        if (run.info.parentRunId)
            if (const track::RunRecord *parent = m_snapshot->find(*run.info.parentRunId))
                runNames.emplace(parent->info.runId, runLabel(parent->info));
    m_model->setRuns(std::move(runs), std::move(runNames), m_jobs != nullptr);
    m_baseline->clear();
    for (const track::RunRecord *run : chosen)
        m_baseline->addItem(runSwatch(runColor(QString::fromStdString(run->info.runId))),
                            runLabel(run->info));
    m_baseline->setCurrentIndex(0);
    m_parallel->setRuns(chosen);
    m_scatter->setRuns(chosen);
    showComparison();
    loadDetails();
}

bool RunComparisonPanel::isComparing() const
{
    return m_stack->currentWidget() == m_content;
}

void RunComparisonPanel::loadDetails()
{
    if (!m_jobs || m_root.empty())
        return;
    std::vector<std::string> ids;
    for (const QString &id : m_runIds)
        ids.push_back(id.toStdString());
    const quint64 generation = m_generation;
    m_detailsJob = m_jobs->run(
        tr("Reading datasets of %n run(s)", nullptr, int(ids.size())), this,
        [root = m_root, ids](const Progress &progress) {
            return readRunDetails(root, ids, progress);
        },
        [this, generation](Result<std::vector<track::RunRecord>> records) {
            if (generation != m_generation)
                return;
            // A run removed meanwhile, or a cancelled read, leaves the section as it is.
            m_model->setRunDetails(records ? *records : std::vector<track::RunRecord>{});
            fitColumns();
        });
}

void RunComparisonPanel::showComparison()
{
    m_stack->setCurrentWidget(m_content);
    fitColumns();
    updateCount();
}

void RunComparisonPanel::fitColumns()
{
    // Contents decide the width within bounds, so 60 runs scroll instead of squeezing.
    m_table->resizeColumnsToContents();
    for (int column = 0; column < m_model->columnCount(); ++column)
        m_table->setColumnWidth(
            column, std::clamp(m_table->columnWidth(column), kMinColumnWidth, kMaxColumnWidth));
}

void RunComparisonPanel::fitRows()
{
    const int height = RunComparisonDelegate::twoLineHeight(m_table->fontMetrics());
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (const ComparisonRow *field = m_model->fieldAt(row);
            field && field->section == ComparisonSection::Metrics)
            m_table->verticalHeader()->resizeSection(row, height);
}

void RunComparisonPanel::updateCount()
{
    m_count->setText(
        tr("%1 of %2 rows differ").arg(m_model->differingRowCount()).arg(m_model->fieldRowCount()));
}

} // namespace assay::ui
