#include "explain/explain_dialog.h"

#include "common/theme.h"
#include "explain/explain_command_line.h"
#include "explain/explain_model_picker.h"
#include "explain/explain_param_form.h"
#include "explain/explain_sources.h"
#include "models/train_data_picker.h"
#include "shell/job_runner.h"
#include "shell/workspace_session.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <limits>

namespace assay::ui {

namespace {

using explain::ExplainMethod;

constexpr ExplainMethod kMethods[] = {ExplainMethod::TreeShap, ExplainMethod::KernelShap,
                                      ExplainMethod::Lime, ExplainMethod::Permutation,
                                      ExplainMethod::PartialDependence};
// Typing in a parameter box re-resolves the defaults once the typing pauses.
constexpr int kDefaultsPauseMs = 250;

QString methodHelp(ExplainMethod method)
{
    switch (method) {
    case ExplainMethod::TreeShap:
        return ExplainDialog::tr("Exact SHAP values of a tree model, in margin space");
    case ExplainMethod::KernelShap:
        return ExplainDialog::tr("Model-agnostic SHAP values: slow, explain a few rows");
    case ExplainMethod::Lime:
        return ExplainDialog::tr("A local linear fit around each row (20 rows by default)");
    case ExplainMethod::Permutation:
        return ExplainDialog::tr("How much a metric drops when a feature is shuffled");
    case ExplainMethod::PartialDependence:
        return ExplainDialog::tr("The mean prediction as a feature moves over a grid, with ICE");
    }
    return {};
}

} // namespace

ExplainDialog::ExplainDialog(std::shared_ptr<WorkspaceSession> session, JobRunner &jobs,
                             QWidget *parent)
    : QDialog(parent), m_jobs(jobs), m_models(new ExplainModelPicker(jobs, this)),
      m_data(new TrainDataPicker(jobs, this)), m_method(new QComboBox(this)),
      m_methodHelp(new QLabel(this)), m_first(new QSpinBox(this)), m_last(new QSpinBox(this)),
      m_rowCount(new QLabel(this)), m_params(new ExplainParamForm(this)), m_status(new QLabel(this))
{
    setWindowTitle(tr("Explain a model"));
    setSizeGripEnabled(true);
    resize(820, 470);

    for (const ExplainMethod method : kMethods) {
        m_method->addItem(QString::fromUtf8(explain::methodTitle(method)), int(method));
        m_method->setItemData(m_method->count() - 1, methodHelp(method), Qt::ToolTipRole);
    }
    m_method->setObjectName(QStringLiteral("method"));
    m_first->setObjectName(QStringLiteral("firstRow"));
    m_last->setObjectName(QStringLiteral("lastRow"));
    m_first->setRange(0, std::numeric_limits<int>::max());
    m_last->setRange(0, std::numeric_limits<int>::max());
    // 0 is no row to stop before: the last box at 0 leaves the end to the method.
    m_last->setSpecialValueText(tr("default"));
    m_first->setToolTip(tr("The first row to explain, counting from 0"));
    m_last->setToolTip(tr("The row to stop before; \"default\": every row (the first 20 for "
                          "KernelSHAP and LIME)"));
    auto *rows = new QHBoxLayout;
    rows->addWidget(m_first, 1);
    rows->addWidget(new QLabel(tr("to"), this));
    rows->addWidget(m_last, 1);
    rows->addWidget(m_rowCount, 2);

    auto *subject = new QFormLayout;
    subject->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    subject->addRow(tr("Model"), m_models);
    subject->addRow(tr("Data"), m_data);
    auto *method = new QHBoxLayout;
    method->addWidget(m_method, 1);
    method->addWidget(m_methodHelp, 2);
    subject->addRow(tr("Method"), method);
    subject->addRow(tr("Rows"), rows);

    auto *paramsBox = new QGroupBox(tr("Parameters (empty: the default shown)"), this);
    auto *paramsLayout = new QVBoxLayout(paramsBox);
    paramsLayout->addWidget(m_params);

    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("explainStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette muted = m_rowCount->palette();
    muted.setColor(QPalette::WindowText, mutedTextColor(muted));
    m_rowCount->setPalette(muted);
    m_methodHelp->setPalette(muted);
    m_methodHelp->setText(methodHelp(ExplainMethod::TreeShap));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(subject);
    layout->addWidget(paramsBox);
    layout->addStretch(1);
    layout->addWidget(m_status);
    layout->addWidget(createButtons());

    m_defaultsPause.setSingleShot(true);
    m_defaultsPause.setInterval(kDefaultsPauseMs);
    connect(&m_defaultsPause, &QTimer::timeout, this, &ExplainDialog::resolveDefaults);
    connect(m_models, &ExplainModelPicker::modelChanged, this, &ExplainDialog::onModelChanged);
    connect(m_data, &TrainDataPicker::datasetsListed, this, &ExplainDialog::applyPendingData);
    connect(m_data, &TrainDataPicker::dataChanged, this, &ExplainDialog::onDataChanged);
    connect(m_method, &QComboBox::currentIndexChanged, this, [this] {
        m_params->setMethod(choice().method);
        m_methodHelp->setText(methodHelp(choice().method));
        scheduleDefaults();
    });
    connect(m_first, &QSpinBox::valueChanged, this, &ExplainDialog::scheduleDefaults);
    connect(m_last, &QSpinBox::valueChanged, this, &ExplainDialog::scheduleDefaults);
    connect(m_params, &ExplainParamForm::changed, this, &ExplainDialog::scheduleDefaults);
    setWorkspace(std::move(session));
}

ExplainDialog::~ExplainDialog()
{
    if (m_sourcesJob)
        m_sourcesJob->cancel();
    if (m_defaultsJob)
        m_defaultsJob->cancel();
}

QWidget *ExplainDialog::createButtons()
{
    auto *row = new QWidget(this);
    m_copy = new QPushButton(tr("Copy as command"), row);
    m_copy->setToolTip(tr("Copy the `assay explain` command that computes the same explanation "
                          "from the workspace folder"));
    m_explain = new QPushButton(tr("Explain"), row);
    m_explain->setDefault(true);
    m_explain->setToolTip(tr("Compute in the background (progress and Cancel in the status "
                             "bar); an explanation the workspace has already opens at once"));
    m_close = new QPushButton(tr("Cancel"), row);
    m_close->setAutoDefault(false);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_copy);
    layout->addStretch(1);
    layout->addWidget(m_explain);
    layout->addWidget(m_close);
    connect(m_copy, &QPushButton::clicked, this, &ExplainDialog::copyCommand);
    connect(m_explain, &QPushButton::clicked, this, &ExplainDialog::explain);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    return row;
}

void ExplainDialog::setWorkspace(std::shared_ptr<WorkspaceSession> session)
{
    m_session = std::move(session);
    ++m_generation;
    m_sources.reset();
    m_sourcesChoice = {};
    m_models->setWorkspace(m_session);
    m_data->setWorkspace(m_session);
    updateState();
}

void ExplainDialog::preselect(const QString &runId, const QString &dataName,
                              std::optional<ExplainMethod> method)
{
    if (!runId.isEmpty())
        m_models->select(runId);
    if (!dataName.isEmpty()) {
        const qsizetype at = dataName.lastIndexOf(u'@');
        m_pendingDataPath = at < 0 ? dataName : dataName.left(at);
        m_pendingRevision = at < 0 ? QString() : dataName.mid(at + 1);
        m_dataChosenByUser = true; // the model's training data does not override it
        if (!m_data->isLoading())
            applyPendingData();
    }
    if (method)
        setMethod(*method);
}

void ExplainDialog::setMethod(ExplainMethod method)
{
    m_method->setCurrentIndex(m_method->findData(int(method)));
}

void ExplainDialog::setRows(std::optional<std::size_t> first, std::optional<std::size_t> last)
{
    m_first->setValue(int(first.value_or(0)));
    m_last->setValue(int(last.value_or(0)));
}

void ExplainDialog::applyPendingData()
{
    if (m_pendingDataPath.isEmpty())
        return;
    if (m_data->selectDataset(m_pendingDataPath) && m_pendingRevision.isEmpty())
        m_pendingDataPath.clear();
    else if (!m_data->isLoading()) // the versions are read: the revision is there or not
        m_pendingDataPath.clear();
}

void ExplainDialog::onModelChanged()
{
    updateMethods();
    // A model is best explained on what it was trained on, unless the data was chosen.
    const QString trained = m_models->trainingData();
    if (!m_dataChosenByUser && !trained.isEmpty() && !m_data->isLoading())
        m_data->selectDataset(trained);
    readSources();
}

void ExplainDialog::onDataChanged()
{
    if (!m_pendingRevision.isEmpty() && !m_data->isLoading()) {
        const QString revision = m_pendingRevision;
        m_pendingRevision.clear();
        m_pendingDataPath.clear();
        if (m_data->selectRevision(revision))
            return; // selectRevision emits dataChanged again
    }
    readSources();
}

void ExplainDialog::updateMethods()
{
    auto *items = qobject_cast<QStandardItemModel *>(m_method->model());
    const bool trees = m_models->isTreeModel();
    const int treeShap = m_method->findData(int(ExplainMethod::TreeShap));
    if (QStandardItem *item = items ? items->item(treeShap) : nullptr) {
        item->setEnabled(trees);
        item->setToolTip(trees ? methodHelp(ExplainMethod::TreeShap)
                               : tr("TreeSHAP needs a tree model (tree, forest, gbt)"));
    }
    if (!trees && m_method->currentIndex() == treeShap)
        setMethod(ExplainMethod::KernelShap);
}

ExplainChoice ExplainDialog::choice() const
{
    ExplainChoice choice;
    choice.runId = m_models->runId();
    if (const auto data = m_data->current()) {
        choice.dataPath = data->requestText();
        choice.dataName = data->name;
    }
    choice.method = ExplainMethod(m_method->currentData().toInt());
    if (m_first->value() > 0)
        choice.firstRow = std::size_t(m_first->value());
    if (m_last->value() > 0)
        choice.lastRow = std::size_t(m_last->value());
    choice.params = m_params->params();
    return choice;
}

QString ExplainDialog::commandLine() const
{
    return explainCommandLine(choice());
}

void ExplainDialog::copyCommand()
{
    QApplication::clipboard()->setText(commandLine());
}

void ExplainDialog::readSources()
{
    const ExplainChoice wanted = choice();
    if (m_sources && wanted.sameSources(m_sourcesChoice)) {
        scheduleDefaults();
        return;
    }
    if (m_sourcesJob && wanted.sameSources(m_sourcesChoice))
        return; // already being read
    ++m_generation;
    if (m_sourcesJob)
        m_sourcesJob->cancel();
    if (m_defaultsJob)
        m_defaultsJob->cancel();
    m_sources.reset();
    m_sourcesProblem.clear();
    m_defaultsCurrent = false;
    m_sourcesChoice = wanted;
    m_rowCount->clear();
    if (!m_session || wanted.runId.isEmpty() || wanted.dataPath.isEmpty()) {
        updateState();
        return;
    }
    const quint64 generation = m_generation;
    m_sourcesJob = m_jobs.run(
        tr("Reading the model and %1").arg(wanted.dataName), this,
        [root = m_session->root(), wanted](const Progress &progress) {
            return readExplainSources(root, wanted, progress);
        },
        [this, generation](Result<std::shared_ptr<const ExplainSources>> sources) {
            if (generation != m_generation)
                return;
            m_sourcesJob = nullptr;
            if (!sources.ok()) {
                m_sourcesProblem = QString::fromStdString(sources.error().message);
                updateState();
                return;
            }
            m_sources = std::move(*sources);
            m_rowCount->setText(tr("of %Ln rows", nullptr, int(m_sources->data.table.rowCount())));
            resolveDefaults();
        });
    updateState();
}

void ExplainDialog::scheduleDefaults()
{
    m_defaultsCurrent = false;
    if (m_sources)
        m_defaultsPause.start();
    updateState();
}

void ExplainDialog::resolveDefaults()
{
    m_defaultsPause.stop();
    if (!m_sources)
        return;
    if (m_defaultsJob)
        m_defaultsJob->cancel();
    const ExplainChoice wanted = choice();
    const quint64 generation = ++m_generation;
    m_defaultsCurrent = false;
    m_defaultsJob = m_jobs.run(
        tr("Resolving the %1 parameters")
            .arg(QString::fromUtf8(explain::methodTitle(wanted.method))),
        this,
        [sources = m_sources, request = wanted.request()](const Progress &) {
            return explain::resolvedParams(sources->inputs, request);
        },
        [this, generation, method = wanted.method](Result<QJsonObject> resolved) {
            if (generation != m_generation)
                return;
            m_defaultsJob = nullptr;
            m_defaultsCurrent = true;
            if (resolved.ok()) {
                m_defaultsProblem.clear();
                if (m_params->method() == method)
                    m_params->setDefaults(*resolved);
            } else {
                m_defaultsProblem = QString::fromStdString(resolved.error().message);
            }
            updateState();
        });
    updateState();
}

bool ExplainDialog::isLoading() const
{
    return m_models->isLoading() || m_data->isLoading() || m_sourcesJob || m_defaultsJob ||
           m_defaultsPause.isActive();
}

QString ExplainDialog::problem() const
{
    if (!m_session)
        return tr("No workspace is open.");
    if (m_models->isLoading())
        return tr("Reading the workspace's models…");
    if (m_models->runId().isEmpty())
        return tr("The workspace has no trained model yet: train one in the Models area "
                  "(Train…) or with `assay train`.");
    const ExplainChoice current = choice();
    if (current.dataPath.isEmpty())
        return m_data->isLoading() ? tr("Looking for datasets…")
                                   : tr("Choose the data to explain.");
    if (!m_sourcesProblem.isEmpty())
        return m_sourcesProblem;
    if (!m_sources)
        return tr("Reading the model and %1…").arg(current.dataName);
    if (!m_defaultsCurrent)
        return tr("Checking the parameters…");
    return m_defaultsProblem;
}

void ExplainDialog::updateState()
{
    const QString problem = this->problem();
    const bool failed = !problem.isEmpty() && !isLoading() && m_session &&
                        (!m_sourcesProblem.isEmpty() || !m_defaultsProblem.isEmpty());
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText,
                     failed ? statusColor(StatusTone::Failed, palette) : mutedTextColor(palette));
    m_status->setPalette(palette);
    m_status->setText(problem.isEmpty() ? tr("Ready: %1").arg(commandLine()) : problem);
    m_explain->setEnabled(problem.isEmpty());
    m_copy->setEnabled(!m_models->runId().isEmpty() && !choice().dataPath.isEmpty());
}

bool ExplainDialog::explain()
{
    if (!isReady() || !m_sources)
        return false;
    emit explainRequested(choice(), m_sources);
    accept();
    return true;
}

} // namespace assay::ui
