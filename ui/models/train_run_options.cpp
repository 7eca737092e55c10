#include "models/train_run_options.h"

#include "shell/job_runner.h"
#include "shell/workspace_session.h"
#include "workspace/workspace.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>

#include <cmath>
#include <limits>

namespace assay::ui {

namespace {

constexpr double kDefaultFractions[3] = {0.7, 0.15, 0.15};
constexpr int kDefaultFolds = 5;
constexpr int kMaxFolds = 100;
constexpr double kFractionTolerance = 1e-9;

// The names of the workspace's experiments that are not deleted, sorted.
Result<QStringList> experimentNames(const std::filesystem::path &root)
{
    auto workspace = workspace::Workspace::open(root);
    if (!workspace)
        return workspace.error();
    auto statement = workspace->database().prepare(
        "SELECT name FROM experiments WHERE deleted = 0 ORDER BY name");
    if (!statement)
        return statement.error();
    QStringList names;
    ASSAY_TRY(statement->forEachRow([&names](const workspace::Statement &row) {
        names.append(QString::fromStdString(row.columnText(0)));
    }));
    return names;
}

QDoubleSpinBox *newFractionBox(double value, const QString &tooltip, QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0, 1);
    box->setDecimals(2);
    box->setSingleStep(0.05);
    box->setValue(value);
    box->setAlignment(Qt::AlignRight);
    box->setToolTip(tooltip);
    return box;
}

} // namespace

TrainRunOptions::TrainRunOptions(JobRunner &jobs, QWidget *parent)
    : QWidget(parent), m_jobs(jobs), m_split(new QRadioButton(tr("Split"), this)),
      m_crossValidation(new QRadioButton(tr("Cross-validation"), this)),
      m_fractions{
          newFractionBox(kDefaultFractions[0], tr("Share of the rows the model learns from"), this),
          newFractionBox(kDefaultFractions[1],
                         tr("Share of the rows for the validation curve and early stopping"), this),
          newFractionBox(kDefaultFractions[2], tr("Share of the rows held out for the final test"),
                         this)},
      m_folds(new QSpinBox(this)), m_seed(new QSpinBox(this)), m_experiment(new QComboBox(this)),
      m_runName(new QLineEdit(this))
{
    auto *mode = new QButtonGroup(this);
    mode->addButton(m_split);
    mode->addButton(m_crossValidation);
    m_split->setChecked(true);
    m_split->setToolTip(tr("Train, validation and test fractions; classes keep their shares"));
    m_crossValidation->setToolTip(
        tr("k-fold cross-validation (stratified for classifiers): one child run per fold, "
           "then the final model on every row"));
    m_folds->setRange(2, kMaxFolds);
    m_folds->setValue(kDefaultFolds);
    m_folds->setSuffix(tr(" folds"));
    m_folds->setAlignment(Qt::AlignRight);
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setAlignment(Qt::AlignRight);
    m_seed->setToolTip(tr("Seeds the split and the model: the same seed gives the same model"));
    m_experiment->setEditable(true);
    m_experiment->lineEdit()->setPlaceholderText(tr("Default"));
    m_experiment->setToolTip(tr("An experiment of the workspace, or a new name to create one"));
    m_runName->setClearButtonEnabled(true);

    auto *splitRow = new QHBoxLayout;
    splitRow->addWidget(m_split);
    for (QDoubleSpinBox *box : m_fractions)
        splitRow->addWidget(box);
    splitRow->addStretch();
    auto *cvRow = new QHBoxLayout;
    cvRow->addWidget(m_crossValidation);
    cvRow->addWidget(m_folds);
    cvRow->addStretch();

    auto *layout = new QFormLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addRow(tr("Validation"), splitRow);
    layout->addRow(QString(), cvRow);
    layout->addRow(tr("Seed"), m_seed);
    layout->addRow(tr("Experiment"), m_experiment);
    layout->addRow(tr("Run name"), m_runName);

    connect(m_split, &QRadioButton::toggled, this, &TrainRunOptions::updateEnabled);
    for (QDoubleSpinBox *box : m_fractions)
        connect(box, &QDoubleSpinBox::valueChanged, this, &TrainRunOptions::changed);
    connect(m_folds, &QSpinBox::valueChanged, this, &TrainRunOptions::changed);
    connect(m_seed, &QSpinBox::valueChanged, this, &TrainRunOptions::changed);
    connect(m_experiment, &QComboBox::currentTextChanged, this, &TrainRunOptions::changed);
    connect(m_runName, &QLineEdit::textChanged, this, &TrainRunOptions::changed);
    updateEnabled();
}

void TrainRunOptions::updateEnabled()
{
    const bool split = m_split->isChecked();
    for (QDoubleSpinBox *box : m_fractions)
        box->setEnabled(split);
    m_folds->setEnabled(!split);
    emit changed();
}

void TrainRunOptions::setWorkspace(std::shared_ptr<WorkspaceSession> session)
{
    if (!session)
        return;
    const std::filesystem::path root = session->root();
    m_experimentsJob = m_jobs.run(
        tr("Listing experiments"), this, [root](const Progress &) { return experimentNames(root); },
        [this](Result<QStringList> names) {
            if (!names.ok())
                return;
            const QString typed = m_experiment->currentText();
            m_experiment->clear();
            m_experiment->addItems(*names);
            m_experiment->setEditText(typed);
        });
}

void TrainRunOptions::setDefaultRunName(const QString &name)
{
    m_runName->setPlaceholderText(name);
}

QString TrainRunOptions::problem() const
{
    if (!m_split->isChecked())
        return {};
    const double sum = m_fractions[0]->value() + m_fractions[1]->value() + m_fractions[2]->value();
    if (m_fractions[0]->value() <= 0)
        return tr("The training fraction must be above 0.");
    if (std::abs(sum - 1.0) > kFractionTolerance)
        return tr("The split fractions add up to %1, not 1.").arg(sum);
    return {};
}

void TrainRunOptions::apply(model::TrainRequest &request) const
{
    if (m_split->isChecked()) {
        request.folds = 0;
        request.trainFraction = m_fractions[0]->value();
        request.validationFraction = m_fractions[1]->value();
        request.testFraction = m_fractions[2]->value();
    } else {
        request.folds = m_folds->value();
    }
    request.seed = static_cast<std::uint64_t>(m_seed->value());
    request.experiment = m_experiment->currentText().trimmed().toStdString();
    request.runName = m_runName->text().trimmed().toStdString();
}

} // namespace assay::ui
