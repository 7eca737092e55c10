#include "data/diff_view.h"

#include "common/empty_state.h"
#include "common/table_actions.h"
#include "data/column_delta_model.h"
#include "data/data_table_view.h"
#include "data/diff_banner.h"
#include "data/diff_command.h"
#include "data/diff_model.h"
#include "data/table_model.h"
#include "data/version_picker.h"
#include "shell/job_feedback.h"
#include "shell/job_runner.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace assay::ui {

namespace {

bool sameRef(const std::optional<version::DatasetRef> &ref, const version::DatasetRef &other)
{
    return ref && ref->path == other.path && ref->revision == other.revision;
}

QLabel *caption(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return label;
}

} // namespace

DiffView::DiffView(QWidget *parent)
    : QWidget(parent), m_pickerA(new VersionPicker(this)), m_pickerB(new VersionPicker(this)),
      m_keyPicker(new QComboBox(this)), m_changedOnly(new QCheckBox(tr("Changed rows only"), this)),
      m_copyCommand(new QToolButton(this)), m_banner(new DiffBanner(this)),
      m_stack(new QStackedWidget(this)), m_message(new EmptyState(this)),
      m_splitter(new QSplitter(Qt::Horizontal, this)), m_table(new DataTableView(m_splitter)),
      m_deltaView(new QTableView(this)), m_model(new DiffModel(this)),
      m_deltas(new ColumnDeltaModel(this))
{
    m_pickerA->setObjectName(QStringLiteral("diffSideA"));
    m_pickerB->setObjectName(QStringLiteral("diffSideB"));
    m_keyPicker->setObjectName(QStringLiteral("diffKey"));
    m_keyPicker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_keyPicker->setToolTip(tr("Rows with the same key are matched, so changed values show "
                               "as modified cells"));
    m_changedOnly->setChecked(true);
    m_copyCommand->setText(tr("Copy as command"));
    m_copyCommand->setToolTip(tr("Copy the equivalent `assay diff` command line (run it from "
                                 "the workspace folder)"));
    m_copyCommand->setEnabled(false);

    auto *pickers = new QHBoxLayout;
    pickers->setContentsMargins(0, 0, 0, 0);
    pickers->setSpacing(6);
    pickers->addWidget(caption(tr("A"), this));
    pickers->addWidget(m_pickerA, 1);
    pickers->addWidget(caption(tr("→ B"), this));
    pickers->addWidget(m_pickerB, 1);
    auto *options = new QHBoxLayout;
    options->setContentsMargins(0, 0, 0, 0);
    options->setSpacing(6);
    options->addWidget(caption(tr("Key"), this));
    options->addWidget(m_keyPicker);
    options->addSpacing(12);
    options->addWidget(m_changedOnly);
    options->addStretch(1);
    options->addWidget(m_copyCommand);

    m_table->setObjectName(QStringLiteral("diffTable"));
    auto *sortedChanges = new QSortFilterProxyModel(this);
    sortedChanges->setSourceModel(m_model);
    sortedChanges->setSortRole(DiffModel::SortRole);
    m_table->setModel(sortedChanges);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the diff's own order until a click
    TableActions::install(m_table, QStringLiteral("diffTable"), TableModel::ExportTextRole);
    m_table->setAlternatingRowColors(false); // the status tints carry the meaning
    m_table->verticalHeader()->hide();       // the key column names the rows

    auto *sortedDeltas = new QSortFilterProxyModel(this);
    sortedDeltas->setSourceModel(m_deltas);
    sortedDeltas->setSortRole(ColumnDeltaModel::RawValueRole);
    m_deltaView->setObjectName(QStringLiteral("columnDeltas"));
    m_deltaView->setModel(sortedDeltas);
    TableActions::install(m_deltaView, QStringLiteral("columnDeltas"), Qt::DisplayRole);
    m_deltaView->setSortingEnabled(true);
    m_deltaView->sortByColumn(-1, Qt::AscendingOrder);
    m_deltaView->setShowGrid(false);
    m_deltaView->setAlternatingRowColors(true);
    m_deltaView->setWordWrap(false);
    m_deltaView->verticalHeader()->hide();
    m_deltaView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_deltaView->horizontalHeader()->setStretchLastSection(false);
    m_deltaView->horizontalHeader()->setSectionResizeMode(ColumnDeltaModel::NameColumn,
                                                          QHeaderView::Stretch);
    const auto widthOf = [this](const QString &sample) {
        return fontMetrics().horizontalAdvance(sample) + 16;
    };
    m_deltaView->setColumnWidth(ColumnDeltaModel::MeanColumn,
                                widthOf(QStringLiteral("−0.0009972")));
    m_deltaView->setColumnWidth(ColumnDeltaModel::MissingColumn,
                                widthOf(QStringLiteral("−0.07884 pp")));
    m_deltaView->setColumnWidth(ColumnDeltaModel::DistinctColumn,
                                widthOf(QStringLiteral("Distinct Δ")));
    auto *deltaPanel = new QWidget(m_splitter);
    auto *deltaLayout = new QVBoxLayout(deltaPanel);
    deltaLayout->setContentsMargins(0, 0, 0, 0);
    deltaLayout->setSpacing(4);
    auto *deltaTitle = new QLabel(tr("Column statistics, B − A"), deltaPanel);
    QFont bold = deltaTitle->font();
    bold.setBold(true);
    deltaTitle->setFont(bold);
    deltaLayout->addWidget(deltaTitle);
    deltaLayout->addWidget(m_deltaView, 1);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(deltaPanel);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({620, 400});

    m_stack->addWidget(m_message);
    m_stack->addWidget(m_splitter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(pickers);
    layout->addLayout(options);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);

    connect(m_pickerA, &VersionPicker::refChanged, this, &DiffView::run);
    connect(m_pickerB, &VersionPicker::refChanged, this, &DiffView::run);
    connect(m_keyPicker, &QComboBox::activated, this, &DiffView::keyPicked);
    connect(m_changedOnly, &QCheckBox::toggled, this, [this](bool changedOnly) {
        m_model->setChangedRowsOnly(changedOnly);
        showPage();
    });
    connect(m_copyCommand, &QToolButton::clicked, this, &DiffView::copyCommandLine);
    showMessage(tr("Nothing compared yet"),
                tr("Choose two versions in the History tab and press Compare, or pick A and "
                   "B above: a version, the working copy or any other table file."));
}

