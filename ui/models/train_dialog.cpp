#include "models/train_dialog.h"

#include "common/empty_state.h"
#include "common/theme.h"
#include "common/verdict_banner.h"
#include "models/train_curve.h"
#include "models/train_form.h"
#include "models/train_iteration_feed.h"
#include "models/train_summary.h"
#include "shell/job_runner.h"
#include "shell/workspace_session.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace assay::ui {

namespace {

// Repaints of the live curve per second at most; the trainer may report far more rounds.
constexpr int kCurveRefreshMs = 100;
constexpr int kProgressSteps = 1000;
constexpr int kFormWidth = 780;

QStringList segmentNames(const model::TrainRequest &request)
{
    if (request.folds <= 0)
        return {};
    QStringList names;
    for (int fold = 1; fold <= request.folds; ++fold)
        names.append(TrainDialog::tr("fold %1").arg(fold));
    names.append(TrainDialog::tr("final"));
    return names;
}

} // namespace

TrainDialog::TrainDialog(std::shared_ptr<WorkspaceSession> session, JobRunner &jobs,
                         QWidget *parent)
    : QDialog(parent), m_jobs(jobs), m_form(new TrainForm(jobs, this)),
      m_curveStack(new QStackedWidget(this)), m_curveEmpty(new EmptyState(this)),
      m_curve(new TrainCurve(this)), m_progress(new QProgressBar(this)), m_stage(new QLabel(this)),
      m_banner(new VerdictBanner(this)), m_problem(new QLabel(this))
{
    setWindowTitle(tr("Train a model"));
    setSizeGripEnabled(true);
    resize(1320, 800);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_form);
    splitter->addWidget(createTrainingPanel());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    // The form at a comfortable width, the curve takes the rest (and what a wider window adds).
    splitter->setSizes({kFormWidth, width() - kFormWidth});
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(createButtons());

    m_drainTimer.setInterval(kCurveRefreshMs);
    connect(&m_drainTimer, &QTimer::timeout, this, &TrainDialog::drainIterations);
    connect(m_form, &TrainForm::changed, this, &TrainDialog::updateButtons);
    setWorkspace(std::move(session));
}

QWidget *TrainDialog::createTrainingPanel()
{
    auto *panel = new QWidget(this);
    m_curveEmpty->setContent(
        tr("No training yet"),
        tr("Choose the data, the target and a model, then Train. Boosted trees and logistic "
           "regression draw their training and validation loss here round by round."));
    // The explanation wraps to whatever width the splitter leaves.
    m_curveEmpty->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_curveStack->addWidget(m_curveEmpty);
    m_curveStack->addWidget(m_curve);
    m_curve->setObjectName(QStringLiteral("trainCurve"));
    m_progress->setRange(0, kProgressSteps);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_stage->hide();

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_stage);

    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_curveStack, 1);
    layout->addLayout(progressRow);
    layout->addWidget(m_banner);
    return panel;
}

QWidget *TrainDialog::createButtons()
{
    auto *row = new QWidget(this);
    m_copy = new QPushButton(tr("Copy as command"), row);
    m_copy->setToolTip(tr("Copy the `assay train` command that trains the same model from the "
                          "workspace folder"));
    m_train = new QPushButton(tr("Train"), row);
    m_train->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel training"), row);
    m_cancel->setToolTip(tr("Stop the training; its run is recorded as KILLED"));
    m_openRun = new QPushButton(tr("Show results"), row);
    m_openRun->setToolTip(tr("Open the run just trained in the Models area"));
    m_close = new QPushButton(tr("Close"), row);
    m_close->setAutoDefault(false);
    m_problem->setWordWrap(true);
    QPalette muted = m_problem->palette();
    muted.setColor(QPalette::WindowText, mutedTextColor(muted));
    m_problem->setPalette(muted);

    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_copy);
    layout->addWidget(m_problem, 1);
    layout->addWidget(m_train);
    layout->addWidget(m_cancel);
    layout->addWidget(m_openRun);
    layout->addWidget(m_close);

    connect(m_copy, &QPushButton::clicked, this, &TrainDialog::copyCommand);
    connect(m_train, &QPushButton::clicked, this, &TrainDialog::startTraining);
    connect(m_cancel, &QPushButton::clicked, this, &TrainDialog::cancelTraining);
    connect(m_openRun, &QPushButton::clicked, this, [this] {
        if (!m_lastRunId.isEmpty())
            emit runTrained(m_lastRunId);
    });
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    updateButtons();
    return row;
}

void TrainDialog::setWorkspace(std::shared_ptr<WorkspaceSession> session)
{
    m_session = std::move(session);
    m_form->setWorkspace(m_session);
    updateButtons();
}

