#include "data/schema_view.h"

#include "common/empty_state.h"
#include "common/list_table.h"
#include "common/theme.h"
#include "data/anomaly_model.h"
#include "data/diff_command.h"
#include "data/schema_model.h"
#include "data/schema_type_delegate.h"
#include "data/version_picker.h"
#include "shell/job_feedback.h"
#include "shell/job_runner.h"
#include "validate/schema_inference.h"
#include "validate/schema_json.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <system_error>

namespace assay::ui {

namespace {

QLabel *boldLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

} // namespace

SchemaView::SchemaView(QWidget *parent)
    : QWidget(parent), m_fileLabel(new QLabel(this)), m_stateLabel(new QLabel(this)),
      m_inferButton(new QPushButton(tr("Infer from data"), this)),
      m_revertButton(new QPushButton(tr("Revert"), this)),
      m_saveButton(new QPushButton(tr("Save"), this)), m_picker(new VersionPicker(this)),
      m_validateButton(new QPushButton(tr("Validate"), this)), m_verdict(new QLabel(this)),
      m_copyCommand(new QToolButton(this)), m_stack(new QStackedWidget(this)),
      m_message(new EmptyState(this)), m_page(new QWidget(this)),
      m_schemaTable(new QTableView(m_page)), m_anomalyTable(new QTableView(m_page)),
      m_anomalyTitle(boldLabel(tr("Anomalies"), m_page)), m_schema(new SchemaModel(this)),
      m_anomalies(new AnomalyModel(this)), m_anomalyProxy(nullptr)
{
    m_fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_saveButton->setShortcut(QKeySequence::Save);
    m_inferButton->setToolTip(tr("Replace the schema with one inferred from the version picked "
                                 "below: types, presence, ranges and small domains"));
    m_picker->setObjectName(QStringLiteral("schemaValidatedSide"));
    m_copyCommand->setText(tr("Copy as command"));
    m_copyCommand->setToolTip(tr("Copy the equivalent `assay validate` command line"));

    auto *fileRow = new QHBoxLayout;
    fileRow->setSpacing(6);
    fileRow->addWidget(boldLabel(tr("Schema"), this));
    fileRow->addWidget(m_fileLabel);
    fileRow->addWidget(m_stateLabel, 1);
    fileRow->addWidget(m_inferButton);
    fileRow->addWidget(m_revertButton);
    fileRow->addWidget(m_saveButton);
    auto *validateRow = new QHBoxLayout;
    validateRow->setSpacing(6);
    validateRow->addWidget(new QLabel(tr("Validate"), this));
    validateRow->addWidget(m_picker, 1);
    validateRow->addWidget(m_validateButton);
    validateRow->addSpacing(8);
    validateRow->addWidget(m_verdict, 1);
    validateRow->addWidget(m_copyCommand);

    setUpListTable(m_schemaTable, m_schema, Qt::DisplayRole, QStringLiteral("schemaTable"));
    m_schemaTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_schemaTable->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                                   QAbstractItemView::SelectedClicked);
    m_schemaTable->setItemDelegateForColumn(SchemaModel::TypeColumn, new SchemaTypeDelegate(m_schemaTable));
    m_schemaTable->horizontalHeader()->setStretchLastSection(true);
    m_anomalyProxy = setUpListTable(m_anomalyTable, m_anomalies, AnomalyModel::SortRole,
                                    QStringLiteral("anomalyTable"));
    m_anomalyTable->horizontalHeader()->setStretchLastSection(true);
    m_anomalyTable->setWordWrap(false);

    auto *splitter = new QSplitter(Qt::Vertical, m_page);
    auto *schemaSection = new QWidget(splitter);
    auto *schemaLayout = new QVBoxLayout(schemaSection);
    schemaLayout->setContentsMargins(0, 0, 0, 0);
    schemaLayout->setSpacing(2);
    schemaLayout->addWidget(m_schemaTable);
    auto *anomalySection = new QWidget(splitter);
    auto *anomalyLayout = new QVBoxLayout(anomalySection);
    anomalyLayout->setContentsMargins(0, 4, 0, 0);
    anomalyLayout->setSpacing(2);
    anomalyLayout->addWidget(m_anomalyTitle);
    anomalyLayout->addWidget(m_anomalyTable, 1);
    splitter->addWidget(schemaSection);
    splitter->addWidget(anomalySection);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({460, 260});
    auto *pageLayout = new QVBoxLayout(m_page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addWidget(splitter);

    m_inferOffer = m_message->addButton(tr("Infer schema"));
    m_inferOffer->hide();
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_page);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(fileRow);
    layout->addLayout(validateRow);
    layout->addWidget(m_stack, 1);