DiffView::~DiffView() = default;

void DiffView::setDataset(const std::filesystem::path &root, const QString &relativePath,
                          const std::vector<version::DatasetVersion> &versions, bool workingCopy)
{
    if (m_job)
        m_job->cancel();
    ++m_generation;
    m_comparison.reset();
    m_cacheA = {};
    m_cacheB = {};
    m_keys.reset();
    m_pickerA->setDataset(root, relativePath, versions, workingCopy);
    m_pickerB->setDataset(root, relativePath, versions, workingCopy);
    // Default: the latest version against the working copy, nothing run until asked.
    if (!versions.empty())
        m_pickerA->selectCommit(QString::fromStdString(versions.front().commit));
    m_keyPicker->clear();
    m_copyCommand->setEnabled(false);
    m_banner->clear();
    m_model->setComparison(nullptr);
    m_deltas->setDeltas({});
    showMessage(tr("Nothing compared yet"),
                versions.empty()
                    ? tr("Pick A and B above: the working copy and any other table file.")
                    : tr("Choose two versions in the History tab and press Compare, or pick A "
                         "and B above: a version, the working copy or any other table file."));
}

bool DiffView::compare(const QString &commitA, const QString &commitB)
{
    if (!m_pickerA->selectCommit(commitA) || !m_pickerB->selectCommit(commitB))
        return false;
    m_keys.reset();
    run();
    return true;
}

void DiffView::showMessage(const QString &title, const QString &body)
{
    m_message->setContent(title, body);
    m_stack->setCurrentWidget(m_message);
}

