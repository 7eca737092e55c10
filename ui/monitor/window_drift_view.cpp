#include "monitor/window_drift_view.h"

#include "common/empty_state.h"
#include "common/format.h"
#include "common/verdict_banner.h"
#include "data/drift_columns_panel.h"
#include "monitor/monitor_evaluation.h"
#include "shell/job_feedback.h"
#include "shell/job_runner.h"
#include "workspace/workspace.h"

#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace assay::ui {

namespace {

// Enough rows for every test to be sharp, few enough to stay quick on huge windows.
constexpr std::uint64_t kMaxWindowRows = 200'000;

QString percentText(double fraction)
{
    return formatNumber(fraction * 100.0, 3) + QStringLiteral(" %");
}

Result<std::shared_ptr<const drift::DatasetDrift>> computeWindowDrift(
    const std::filesystem::path &root, const std::string &monitor, std::int64_t startNs, std::int64_t endNs,
    const std::string &referenceName, const std::string &currentName, const Progress &progress)
{
    auto workspace = workspace::Workspace::open(root);
    if (!workspace)
        return workspace.error();
    auto reference = monitor::referenceRows(*workspace, monitor);
    if (!reference)
        return reference.error();
    if (progress.isCancelled())
        return Error::cancelled();
    auto current = monitor::windowRows(*workspace, monitor, startNs, endNs, kMaxWindowRows);
    if (!current)
        return current.error();
    if (current->rowCount() == 0)
        return Error::notFound(monitor + ": no logged rows in this window");
    // The reference also holds the target, the window the prediction: compare what both have.
    drift::DriftOptions options;
    for (const auto &column : reference->columns())
        if (current->indexOf(column.name()))
            options.columns.push_back(column.name());
    auto result = drift::computeDrift(*reference, *current, options, progress);
    if (!result)
        return result.error();
    result->reference = referenceName;
    result->current = currentName;
    return std::shared_ptr<const drift::DatasetDrift>(std::make_shared<drift::DatasetDrift>(std::move(*result)));
}

} // namespace

WindowDriftView::WindowDriftView(QWidget *parent)
    : QWidget(parent), m_heading(new QLabel(this)), m_banner(new VerdictBanner(this)),
      m_stack(new QStackedWidget(this)), m_message(new EmptyState(this)),
      m_columns(new DriftColumnsPanel(QStringLiteral("windowDriftTable"), this))
{
    setObjectName(QStringLiteral("windowDriftView"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_heading->setWordWrap(true);

    m_stack->addWidget(m_message);
    m_stack->addWidget(m_columns);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_heading);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);
    m_heading->hide();
    showMessage(tr("No window chosen"),
                tr("Click a window on any chart of the dashboard (or a column of the heatmap) to "
                   "compare its logged rows with the reference here."));
}

WindowDriftView::~WindowDriftView() = default;

void WindowDriftView::showMessage(const QString &title, const QString &body)
{
    m_banner->clear();
    m_message->setContent(title, body);
    m_stack->setCurrentWidget(m_message);
}

bool WindowDriftView::isShowingDrift() const
{
    return m_stack->currentWidget() == m_columns;
}

void WindowDriftView::showWindow(const std::filesystem::path &root, const QString &monitor,
                                 std::int64_t startNs, std::int64_t endNs, const QString &windowLabel,
                                 const QString &referenceLabel)
{
    if (!m_jobs)
        return;
    if (m_job)
        m_job->cancel();
    const quint64 generation = ++m_generation;
    m_startNs = startNs;
    m_drift.reset();
    m_columns->clear();
    m_banner->clear();
    m_referenceName = referenceLabel.isEmpty() ? tr("reference") : referenceLabel;
    m_currentName = tr("%1 window %2").arg(monitor, windowLabel);
    m_heading->setText(tr("Window %1 of %2 against its reference (%3)").arg(windowLabel, monitor, m_referenceName));
    m_heading->show();
    m_job = m_jobs->run(
        tr("Comparing window %1 of %2 with its reference").arg(windowLabel, monitor), this,
        [root, name = monitor.toStdString(), startNs, endNs, reference = m_referenceName.toStdString(),
         current = m_currentName.toStdString()](const Progress &progress) {
            return computeWindowDrift(root, name, startNs, endNs, reference, current, progress);
        },
        [this, generation](Result<std::shared_ptr<const drift::DatasetDrift>> result) {
            if (generation != m_generation)
                return;
            if (!result.ok()) {
                m_banner->clear();
                showJobError(m_message, result.error(), tr("Could not compare the window"),
                             tr("Comparison cancelled"), tr("Click the window again to rerun it."));
                m_stack->setCurrentWidget(m_message);
                return;
            }
            showDrift(std::move(*result));
        });
    showWaitingFor(m_message, m_job, tr("Comparing window %1…").arg(windowLabel),
                   tr("Reading the window's logged rows and the reference, then testing every "
                      "feature; Cancel is in the status bar."));
    m_stack->setCurrentWidget(m_message);
}

void WindowDriftView::showDrift(std::shared_ptr<const drift::DatasetDrift> result)
{
    m_drift = std::move(result);
    const drift::DatasetDrift &d = *m_drift;
    const QString detail = tr("%1 of %2 tested features drifted (%3); the window drifts at %4 or more. "
                              "%5 logged rows against %6 reference rows.")
                               .arg(d.driftedColumns)
                               .arg(d.testedColumns)
                               .arg(percentText(d.shareOfDriftedColumns), percentText(d.driftShare),
                                    formatCount(d.currentRows), formatCount(d.referenceRows));
    if (d.datasetDrift)
        m_banner->setVerdict(StatusTone::Failed, tr("Dataset drift in this window"), detail);
    else if (d.driftedColumns > 0)
        m_banner->setVerdict(StatusTone::Warning, tr("Some features drifted"), detail);
    else
        m_banner->setVerdict(StatusTone::Ok, tr("No drift in this window"), detail);
    m_stack->setCurrentWidget(m_columns);
    m_columns->setDrift(m_drift, m_referenceName, m_currentName);
    emit shown();
}

void WindowDriftView::selectColumn(const QString &column)
{
    m_columns->selectColumn(column);
}

DriftModel *WindowDriftView::model() const
{
    return m_columns->model();
}

QTableView *WindowDriftView::table() const
{
    return m_columns->table();
}

DistributionChart *WindowDriftView::chart() const
{
    return m_columns->chart();
}

} // namespace assay::ui