    connect(m_inferButton, &QPushButton::clicked, this, &SchemaView::inferSchema);
    connect(m_inferOffer, &QPushButton::clicked, this, &SchemaView::inferSchema);
    connect(m_saveButton, &QPushButton::clicked, this, &SchemaView::save);
    connect(m_revertButton, &QPushButton::clicked, this, &SchemaView::revert);
    connect(m_validateButton, &QPushButton::clicked, this, &SchemaView::validate);
    connect(m_picker, &VersionPicker::refChanged, this, &SchemaView::validate);
    connect(m_schema, &SchemaModel::modifiedChanged, this, &SchemaView::updateState);
    connect(m_anomalyTable, &QTableView::clicked, this, &SchemaView::selectAnomalyColumn);
    connect(m_anomalyTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { selectAnomalyColumn(current); });
    connect(m_copyCommand, &QToolButton::clicked, this,
            [this] { QApplication::clipboard()->setText(commandLine()); });
    showMessage(tr("No dataset selected"), tr("Choose a dataset in the list."));
    updateState();
}

SchemaView::~SchemaView() = default;

void SchemaView::setDataset(const std::filesystem::path &root, const QString &relativePath,
                            const std::vector<version::DatasetVersion> &versions, bool workingCopy)
{
    if (m_job)
        m_job->cancel();
    ++m_generation;
    m_root = root;
    m_relativePath = relativePath;
    m_schemaPath = validate::schemaPathBeside(root / relativePath.toStdString());
    m_fileLabel->setText(QString::fromStdString(validate::schemaPathBeside(relativePath.toStdString()).generic_string()));
    m_picker->setDataset(root, relativePath, versions, workingCopy);
    m_anomalies->clear();
    m_verdict->clear();
    loadSchema();
    m_stale = true;
    if (isVisible() && m_hasSchema)
        validate();
}

void SchemaView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale && m_hasSchema)
        validate();
}

void SchemaView::loadSchema()
{
    std::error_code error;
    m_hasSchema = false;
    if (!std::filesystem::exists(m_schemaPath, error)) {
        m_schema->setSchema({});
        m_message->setContent(
            tr("No schema yet"),
            tr("A schema says what valid data looks like: types, which columns must be present, "
               "ranges and allowed values. Infer one from this dataset, then edit and save it "
               "(`%1`).\nFrom a terminal: `assay schema infer %2 -o %1`")
                .arg(m_fileLabel->text(), m_relativePath));
        m_inferOffer->show();
        m_stack->setCurrentWidget(m_message);
        updateState();
        return;
    }
    auto schema = validate::loadSchema(m_schemaPath);
    if (!schema) {
        m_schema->setSchema({});
        m_inferOffer->show(); // a new schema replaces the unreadable one
        m_message->setContent(tr("The schema file cannot be read"),
                              QString::fromStdString(schema.error().message), EmptyState::Tone::Error);
        m_stack->setCurrentWidget(m_message);
        updateState();
        return;
    }
    m_hasSchema = true;
    m_schema->setSchema(std::move(*schema));
    showSchemaPage();
}

void SchemaView::showSchemaPage()
{
    m_schemaTable->resizeColumnsToContents();
    m_stack->setCurrentWidget(m_page);
    updateState();
}

void SchemaView::showMessage(const QString &title, const QString &body)
{
    m_inferOffer->hide();
    m_message->setContent(title, body);
    m_stack->setCurrentWidget(m_message);
}

bool SchemaView::isShowingSchema() const
{
    return m_stack->currentWidget() == m_page;
}

void SchemaView::updateState()
{
    const bool modified = m_schema->isModified();
    m_saveButton->setEnabled(modified && m_hasSchema);
    m_revertButton->setEnabled(modified);
    m_validateButton->setEnabled(m_hasSchema && m_picker->currentRef().has_value());
    m_copyCommand->setEnabled(m_hasSchema && !modified);
    const StatusTone tone = modified ? StatusTone::Warning : StatusTone::Ok;
    QPalette palette = m_stateLabel->palette();
    palette.setColor(QPalette::WindowText, statusColor(m_hasSchema ? tone : StatusTone::Unknown, palette));
    m_stateLabel->setPalette(palette);
    m_stateLabel->setText(!m_hasSchema ? tr("● not saved yet")
                          : modified   ? tr("● unsaved changes")
                                       : tr("● saved"));
}

bool SchemaView::confirmDiscard(const QString &action)
{
    if (!m_schema->isModified())
        return true;
    return QMessageBox::question(this, action,
                                 tr("The schema has unsaved changes. %1 anyway?").arg(action)) ==
           QMessageBox::Yes;
}