bool DiffView::isShowingDiff() const
{
    return m_stack->currentWidget() == m_splitter;
}

void DiffView::run()
{
    const auto refA = m_pickerA->currentRef();
    const auto refB = m_pickerB->currentRef();
    if (!refA || !refB || !m_jobs)
        return;
    if (m_job)
        m_job->cancel();
    const quint64 generation = ++m_generation;

    ComparisonRequest request;
    request.a = {*refA, m_pickerA->currentName(),
                 sameRef(m_cacheA.ref, *refA) ? m_cacheA.cached : nullptr};
    request.b = {*refB, m_pickerB->currentName(),
                 sameRef(m_cacheB.ref, *refB) ? m_cacheB.cached : nullptr};
    request.keys = m_keys;
    request.limit = listLimit;

    Job *job = m_jobs->run(
        tr("Comparing %1 with %2").arg(request.a.name, request.b.name), this,
        [request](const Progress &progress) { return compareDatasets(request, progress); },
        [this, generation](Result<std::shared_ptr<const DatasetComparison>> result) {
            if (generation != m_generation)
                return; // the user asked for something else meanwhile
            if (result.ok()) {
                showComparison(std::move(*result));
                return;
            }
            showJobError(m_message, result.error(), tr("Could not compare"),
                         tr("Comparison cancelled"), tr("Pick A or B again to rerun it."));
            m_stack->setCurrentWidget(m_message);
        });
    showWaitingFor(m_message, job, tr("Comparing %1 with %2…").arg(request.a.name, request.b.name),
                   tr("Reading both versions and matching their rows in the background; Cancel "
                      "is in the status bar."));
    m_stack->setCurrentWidget(m_message);
    m_job = job;
    m_banner->clear();
}

void DiffView::showComparison(std::shared_ptr<const DatasetComparison> comparison)
{
    m_comparison = std::move(comparison);
    m_cacheA = {*m_pickerA->currentRef(), m_comparison->nameA, m_comparison->a};
    m_cacheB = {*m_pickerB->currentRef(), m_comparison->nameB, m_comparison->b};
    m_model->setComparison(m_comparison);
    m_deltas->setDeltas(m_comparison->diff.columns);
    m_table->fitColumnsToSample();
    m_table->scrollToTop();
    m_banner->setComparison(*m_comparison);
    fillKeyPicker();
    m_copyCommand->setEnabled(true);
    showPage();
}

void DiffView::showPage()
{
    if (!m_comparison)
        return;
    if (m_model->rowCount() == 0 && m_changedOnly->isChecked()) {
        showMessage(tr("No row changed"),
                    tr("Every row of A is in B. Switch off “Changed rows only” to see them."));
        return;
    }
    m_stack->setCurrentWidget(m_splitter);
}

void DiffView::fillKeyPicker()
{
    m_keyPicker->clear();
    m_keyPicker->addItem(tr("(none: compare whole rows)"));
    for (const std::string &name : sharedColumnNames(*m_comparison->a, *m_comparison->b))
        m_keyPicker->addItem(QString::fromStdString(name));
    const std::vector<std::string> &keys = m_comparison->keyColumns;
    m_keyPicker->setCurrentIndex(
        keys.empty() ? 0 : std::max(0, m_keyPicker->findText(QString::fromStdString(keys[0]))));
}

void DiffView::keyPicked(int index)
{
    if (index <= 0)
        m_keys = std::vector<std::string>{};
    else
        m_keys = std::vector<std::string>{m_keyPicker->itemText(index).toStdString()};
    if (m_comparison && *m_keys == m_comparison->keyColumns)
        return;
    run();
}

QString DiffView::commandLine() const
{
    if (!m_comparison)
        return {};
    return diffCommandLine(m_comparison->nameA, m_comparison->nameB, m_comparison->keyColumns);
}

void DiffView::copyCommandLine() const
{
    const QString line = commandLine();
    if (!line.isEmpty())
        QApplication::clipboard()->setText(line);
}

} // namespace assay::ui
