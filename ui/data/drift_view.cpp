#include "data/drift_view.h"

#include "common/empty_state.h"
#include "common/format.h"
#include "common/verdict_banner.h"
#include "data/diff_command.h"
#include "data/drift_columns_panel.h"
#include "data/drift_model.h"
#include "data/version_picker.h"
#include "shell/job_feedback.h"
#include "shell/job_runner.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace assay::ui {

namespace {

using drift::DriftTest;

const DriftTest kTests[] = {DriftTest::Auto, DriftTest::Ks, DriftTest::ChiSquare, DriftTest::Z,
                            DriftTest::Wasserstein, DriftTest::JensenShannon, DriftTest::Psi,
                            DriftTest::Linf};

QString percentText(double fraction)
{
    return formatNumber(fraction * 100.0, 3) + QStringLiteral(" %");
}

} // namespace

DriftView::DriftView(QWidget *parent)
    : QWidget(parent), m_reference(new VersionPicker(this)), m_current(new VersionPicker(this)),
      m_testPicker(new QComboBox(this)), m_copyCommand(new QToolButton(this)),
      m_banner(new VerdictBanner(this)), m_stack(new QStackedWidget(this)),
      m_message(new EmptyState(this)), m_columns(new DriftColumnsPanel(QStringLiteral("driftTable"), this))
{
    m_reference->setObjectName(QStringLiteral("driftReference"));
    m_current->setObjectName(QStringLiteral("driftCurrent"));
    for (DriftTest test : kTests)
        m_testPicker->addItem(QString::fromUtf8(drift::testName(test)), int(test));
    m_testPicker->setToolTip(tr("auto picks per column: KS or chi-square/z for small references, "
                                "Wasserstein or Jensen–Shannon beyond 1000 rows"));
    m_copyCommand->setText(tr("Copy as command"));
    m_copyCommand->setToolTip(tr("Copy the equivalent `assay drift` command line"));
    m_copyCommand->setEnabled(false);

    auto *pickers = new QHBoxLayout;
    pickers->setSpacing(6);
    pickers->addWidget(new QLabel(tr("Reference"), this));
    pickers->addWidget(m_reference, 1);
    pickers->addWidget(new QLabel(tr("→ Current"), this));
    pickers->addWidget(m_current, 1);
    pickers->addSpacing(8);
    pickers->addWidget(new QLabel(tr("Test"), this));
    pickers->addWidget(m_testPicker);
    pickers->addWidget(m_copyCommand);

    m_stack->addWidget(m_message);
    m_stack->addWidget(m_columns);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(pickers);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);

    connect(m_reference, &VersionPicker::refChanged, this, &DriftView::run);
    connect(m_current, &VersionPicker::refChanged, this, &DriftView::run);
    connect(m_testPicker, &QComboBox::activated, this, &DriftView::run);
    connect(m_copyCommand, &QToolButton::clicked, this,
            [this] { QApplication::clipboard()->setText(commandLine()); });
    showMessage(tr("No dataset selected"), tr("Choose a dataset in the list."));
}

DriftView::~DriftView() = default;

void DriftView::setDataset(const std::filesystem::path &root, const QString &relativePath,
                           const std::vector<version::DatasetVersion> &versions, bool workingCopy)
{
    if (m_job)
        m_job->cancel();
    ++m_generation;
    m_drift.reset();
    m_columns->clear();
    m_banner->clear();
    m_copyCommand->setEnabled(false);
    m_reference->setDataset(root, relativePath, versions, workingCopy);
    m_current->setDataset(root, relativePath, versions, workingCopy);
    // Default: the version before the latest against what is newest (the working copy).
    if (versions.size() >= 2)
        m_reference->selectCommit(QString::fromStdString(versions[1].commit));
    else if (!versions.empty() && workingCopy)
        m_reference->selectCommit(QString::fromStdString(versions[0].commit));
    if (!workingCopy && !versions.empty())
        m_current->selectCommit(QString::fromStdString(versions[0].commit));
    m_stale = true;
    if (versions.empty()) {
        m_stale = false;
        showMessage(tr("Nothing to compare yet"),
                    tr("Drift compares a reference with current data. Pick “Other file…” as the "
                       "reference (e.g. the training data), or track this dataset and commit a "
                       "second version: `assay data add %1`.")
                        .arg(relativePath));
        return;
    }
    if (isVisible())
        run();
    else
        showMessage(tr("Not compared yet"), tr("The comparison runs when this tab is shown."));
}

