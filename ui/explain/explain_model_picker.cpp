#include "explain/explain_model_picker.h"

#include "models/model_run_summary.h"
#include "runs/run_palette.h"
#include "runs/run_swatch.h"
#include "runs/runs_snapshot.h"
#include "shell/job_runner.h"
#include "shell/workspace_session.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QSignalBlocker>

namespace assay::ui {

namespace {

constexpr int kRunIdRole = Qt::UserRole + 1;
constexpr int kTrainerRole = Qt::UserRole + 2;
constexpr int kTrainingDataRole = Qt::UserRole + 3;

struct ListedModel {
    ModelRunSummary summary;
    QString trainingData;
};

QString trainingDataOf(const track::RunRecord &run)
{
    for (const track::DatasetInput &input : run.datasets)
        if (input.context == "training")
            return QString::fromStdString(input.path);
    return run.datasets.empty() ? QString() : QString::fromStdString(run.datasets.front().path);
}

Result<std::vector<ListedModel>> listModels(const std::filesystem::path &root)
{
    auto snapshot = loadRunsSnapshot(root);
    if (!snapshot)
        return snapshot.error();
    std::vector<ListedModel> models;
    for (ModelRunSummary &summary : summarizeModelRuns(snapshot->runs)) {
        if (summary.status != track::RunStatus::Finished)
            continue; // a failed or killed training left no model
        const track::RunRecord *run = snapshot->find(summary.runId);
        models.push_back({std::move(summary), run ? trainingDataOf(*run) : QString()});
    }
    return models;
}

} // namespace

ExplainModelPicker::ExplainModelPicker(JobRunner &jobs, QWidget *parent)
    : QWidget(parent), m_jobs(jobs), m_combo(new QComboBox(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_combo, 1);
    m_combo->setObjectName(QStringLiteral("model"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(24);
    m_combo->setToolTip(tr("A model trained in this workspace, as the Models area lists it"));
    connect(m_combo, &QComboBox::currentIndexChanged, this, &ExplainModelPicker::modelChanged);
}

void ExplainModelPicker::setWorkspace(std::shared_ptr<WorkspaceSession> session)
{
    m_session = std::move(session);
    ++m_generation;
    if (m_job)
        m_job->cancel();
    {
        const QSignalBlocker blocker(m_combo);
        m_combo->clear();
    }
    if (!m_session) {
        emit modelChanged();
        return;
    }
    const quint64 generation = m_generation;
    m_job = m_jobs.run(
        tr("Reading models"), this,
        [root = m_session->root()](const Progress &) { return listModels(root); },
        [this, generation](Result<std::vector<ListedModel>> models) {
            if (generation != m_generation)
                return;
            m_job = nullptr;
            {
                const QSignalBlocker blocker(m_combo);
                if (models.ok())
                    for (const ListedModel &model : *models) {
                        const ModelRunSummary &summary = model.summary;
                        m_combo->addItem(runSwatch(runColor(summary.runId)),
                                         QStringLiteral("%1   (%2, %3, run %4)")
                                             .arg(summary.name, summary.modelType, summary.task,
                                                  summary.runId.left(8)));
                        const int row = m_combo->count() - 1;
                        m_combo->setItemData(row, summary.runId, kRunIdRole);
                        m_combo->setItemData(row, summary.modelType, kTrainerRole);
                        m_combo->setItemData(row, model.trainingData, kTrainingDataRole);
                        m_combo->setItemData(
                            row, tr("run %1, trained on %2").arg(summary.runId, model.trainingData),
                            Qt::ToolTipRole);
                    }
                const int pending = m_combo->findData(m_pending, kRunIdRole);
                m_combo->setCurrentIndex(pending >= 0 ? pending : (m_combo->count() ? 0 : -1));
                m_pending.clear();
            }
            emit listed();
            emit modelChanged();
        });
}

bool ExplainModelPicker::select(const QString &runId)
{
    if (isLoading()) {
        m_pending = runId;
        return true;
    }
    const int index = m_combo->findData(runId, kRunIdRole);
    if (index < 0)
        return false;
    m_combo->setCurrentIndex(index);
    return true;
}

QString ExplainModelPicker::runId() const
{
    return m_combo->currentData(kRunIdRole).toString();
}

QString ExplainModelPicker::trainer() const
{
    return m_combo->currentData(kTrainerRole).toString();
}

bool ExplainModelPicker::isTreeModel() const
{
    const QString type = trainer();
    return type == QLatin1String("gbt") || type == QLatin1String("forest") ||
           type == QLatin1String("tree");
}

QString ExplainModelPicker::trainingData() const
{
    return m_combo->currentData(kTrainingDataRole).toString();
}

int ExplainModelPicker::count() const
{
    return m_combo->count();
}

} // namespace assay::ui