void SchemaView::inferSchema()
{
    const auto ref = m_picker->currentRef();
    if (!ref || !m_jobs)
        return;
    if (m_hasSchema && !confirmDiscard(tr("Replace the schema")))
        return;
    if (m_job)
        m_job->cancel();
    const quint64 generation = ++m_generation;
    const QString name = m_picker->currentName();
    m_job = m_jobs->run(
        tr("Inferring a schema from %1").arg(name), this,
        [ref = *ref](const Progress &progress) -> Result<validate::Schema> {
            auto profile = stats::profileDataset(ref, {}, progress);
            if (!profile)
                return profile.error();
            return validate::inferSchema(*profile);
        },
        [this, generation](Result<validate::Schema> schema) {
            if (generation != m_generation)
                return;
            if (!schema) {
                showJobError(m_message, schema.error(), tr("Could not infer a schema"),
                             tr("Inferring the schema was cancelled"),
                             tr("Press “Infer from data” to run it again."));
                m_stack->setCurrentWidget(m_message);
                return;
            }
            m_hasSchema = true;
            m_schema->setSchema(std::move(*schema), true);
            m_saveButton->setEnabled(true);
            showSchemaPage();
            validate();
        });
    m_inferOffer->hide();
    showWaitingFor(m_message, m_job, tr("Inferring a schema from %1…").arg(name),
                   tr("Profiling the data in the background."));
    m_stack->setCurrentWidget(m_message);
}

void SchemaView::validate()
{
    const auto ref = m_picker->currentRef();
    if (!ref || !m_jobs || !m_hasSchema)
        return;
    m_stale = false;
    if (m_job)
        m_job->cancel();
    const quint64 generation = ++m_generation;
    const QString name = m_picker->currentName();
    m_verdict->setText(tr("Validating %1…").arg(name));
    m_job = m_jobs->run(
        tr("Validating %1").arg(name), this,
        [ref = *ref, schema = m_schema->schema()](const Progress &progress) {
            return validate::validateDataset(ref, schema, nullptr, {}, progress);
        },
        [this, generation](Result<validate::ValidationReport> report) {
            if (generation != m_generation)
                return;
            if (!report) {
                m_anomalies->clear();
                m_verdict->setText(QString::fromStdString(report.error().message));
                return;
            }
            showReport(*report);
        });
}

void SchemaView::showReport(const validate::ValidationReport &report)
{
    m_anomalies->setReport(report);
    m_anomalyTable->resizeColumnsToContents();
    const int errors = m_anomalies->errorCount();
    const int warnings = m_anomalies->warningCount();
    const StatusTone tone = errors ? StatusTone::Failed : warnings ? StatusTone::Warning : StatusTone::Ok;
    QPalette palette = m_verdict->palette();
    palette.setColor(QPalette::WindowText, statusColor(tone, palette));
    m_verdict->setPalette(palette);
    if (errors + warnings == 0)
        m_verdict->setText(tr("● valid: no anomaly in %1 rows").arg(report.rows));
    else
        m_verdict->setText(tr("● %1 · %2").arg(tr("%n error(s)", nullptr, errors),
                                               tr("%n warning(s)", nullptr, warnings)));
    m_anomalyTitle->setText(tr("Anomalies in %1 (%2)").arg(m_picker->currentName()).arg(errors + warnings));
}

void SchemaView::selectAnomalyColumn(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    const QString column = proxyIndex.data(AnomalyModel::ColumnNameRole).toString();
    const int row = m_schema->rowOf(column);
    if (row < 0)
        return;
    auto *proxy = static_cast<QSortFilterProxyModel *>(m_schemaTable->model());
    const QModelIndex index = proxy->mapFromSource(m_schema->index(row, SchemaModel::NameColumn));
    m_schemaTable->setCurrentIndex(index);
    m_schemaTable->scrollTo(index);
}

bool SchemaView::save()
{
    const Status saved = validate::saveSchema(m_schema->schema(), m_schemaPath);
    if (!saved.ok()) {
        QMessageBox::warning(this, tr("Save schema"), QString::fromStdString(saved.error().message));
        return false;
    }
    m_schema->setModified(false);
    updateState();
    return true;
}

void SchemaView::revert()
{
    if (!confirmDiscard(tr("Revert")))
        return;
    m_schema->setModified(false);
    loadSchema();
    validate();
}

bool SchemaView::validateVersion(const QString &commit)
{
    if (!m_picker->selectCommit(commit))
        return false;
    validate();
    return true;
}

QString SchemaView::commandLine() const
{
    return QStringLiteral("assay validate %1 --schema %2")
        .arg(shellQuoted(m_picker->currentName()), shellQuoted(m_fileLabel->text()));
}

} // namespace assay::ui
