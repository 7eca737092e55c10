#include "models/train_form.h"

#include "common/format.h"
#include "common/theme.h"
#include "model/target.h"
#include "models/train_columns.h"
#include "models/train_command.h"
#include "models/train_data_picker.h"
#include "models/train_feature_list.h"
#include "models/train_model_panel.h"
#include "models/train_run_options.h"
#include "shell/job_runner.h"
#include "version/dataset_ref.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace assay::ui {

namespace {

std::vector<std::string> stdNames(const QStringList &names)
{
    std::vector<std::string> list;
    list.reserve(std::size_t(names.size()));
    for (const QString &name : names)
        list.push_back(name.toStdString());
    return list;
}

QLabel *mutedLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, mutedTextColor(palette));
    label->setPalette(palette);
    return label;
}

} // namespace

TrainForm::TrainForm(JobRunner &jobs, QWidget *parent)
    : QWidget(parent), m_jobs(jobs), m_data(new TrainDataPicker(jobs, this)),
      m_target(new QComboBox(this)), m_task(new QComboBox(this)), m_taskNote(mutedLabel(this)),
      m_features(new TrainFeatureList(this)), m_featureCount(mutedLabel(this)),
      m_model(new TrainModelPanel(this)), m_options(new TrainRunOptions(jobs, this))
{
    m_target->setObjectName(QStringLiteral("target"));
    m_target->setToolTip(tr("The column the model predicts"));
    m_task->setObjectName(QStringLiteral("task"));
    m_task->addItem(tr("From the target"));
    for (model::Task task : {model::Task::Binary, model::Task::Multiclass, model::Task::Regression})
        m_task->addItem(QString::fromUtf8(model::taskName(task)), int(task));
    m_task->setToolTip(tr("Binary or multiclass classification, or regression. By default it "
                          "follows the target: text and yes/no columns and whole numbers with at "
                          "most 20 values are classes, other numbers regression."));
    m_features->setToolTip(tr("Checked columns are the model's features. Columns whose values are "
                              "all different (ids) and dates start unchecked."));

    auto *dataBox = new QGroupBox(tr("Data"), this);
    auto *dataForm = new QFormLayout(dataBox);
    dataForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    dataForm->addRow(tr("Dataset"), m_data);
    dataForm->addRow(tr("Target"), m_target);
    dataForm->addRow(tr("Task"), m_task);
    dataForm->addRow(QString(), m_taskNote);

    auto *featureBox = new QGroupBox(tr("Features"), this);
    auto *featureLayout = new QVBoxLayout(featureBox);
    featureLayout->addWidget(m_features, 1);
    featureLayout->addWidget(featureButtons());

    auto *modelBox = new QGroupBox(tr("Model"), this);
    (new QVBoxLayout(modelBox))->addWidget(m_model);
    auto *runBox = new QGroupBox(tr("Validation and run"), this);
    (new QVBoxLayout(runBox))->addWidget(m_options);

    auto *left = new QVBoxLayout;
    left->addWidget(dataBox);
    left->addWidget(featureBox, 1);
    auto *right = new QVBoxLayout;
    right->addWidget(modelBox);
    right->addWidget(runBox);
    right->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left, 1);
    layout->addLayout(right, 1);

    connect(m_data, &TrainDataPicker::dataChanged, this, &TrainForm::loadColumns);
    connect(m_target, &QComboBox::currentIndexChanged, this, &TrainForm::onTargetChanged);
    connect(m_task, &QComboBox::currentIndexChanged, this, &TrainForm::updateTask);
    connect(m_features, &TrainFeatureList::changed, this, &TrainForm::updateFeatureCount);
    connect(m_model, &TrainModelPanel::changed, this, &TrainForm::changed);
    connect(this, &TrainForm::changed, this, &TrainForm::updateRunNamePlaceholder);
    connect(m_options, &TrainRunOptions::changed, this, &TrainForm::changed);
    updateTask();
    updateFeatureCount();
}

QWidget *TrainForm::featureButtons()
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_featureCount, 1);
    const auto add = [&](const QString &text, const QString &tooltip, auto slot) {
        auto *button = new QPushButton(text, row);
        button->setToolTip(tooltip);
        connect(button, &QPushButton::clicked, this, slot);
        layout->addWidget(button);
    };
    add(tr("Suggested"), tr("Every column but the target, ids and dates"),
        [this] { m_features->checkSuggested(); });
    add(tr("All"), tr("Every column but the target"), [this] {
        m_features->checkOnly(m_features->checkedFeatures() + m_features->uncheckedColumns());
    });
    add(tr("None"), tr("Uncheck every column"), [this] { m_features->checkOnly({}); });
    return row;
}

void TrainForm::setWorkspace(std::shared_ptr<WorkspaceSession> session)
{
    m_session = session;
    m_data->setWorkspace(session);
    m_options->setWorkspace(session);
}

void TrainForm::loadColumns()
{
    const std::optional<TrainData> chosen = m_data->current();
    if (!chosen || chosen->requestText() == m_loadedData)
        return;
    if (m_readJob)
        m_readJob->cancel();
    m_loadedData = chosen->requestText();
    m_table.reset();
    m_columnsError.clear();
    const quint64 generation = ++m_generation;
    const version::DatasetRef ref{chosen->path.toStdString(),
                                  chosen->revision.isEmpty()
                                      ? std::nullopt
                                      : std::optional<std::string>(chosen->revision.toStdString())};
    m_readJob = m_jobs.run(
        tr("Reading %1").arg(chosen->name), this,
        [ref](const Progress &progress) { return version::readDataset(ref, {}, progress); },
        [this, generation](Result<table::ReadOutcome> outcome) {
            if (generation != m_generation)
                return;
            if (!outcome.ok()) {
                showColumnsError(QString::fromStdString(outcome.error().message));
                return;
            }
            showColumns(std::make_shared<const table::Table>(std::move(outcome->table)));
        });
    emit changed();
}

