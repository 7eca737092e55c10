#include "govern/registry_detail_panel.h"

#include "common/empty_state.h"
#include "common/list_table.h"
#include "common/theme.h"
#include "govern/model_versions_model.h"
#include "govern/transitions_model.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace assay::ui {

RegistryDetailPanel::RegistryDetailPanel(QWidget *parent)
    : QWidget(parent), m_stack(new QStackedWidget(this)), m_empty(new EmptyState(m_stack)),
      m_title(new QLabel), m_description(new QLabel), m_promote(new QPushButton(tr("Promote…"))),
      m_alias(new QPushButton(tr("Set Alias…"))),
      m_export(new QPushButton(tr("Export Report…"))), m_versions(new ModelVersionsModel(this)),
      m_versionProxy(nullptr), m_versionTable(new QTableView), m_historyTitle(new QLabel),
      m_history(new TransitionsModel(this)), m_historyTable(new QTableView)
{
    auto *page = new QWidget(m_stack);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("registryModelTitle"));
    QPalette muted = m_description->palette();
    muted.setColor(QPalette::WindowText, mutedTextColor(palette()));
    m_description->setPalette(muted);
    m_description->setWordWrap(true);
    m_promote->setObjectName(QStringLiteral("promoteButton"));
    m_promote->setToolTip(tr("Move the selected version to another stage; production needs the "
                             "gate to pass and an approver"));
    m_alias->setObjectName(QStringLiteral("aliasButton"));
    m_alias->setToolTip(tr("Point an alias such as @champion at the selected version"));
    m_export->setObjectName(QStringLiteral("exportReportDetail"));
    m_export->setToolTip(tr("Export the selected version's compliance report as PDF or HTML"));

    m_versionProxy = setUpListTable(m_versionTable, m_versions, ModelVersionsModel::SortRole,
                                    QStringLiteral("registryVersions"));
    m_versionTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_versionTable->horizontalHeader()->setStretchLastSection(true);
    m_versionTable->setColumnWidth(ModelVersionsModel::VersionColumn, 70);
    m_versionTable->setColumnWidth(ModelVersionsModel::StageColumn, 110);
    m_versionTable->setColumnWidth(ModelVersionsModel::AliasesColumn, 140);
    m_versionTable->setColumnWidth(ModelVersionsModel::RunColumn, 110);
    m_versionTable->setColumnWidth(ModelVersionsModel::CreatedColumn, 130);
    setUpListTable(m_historyTable, m_history, TransitionsModel::SortRole,
                   QStringLiteral("registryHistory"));
    m_historyTable->horizontalHeader()->setStretchLastSection(true);
    m_historyTable->setColumnWidth(TransitionsModel::WhenColumn, 130);
    m_historyTable->setColumnWidth(TransitionsModel::WhoColumn, 90);
    m_historyTable->setColumnWidth(TransitionsModel::ChangeColumn, 200);
    m_historyTable->setColumnWidth(TransitionsModel::ReasonColumn, 220);
    QFont bold = m_historyTitle->font();
    bold.setBold(true);
    m_historyTitle->setFont(bold);
    auto *versionsTitle = new QLabel(tr("Versions"));
    versionsTitle->setFont(bold);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addStretch(1);
    header->addWidget(m_promote);
    header->addWidget(m_alias);
    header->addWidget(m_export);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(header);
    layout->addWidget(m_description);
    layout->addWidget(versionsTitle);
    layout->addWidget(m_versionTable, 2);
    layout->addWidget(m_historyTitle);
    layout->addWidget(m_historyTable, 3);
    m_stack->addWidget(page);
    m_stack->addWidget(m_empty);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    connect(m_versionTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] {
                showHistoryOfCurrent();
                emit currentVersionChanged(currentVersion());
            });
    connect(m_promote, &QPushButton::clicked, this, [this] {
        if (currentVersion() > 0)
            emit promoteRequested(currentVersion());
    });
    connect(m_alias, &QPushButton::clicked, this, [this] {
        if (currentVersion() > 0)
            emit aliasRequested(currentVersion());
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        if (currentVersion() > 0)
            emit exportRequested(currentVersion());
    });
    showMessage(tr("No model selected"), tr("Select a registered model in the list."));
}

void RegistryDetailPanel::showMessage(const QString &title, const QString &body)
{
    m_shownModel.clear();
    m_empty->setContent(title, body);
    m_stack->setCurrentWidget(m_empty);
}

void RegistryDetailPanel::showModel(const govern::RegisteredModel &model,
                                    std::vector<govern::Transition> history)
{
    const QString name = QString::fromStdString(model.name);
    const int keep = name == m_shownModel ? currentVersion() : 0;
    m_shownModel = name;
    m_title->setText(name);
    m_description->setText(model.description.empty()
                               ? tr("%n version(s); no description.", nullptr, int(model.versions.size()))
                               : QString::fromStdString(model.description));
    m_allHistory = std::move(history);
    m_versions->setVersions(model.versions);
    m_stack->setCurrentIndex(0);
    if (model.versions.empty()) {
        showHistoryOfCurrent();
        return;
    }
    // Without a choice to keep: the version in production, whose history matters most.
    int preferred = model.versions.back().version;
    for (const govern::ModelVersion &each : model.versions) {
        if (each.stage == govern::Stage::Production)
            preferred = each.version;
    }
    if (keep == 0 || !selectVersion(keep))
        selectVersion(preferred);
    showHistoryOfCurrent();
}

bool RegistryDetailPanel::selectVersion(int version)
{
    const int row = m_versions->rowOf(version);
    if (row < 0)
        return false;
    const QModelIndex index = m_versionProxy->mapFromSource(m_versions->index(row, 0));
    m_versionTable->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

int RegistryDetailPanel::currentVersion() const
{
    const QModelIndex index = m_versionTable->currentIndex();
    return index.isValid() ? index.data(ModelVersionsModel::VersionRole).toInt() : 0;
}

void RegistryDetailPanel::showHistoryOfCurrent()
{
    const int version = currentVersion();
    std::vector<govern::Transition> shown;
    for (const govern::Transition &transition : m_allHistory) {
        if (transition.version == version)
            shown.push_back(transition);
    }
    const bool none = shown.empty();
    m_history->setTransitions(std::move(shown));
    const QString title = version > 0 ? tr("History of v%1").arg(version) : tr("History");
    m_historyTitle->setText(none ? title + tr(" — no stage or alias changes yet; Promote… moves it")
                                 : title);
    m_promote->setEnabled(version > 0);
    m_alias->setEnabled(version > 0);
    m_export->setEnabled(version > 0);
}

} // namespace assay::ui
