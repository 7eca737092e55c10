#include "data/profile_view.h"

#include "common/distribution_chart.h"
#include "common/distribution_delegate.h"
#include "common/empty_state.h"
#include "common/format.h"
#include "common/list_table.h"
#include "data/diff_command.h"
#include "data/profile_model.h"
#include "data/profile_problems.h"
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
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace assay::ui {

namespace {

using ProfilePtr = std::shared_ptr<const stats::DatasetProfile>;

struct ProfilePair {
    ProfilePtr profile;
    ProfilePtr compared;
};

QString cacheKey(const version::DatasetRef &ref)
{
    return QString::fromStdString(ref.display());
}

QLabel *sectionTitle(QWidget *parent)
{
    auto *label = new QLabel(parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

Result<ProfilePtr> profileOf(const version::DatasetRef &ref, const ProfilePtr &cached,
                             const Progress &progress)
{
    if (cached)
        return cached;
    auto profile = stats::profileDataset(ref, {}, progress);
    if (!profile)
        return profile.error();
    return ProfilePtr(std::make_shared<const stats::DatasetProfile>(std::move(*profile)));
}

} // namespace

ProfileView::ProfileView(QWidget *parent)
    : QWidget(parent), m_picker(new VersionPicker(this)),
      m_compareBox(new QCheckBox(tr("Compare with"), this)),
      m_comparePicker(new VersionPicker(this)), m_filter(new QLineEdit(this)),
      m_typeFilter(new QComboBox(this)), m_copyCommand(new QToolButton(this)),
      m_summary(new QLabel(this)), m_stack(new QStackedWidget(this)),
      m_message(new EmptyState(this)), m_content(new QSplitter(Qt::Vertical, this)),
      m_numericTitle(sectionTitle(this)), m_categoricalTitle(sectionTitle(this)),
      m_numericSection(new QWidget(m_content)), m_categoricalSection(new QWidget(m_content)),
      m_numericTable(new QTableView(m_numericSection)),
      m_categoricalTable(new QTableView(m_categoricalSection)),
      m_numeric(new ProfileModel(ProfileModel::Kind::Numeric, this)),
      m_categorical(new ProfileModel(ProfileModel::Kind::Categorical, this)),
      m_numericProxy(nullptr), m_categoricalProxy(nullptr), m_chartTitle(sectionTitle(this)),
      m_chart(new DistributionChart(this))
{
    m_picker->setObjectName(QStringLiteral("profileSide"));
    m_comparePicker->setObjectName(QStringLiteral("profileComparedSide"));
    m_comparePicker->setEnabled(false);
    m_compareBox->setToolTip(tr("Overlay a second version or file (e.g. training against "
                                "serving data), in percentages"));
    m_filter->setPlaceholderText(tr("Filter columns"));
    m_filter->setClearButtonEnabled(true);
    m_typeFilter->addItems({tr("All types"), tr("Numeric"), tr("Categorical")});
    m_copyCommand->setText(tr("Copy as command"));
    m_copyCommand->setToolTip(tr("Copy the equivalent `assay profile` command line"));
    m_copyCommand->setEnabled(false);

    auto *pickers = new QHBoxLayout;
    pickers->setSpacing(6);
    pickers->addWidget(new QLabel(tr("Profile of"), this));
    pickers->addWidget(m_picker, 1);
    pickers->addSpacing(8);
    pickers->addWidget(m_compareBox);
    pickers->addWidget(m_comparePicker, 1);
    auto *options = new QHBoxLayout;
    options->setSpacing(6);
    options->addWidget(m_filter, 1);
    options->addWidget(m_typeFilter);
    options->addSpacing(12);
    options->addWidget(m_summary, 2);
    options->addWidget(m_copyCommand);

    const auto setUpSection = [this](QWidget *section, QLabel *title, QTableView *table,
                                     ProfileModel *model, const QString &key) {
        QSortFilterProxyModel *proxy = setUpListTable(table, model, ProfileModel::SortRole, key);
        proxy->setFilterKeyColumn(0);
        proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
        table->setSelectionMode(QAbstractItemView::SingleSelection);
        table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 16);
        table->setItemDelegateForColumn(
            model->columnOf(ProfileModel::Field::Distribution),
            new DistributionDelegate(
                [model, proxy](const QModelIndex &index) -> const DistributionData * {
                    const QModelIndex source = proxy->mapToSource(index);
                    return source.isValid() ? &model->distribution(source.row()) : nullptr;
                },
                table));
        auto *layout = new QVBoxLayout(section);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        layout->addWidget(title);
        layout->addWidget(table, 1);
        connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                [this, table](const QModelIndex &current) { rowActivated(table, current); });
        return proxy;
    };
    m_numericProxy = setUpSection(m_numericSection, m_numericTitle, m_numericTable, m_numeric,
                                  QStringLiteral("profileNumeric"));
    m_categoricalProxy = setUpSection(m_categoricalSection, m_categoricalTitle,
                                      m_categoricalTable, m_categorical,
                                      QStringLiteral("profileCategorical"));

    auto *chartSection = new QWidget(m_content);
    auto *chartLayout = new QVBoxLayout(chartSection);
    chartLayout->setContentsMargins(0, 4, 0, 0);
    chartLayout->setSpacing(2);
    chartLayout->addWidget(m_chartTitle);
    chartLayout->addWidget(m_chart, 1);
    m_chart->setObjectName(QStringLiteral("profileChart"));
    m_content->addWidget(m_numericSection);
    m_content->addWidget(m_categoricalSection);
    m_content->addWidget(chartSection);
    m_content->setChildrenCollapsible(false);
    m_content->setSizes({380, 200, 240});

    m_stack->addWidget(m_message);
    m_stack->addWidget(m_content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(pickers);
    layout->addLayout(options);
    layout->addWidget(m_stack, 1);

    connect(m_picker, &VersionPicker::refChanged, this, &ProfileView::run);
    connect(m_comparePicker, &VersionPicker::refChanged, this, &ProfileView::run);
    connect(m_compareBox, &QCheckBox::toggled, this, [this](bool on) {
        m_comparePicker->setEnabled(on);
        run();
    });
    connect(m_filter, &QLineEdit::textChanged, this, &ProfileView::applyFilter);
    connect(m_typeFilter, &QComboBox::currentIndexChanged, this, &ProfileView::applyFilter);
    connect(m_copyCommand, &QToolButton::clicked, this,
            [this] { QApplication::clipboard()->setText(commandLine()); });
    showMessage(tr("No dataset selected"), tr("Choose a dataset in the list."));
}

ProfileView::~ProfileView() = default;

void ProfileView::setDataset(const std::filesystem::path &root, const QString &relativePath,
                             const std::vector<version::DatasetVersion> &versions,
                             bool workingCopy)
{
    if (m_job)
        m_job->cancel();
    ++m_generation;
    m_cache.clear();
    m_picker->setDataset(root, relativePath, versions, workingCopy);
    m_comparePicker->setDataset(root, relativePath, versions, workingCopy);
    // Compare with the latest committed version unless that is what is profiled.
    if (!versions.empty() && workingCopy)
        m_comparePicker->selectCommit(QString::fromStdString(versions.front().commit));
    else if (versions.size() >= 2)
        m_comparePicker->selectCommit(QString::fromStdString(versions[1].commit));
    m_numeric->setProfiles(nullptr, {});
    m_categorical->setProfiles(nullptr, {});
    m_chart->clearData();
    m_copyCommand->setEnabled(false);
    m_summary->clear();
    m_stale = true;
    if (isVisible())
        run();
    else
        showMessage(tr("Not profiled yet"), tr("The profile is built when this tab is shown."));
}

bool ProfileView::compare(const QString &commit, const QString &comparedCommit)
{
    if (!m_picker->selectCommit(commit) || !m_comparePicker->selectCommit(comparedCommit))
        return false;
    {
        const QSignalBlocker blocker(m_compareBox);
        m_compareBox->setChecked(true);
        m_comparePicker->setEnabled(true);
    }
    run();
    return true;
}

void ProfileView::showMessage(const QString &title, const QString &body)
{
    m_message->setContent(title, body);
    m_stack->setCurrentWidget(m_message);
}

bool ProfileView::isShowingProfile() const
{
    return m_stack->currentWidget() == m_content;
}

void ProfileView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        run();
}

void ProfileView::run()
{
    const auto ref = m_picker->currentRef();
    if (!ref || !m_jobs)
        return;
    m_stale = false;
    std::optional<version::DatasetRef> comparedRef;
    if (m_compareBox->isChecked())
        comparedRef = m_comparePicker->currentRef();
    if (m_job)
        m_job->cancel();
    const quint64 generation = ++m_generation;
    m_name = m_picker->currentName();
    m_comparedName = comparedRef ? m_comparePicker->currentName() : QString();
    const ProfilePtr cached = m_cache.value(cacheKey(*ref));
    const ProfilePtr comparedCached = comparedRef ? m_cache.value(cacheKey(*comparedRef)) : nullptr;

    Job *job = m_jobs->run(
        comparedRef ? tr("Profiling %1 and %2").arg(m_name, m_comparedName)
                    : tr("Profiling %1").arg(m_name),
        this,
        [ref = *ref, comparedRef, cached, comparedCached](const Progress &progress) -> Result<ProfilePair> {
            auto profile = profileOf(ref, cached, progress);
            if (!profile)
                return profile.error();
            ProfilePair pair{std::move(*profile), nullptr};
            if (comparedRef) {
                auto compared = profileOf(*comparedRef, comparedCached, progress);
                if (!compared)
                    return compared.error();
                pair.compared = std::move(*compared);
            }
            return pair;
        },
        [this, generation, key = cacheKey(*ref),
         comparedKey = comparedRef ? cacheKey(*comparedRef) : QString()](Result<ProfilePair> result) {
            if (generation != m_generation)
                return;
            if (!result.ok()) {
                showJobError(m_message, result.error(), tr("Could not profile"),
                             tr("Profiling cancelled"), tr("Pick a version again to rerun it."));
                m_stack->setCurrentWidget(m_message);
                return;
            }
            m_cache.insert(key, result->profile);
            if (result->compared)
                m_cache.insert(comparedKey, result->compared);
            showProfiles(result->profile, result->compared);
        });
    showWaitingFor(m_message, job, tr("Profiling %1…").arg(m_name),
                   tr("Counting, sketching quantiles and histograms in the background; Cancel is "
                      "in the status bar."));
    m_stack->setCurrentWidget(m_message);
    m_job = job;
}

void ProfileView::showProfiles(ProfilePtr profile, ProfilePtr compared)
{
    const QString chosen = m_chartTitle->property("column").toString();
    m_numeric->setProfiles(profile, m_name, compared, m_comparedName);
    m_categorical->setProfiles(profile, m_name, compared, m_comparedName);
    for (QTableView *table : {m_numericTable, m_categoricalTable}) {
        table->resizeColumnsToContents();
        const auto *model = static_cast<const ProfileModel *>(
            static_cast<QSortFilterProxyModel *>(table->model())->sourceModel());
        table->setColumnWidth(model->columnOf(ProfileModel::Field::Distribution), 150);
        table->horizontalHeader()->setStretchLastSection(true);
    }
    int problems = 0;
    for (const auto &column : profile->columns)
        problems += columnProblems(column).isEmpty() ? 0 : 1;
    QString summary = tr("%1 rows · %2 columns").arg(formatCount(profile->rows)).arg(profile->columns.size());
    if (problems > 0)
        summary += tr(" · %n column(s) with problems", nullptr, problems);
    if (compared)
        summary += tr(" · against %1 rows").arg(formatCount(compared->rows));
    m_summary->setText(summary);
    m_copyCommand->setEnabled(true);
    applyFilter();
    m_stack->setCurrentWidget(m_content);
    if (!chosen.isEmpty() && (m_numeric->rowOf(chosen) >= 0 || m_categorical->rowOf(chosen) >= 0))
        selectColumn(chosen);
    else if (m_numeric->rowCount() > 0)
        selectColumn(QString::fromStdString(m_numeric->columnProfile(0).name));
    else if (m_categorical->rowCount() > 0)
        selectColumn(QString::fromStdString(m_categorical->columnProfile(0).name));
}

void ProfileView::applyFilter()
{
    const QString text = m_filter->text().trimmed();
    m_numericProxy->setFilterFixedString(text);
    m_categoricalProxy->setFilterFixedString(text);
    const int type = m_typeFilter->currentIndex();
    m_numericSection->setVisible(type != 2);
    m_categoricalSection->setVisible(type != 1);
    m_numericTitle->setText(tr("Numeric columns (%1)").arg(m_numericProxy->rowCount()));
    m_categoricalTitle->setText(tr("Categorical columns (%1)").arg(m_categoricalProxy->rowCount()));
}

void ProfileView::selectColumn(const QString &column)
{
    for (QTableView *table : {m_numericTable, m_categoricalTable}) {
        auto *proxy = static_cast<QSortFilterProxyModel *>(table->model());
        const auto *model = static_cast<const ProfileModel *>(proxy->sourceModel());
        const int row = model->rowOf(column);
        if (row < 0)
            continue;
        const QModelIndex index = proxy->mapFromSource(model->index(row, 0));
        if (index.isValid())
            table->setCurrentIndex(index);
        showChartFor(*model, row);
        return;
    }
}

void ProfileView::rowActivated(QTableView *table, const QModelIndex &current)
{
    if (!current.isValid())
        return;
    auto *proxy = static_cast<QSortFilterProxyModel *>(table->model());
    const auto *model = static_cast<const ProfileModel *>(proxy->sourceModel());
    QTableView *other = table == m_numericTable ? m_categoricalTable : m_numericTable;
    other->clearSelection();
    showChartFor(*model, proxy->mapToSource(current).row());
}

void ProfileView::showChartFor(const ProfileModel &model, int row)
{
    const stats::ColumnProfile &column = model.columnProfile(row);
    const QString name = QString::fromStdString(column.name);
    m_chartTitle->setProperty("column", name);
    m_chartTitle->setText(model.isComparing()
                              ? tr("%1 — %2 against %3").arg(name, m_name, m_comparedName)
                              : tr("%1 — distribution").arg(name));
    m_chart->setData(model.distribution(row));
}

QString ProfileView::commandLine() const
{
    return m_name.isEmpty() ? QString()
                            : QStringLiteral("assay profile %1").arg(shellQuoted(m_name));
}

} // namespace assay::ui