bool DriftView::compare(const QString &referenceCommit, const QString &currentCommit)
{
    if (!m_reference->selectCommit(referenceCommit) || !m_current->selectCommit(currentCommit))
        return false;
    run();
    return true;
}

void DriftView::showMessage(const QString &title, const QString &body)
{
    m_message->setContent(title, body);
    m_stack->setCurrentWidget(m_message);
}

bool DriftView::isShowingDrift() const
{
    return m_stack->currentWidget() == m_columns;
}

void DriftView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        run();
}

void DriftView::run()
{
    const auto reference = m_reference->currentRef();
    const auto current = m_current->currentRef();
    if (!reference || !current || !m_jobs)
        return;
    m_stale = false;
    if (m_job)
        m_job->cancel();
    const quint64 generation = ++m_generation;
    m_referenceName = m_reference->currentName();
    m_currentName = m_current->currentName();
    drift::DriftOptions options;
    options.test = DriftTest(m_testPicker->currentData().toInt());
    m_job = m_jobs->run(
        tr("Comparing %1 with %2 for drift").arg(m_referenceName, m_currentName), this,
        [reference = *reference, current = *current, options](const Progress &progress)
            -> Result<std::shared_ptr<const drift::DatasetDrift>> {
            auto result = drift::computeDrift(reference, current, options, progress);
            if (!result)
                return result.error();
            return std::shared_ptr<const drift::DatasetDrift>(
                std::make_shared<const drift::DatasetDrift>(std::move(*result)));
        },
        [this, generation](Result<std::shared_ptr<const drift::DatasetDrift>> result) {
            if (generation != m_generation)
                return;
            if (!result.ok()) {
                m_banner->clear();
                showJobError(m_message, result.error(), tr("Could not compare"),
                             tr("Comparison cancelled"), tr("Pick a side again to rerun it."));
                m_stack->setCurrentWidget(m_message);
                return;
            }
            showDrift(std::move(*result));
        });
    showWaitingFor(m_message, m_job, tr("Comparing %1 with %2…").arg(m_referenceName, m_currentName),
                   tr("Reading both sides and testing every shared column in the background; "
                      "Cancel is in the status bar."));
    m_stack->setCurrentWidget(m_message);
}

void DriftView::showDrift(std::shared_ptr<const drift::DatasetDrift> result)
{
    m_drift = std::move(result);
    m_copyCommand->setEnabled(true);

    const drift::DatasetDrift &d = *m_drift;
    QString detail = tr("%1 of %2 tested columns drifted (%3); the dataset drifts at %4 or more. "
                        "%5 rows against %6.")
                         .arg(d.driftedColumns)
                         .arg(d.testedColumns)
                         .arg(percentText(d.shareOfDriftedColumns), percentText(d.driftShare),
                              formatCount(d.referenceRows), formatCount(d.currentRows));
    if (!d.referenceOnly.empty() || !d.currentOnly.empty())
        detail += tr(" Not compared: %n column(s) on one side only.", nullptr,
                     int(d.referenceOnly.size() + d.currentOnly.size()));
    if (d.datasetDrift)
        m_banner->setVerdict(StatusTone::Failed, tr("Dataset drift detected"), detail);
    else if (d.driftedColumns > 0)
        m_banner->setVerdict(StatusTone::Warning, tr("Some columns drifted"), detail);
    else
        m_banner->setVerdict(StatusTone::Ok, tr("No drift"), detail);
    m_stack->setCurrentWidget(m_columns);
    m_columns->setDrift(m_drift, m_referenceName, m_currentName);
}

void DriftView::selectColumn(const QString &column)
{
    m_columns->selectColumn(column);
}

DriftModel *DriftView::model() const
{
    return m_columns->model();
}

QTableView *DriftView::table() const
{
    return m_columns->table();
}

DistributionChart *DriftView::chart() const
{
    return m_columns->chart();
}

QString DriftView::commandLine() const
{
    if (!m_drift)
        return {};
    QString line = QStringLiteral("assay drift %1 %2").arg(shellQuoted(m_referenceName), shellQuoted(m_currentName));
    const auto test = DriftTest(m_testPicker->currentData().toInt());
    if (test != DriftTest::Auto)
        line += QStringLiteral(" --test ") + QString::fromUtf8(drift::testName(test));
    return line;
}

} // namespace assay::ui