void TrainDialog::updateButtons()
{
    const QString problem = m_form->problem();
    const bool training = isTraining();
    m_problem->setText(training ? QString() : problem);
    m_train->setEnabled(!training && problem.isEmpty() && m_session);
    m_copy->setEnabled(problem.isEmpty());
    m_cancel->setEnabled(training);
    m_cancel->setVisible(training);
    m_openRun->setVisible(!m_lastRunId.isEmpty() && !training);
    m_form->setEnabled(!training);
}

void TrainDialog::copyCommand()
{
    QApplication::clipboard()->setText(m_form->commandLine());
}

bool TrainDialog::startTraining()
{
    if (isTraining() || !m_session || !m_form->problem().isEmpty())
        return false;
    const model::TrainRequest request = m_form->request();
    m_lastRunId.clear();
    m_feed = std::make_shared<TrainIterationFeed>();
    m_curve->clear();
    m_curve->setSegmentNames(segmentNames(request));
    m_curveEmpty->setContent(tr("Training %1").arg(QString::fromStdString(request.trainer)),
                             tr("Waiting for the first round…"), EmptyState::Tone::Waiting);
    m_curveStack->setCurrentWidget(m_curveEmpty);
    m_banner->clear();
    m_progress->setValue(0);
    m_progress->show();
    m_stage->show();
    m_stage->setText(tr("reading the data"));
    m_trainerOfJob = QString::fromStdString(request.trainer);

    const std::filesystem::path root = m_session->root();
    const std::shared_ptr<TrainIterationFeed> feed = m_feed;
    m_job = m_jobs.run(
        tr("Training %1 on %2").arg(m_trainerOfJob, QString::fromStdString(request.target)), this,
        [root, request, feed](const Progress &progress) -> Result<model::TrainOutcome> {
            auto workspace = workspace::Workspace::open(root);
            if (!workspace)
                return workspace.error();
            return model::trainAndRecord(
                *workspace, request, progress,
                [feed](const model::IterationReport &report) { feed->push(report); });
        },
        [this](Result<model::TrainOutcome> outcome) { finish(std::move(outcome)); });
    connect(m_job, &Job::progressChanged, this, &TrainDialog::showProgress);
    m_drainTimer.start();
    updateButtons();
    return true;
}

void TrainDialog::cancelTraining()
{
    if (m_job) {
        m_job->cancel();
        m_stage->setText(tr("cancelling…"));
        m_cancel->setEnabled(false);
    }
}

void TrainDialog::showProgress()
{
    if (!m_job)
        return;
    const double fraction = m_job->fraction();
    if (fraction < 0) {
        m_progress->setRange(0, 0);
    } else {
        m_progress->setRange(0, kProgressSteps);
        m_progress->setValue(int(fraction * kProgressSteps));
    }
    const QString stage = m_job->stage();
    if (!stage.isEmpty() && !m_job->isCancelRequested())
        m_stage->setText(stage);
}

void TrainDialog::drainIterations()
{
    if (!m_feed)
        return;
    std::vector<model::IterationReport> reports = m_feed->take();
    if (reports.empty())
        return;
    m_curve->append(reports);
    m_curveStack->setCurrentWidget(m_curve);
}

void TrainDialog::finish(Result<model::TrainOutcome> outcome)
{
    drainIterations();
    m_drainTimer.stop();
    m_job = nullptr;
    m_progress->hide();
    m_stage->hide();
    if (m_curve->isEmpty()) {
        m_curveEmpty->setContent(
            tr("No training curve"),
            tr("%1 does not report its loss round by round; the metrics are below.")
                .arg(m_trainerOfJob));
        m_curveStack->setCurrentWidget(m_curveEmpty);
    }
    if (!outcome.ok()) {
        const bool cancelled = outcome.error().kind == ErrorKind::Cancelled;
        m_banner->setVerdict(cancelled ? StatusTone::Warning : StatusTone::Failed,
                             cancelled ? tr("Cancelled") : tr("Training failed"),
                             cancelled ? tr("The run is recorded as KILLED.")
                                       : QString::fromStdString(outcome.error().message));
        if (!cancelled && m_curve->isEmpty())
            m_curveEmpty->setContent(tr("Training failed"),
                                     tr("It stopped before its first round; the reason is below."),
                                     EmptyState::Tone::Error);
        updateButtons();
        return;
    }
    m_lastRunId = QString::fromStdString(outcome->runId);
    const TrainSummary summary = summarise(*outcome);
    m_banner->setVerdict(StatusTone::Ok, summary.headline, summary.detail);
    updateButtons();
    m_openRun->setFocus();
    emit runRecorded(m_lastRunId);
}

} // namespace assay::ui