void TrainForm::showColumnsError(const QString &message)
{
    m_columnsError = message;
    m_target->clear();
    m_features->setColumns({});
    emit columnsLoaded();
    emit changed();
}

void TrainForm::showColumns(std::shared_ptr<const table::Table> table)
{
    const QString previousTarget = m_target->currentText();
    m_table = std::move(table);
    std::vector<TrainColumn> columns = describeColumns(*m_table);
    {
        const QSignalBlocker blocker(m_target);
        m_target->clear();
        for (const TrainColumn &column : columns)
            m_target->addItem(column.name);
        // Keep the target across versions; otherwise the last column, where tables
        // usually keep their label.
        const int keep = m_target->findText(previousTarget);
        m_target->setCurrentIndex(keep >= 0 ? keep : m_target->count() - 1);
    }
    m_features->setColumns(std::move(columns));
    onTargetChanged();
    emit columnsLoaded();
}

void TrainForm::onTargetChanged()
{
    m_features->setTarget(m_target->currentText());
    m_inferredTask.reset();
    m_targetProblem.clear();
    if (m_table && m_target->currentIndex() >= 0) {
        auto target = model::encodeTarget(*m_table, m_target->currentText().toStdString());
        if (target.ok())
            m_inferredTask = target->task;
        else
            m_targetProblem = QString::fromStdString(target.error().message);
    }
    updateTask();
}

std::optional<model::Task> TrainForm::chosenTask() const
{
    const QVariant task = m_task->currentData();
    if (!task.isValid())
        return std::nullopt;
    return static_cast<model::Task>(task.toInt());
}

void TrainForm::updateTask()
{
    const std::optional<model::Task> chosen = chosenTask();
    const std::optional<model::Task> task = chosen ? chosen : m_inferredTask;
    if (m_inferredTask) {
        m_task->setItemText(
            0, tr("From the target: %1").arg(QString::fromUtf8(model::taskName(*m_inferredTask))));
    } else {
        m_task->setItemText(0, tr("From the target"));
    }
    if (!m_targetProblem.isEmpty() && !chosen)
        m_taskNote->setText(tr("⚠ %1").arg(m_targetProblem));
    else if (m_table && task && m_target->currentIndex() >= 0)
        m_taskNote->setText(
            tr("%1 rows · %2")
                .arg(formatCount(m_table->rowCount()), QString::fromUtf8(model::taskName(*task))));
    else
        m_taskNote->clear();
    m_taskNote->setVisible(!m_taskNote->text().isEmpty());
    if (task)
        m_model->setTask(*task);
    emit changed();
}

void TrainForm::updateFeatureCount()
{
    const qsizetype checked = m_features->checkedFeatures().size();
    const qsizetype all = checked + m_features->uncheckedColumns().size();
    m_featureCount->setText(all == 0 ? QString() : tr("%1 of %2 columns").arg(checked).arg(all));
    emit changed();
}

void TrainForm::updateRunNamePlaceholder()
{
    // As trainAndRecord names a run it is not given a name for.
    const std::optional<TrainData> chosen = m_data->current();
    const QString file = chosen ? QFileInfo(chosen->path).fileName() : QString();
    m_options->setDefaultRunName(
        file.isEmpty() ? m_model->trainer() : m_model->trainer() + QStringLiteral(" · ") + file);
}

bool TrainForm::isLoading() const
{
    return m_readJob || m_data->isLoading();
}

QString TrainForm::problem() const
{
    if (!m_data->current())
        return m_data->isLoading() ? tr("Looking for datasets…")
                                   : tr("Choose a dataset, or Browse… for a table file.");
    if (!m_columnsError.isEmpty())
        return m_columnsError;
    if (!m_table)
        return tr("Reading %1…").arg(m_data->current()->name);
    if (m_target->currentIndex() < 0)
        return tr("Choose the target column.");
    if (m_features->checkedFeatures().isEmpty())
        return tr("Check at least one feature.");
    return m_options->problem();
}

model::TrainRequest TrainForm::request() const
{
    model::TrainRequest request;
    if (const std::optional<TrainData> chosen = m_data->current())
        request.data = chosen->requestText().toStdString();
    request.target = m_target->currentText().toStdString();
    // Whichever list is shorter names the same features: --exclude for the few left out.
    const QStringList checked = m_features->checkedFeatures();
    const QStringList unchecked = m_features->uncheckedColumns();
    if (unchecked.size() <= checked.size())
        request.exclude = stdNames(unchecked);
    else
        request.features = stdNames(checked);
    request.trainer = m_model->trainer().toStdString();
    request.params = m_model->params();
    request.task = chosenTask();
    m_options->apply(request);
    return request;
}

QString TrainForm::commandLine() const
{
    const std::optional<TrainData> chosen = m_data->current();
    return trainCommandLine(request(), chosen ? chosen->name : QString());
}

} // namespace assay::ui
