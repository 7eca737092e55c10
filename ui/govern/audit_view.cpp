#include "govern/audit_view.h"

#include "common/empty_state.h"
#include "common/list_table.h"
#include "common/verdict_banner.h"
#include "govern/audit_model.h"
#include "shell/job_runner.h"
#include "workspace/workspace.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace assay::ui {

AuditView::AuditView(QWidget *parent)
    : QWidget(parent), m_model(new AuditModel(this)), m_filterProxy(new AuditFilterProxy(this)),
      m_sorted(nullptr), m_filter(new QLineEdit), m_action(new QComboBox), m_count(new QLabel),
      m_verify(new QPushButton(tr("Verify Chain"))), m_banner(new VerdictBanner),
      m_stack(new QStackedWidget), m_table(new QTableView), m_empty(new EmptyState),
      m_details(new QPlainTextEdit)
{
    m_filterProxy->setSourceModel(m_model);
    m_sorted = setUpListTable(m_table, m_filterProxy, AuditModel::SortRole, QStringLiteral("auditLog"));
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(AuditModel::SeqColumn, 60);
    m_table->setColumnWidth(AuditModel::TimeColumn, 150);
    m_table->setColumnWidth(AuditModel::ActorColumn, 110);
    m_table->setColumnWidth(AuditModel::ActionColumn, 150);
    m_table->setColumnWidth(AuditModel::ObjectColumn, 330);

    m_filter->setObjectName(QStringLiteral("auditFilter"));
    m_filter->setPlaceholderText(tr("Filter entries (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_action->setObjectName(QStringLiteral("auditAction"));
    m_action->setToolTip(tr("Show one area's actions only"));
    m_action->setMinimumContentsLength(12);
    m_action->addItem(tr("All actions"), QString());
    m_verify->setObjectName(QStringLiteral("verifyAudit"));
    m_verify->setToolTip(tr("Walk the hash chain and the signed checkpoints, as `assay audit "
                            "verify` does"));
    m_details->setReadOnly(true);
    m_details->setObjectName(QStringLiteral("auditDetails"));
    m_details->setPlaceholderText(tr("Select an entry to see its details."));
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_details->setFont(mono);
    m_empty->setContent(tr("The audit log is empty"),
                        tr("Every change to the workspace — data added, runs, registry moves, "
                           "users — is recorded here once it happens, chained so that edits "
                           "show. `assay audit log` lists it from the command line."));

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_action);
    top->addWidget(m_count);
    top->addWidget(m_verify);
    auto *splitter = new QSplitter(Qt::Vertical);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);
    splitter->addWidget(m_stack);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({600, 180});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filterProxy->setText(text);
        updateCount();
    });
    connect(m_action, &QComboBox::currentIndexChanged, this, [this] {
        m_filterProxy->setActionPrefix(m_action->currentData().toString());
        updateCount();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AuditView::showDetails);
    connect(m_verify, &QPushButton::clicked, this, &AuditView::verify);
    updateCount();
}

void AuditView::setContext(JobRunner *jobs, std::filesystem::path root)
{
    m_jobs = jobs;
    m_root = std::move(root);
    m_banner->clear();
}

void AuditView::setEntries(std::vector<govern::AuditEntry> entries)
{
    const QVariant selected = m_table->currentIndex().data(AuditModel::SeqRole);
    m_model->setEntries(std::move(entries));
    const QString prefix = m_action->currentData().toString();
    m_action->blockSignals(true);
    m_action->clear();
    m_action->addItem(tr("All actions"), QString());
    for (const QString &area : m_model->actionAreas())
        m_action->addItem(area + QStringLiteral(".*"), area + u'.');
    m_action->setCurrentIndex(std::max(0, m_action->findData(prefix)));
    m_action->blockSignals(false);
    m_filterProxy->setActionPrefix(m_action->currentData().toString());
    m_stack->setCurrentWidget(m_model->rowCount() == 0 ? static_cast<QWidget *>(m_empty) : m_table);
    for (int row = 0; selected.isValid() && row < m_sorted->rowCount(); ++row) {
        const QModelIndex index = m_sorted->index(row, 0);
        if (index.data(AuditModel::SeqRole) == selected) {
            m_table->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            break;
        }
    }
    if (!m_table->currentIndex().isValid() && m_sorted->rowCount() > 0)
        m_table->selectionModel()->setCurrentIndex(
            m_sorted->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    showDetails();
    updateCount();
}

QString AuditView::detailsText() const
{
    return m_details->toPlainText();
}

void AuditView::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void AuditView::showDetails()
{
    const QVariant seq = m_table->currentIndex().data(AuditModel::SeqRole);
    const govern::AuditEntry *entry = seq.isValid() ? m_model->entry(seq.toLongLong()) : nullptr;
    if (!entry) {
        m_details->clear();
        return;
    }
    const QJsonDocument details = QJsonDocument::fromJson(QByteArray::fromStdString(entry->details));
    const QString json = details.isNull() ? QString::fromStdString(entry->details)
                                          : QString::fromUtf8(details.toJson(QJsonDocument::Indented));
    m_details->setPlainText(tr("Entry %1 · %2 · %3 by %4 on %5\nhash %6\nprevious %7\n\n%8")
                                .arg(entry->seq)
                                .arg(QString::fromStdString(entry->time),
                                     QString::fromStdString(entry->action),
                                     QString::fromStdString(entry->actor),
                                     QString::fromStdString(entry->object),
                                     QString::fromStdString(entry->hash),
                                     QString::fromStdString(entry->prevHash), json.trimmed()));
}

void AuditView::updateCount()
{
    const int shown = m_sorted->rowCount();
    const int total = m_model->rowCount();
    m_count->setText(shown == total ? tr("%n entry(s)", nullptr, total)
                                    : tr("%1 of %2").arg(shown).arg(total));
}

void AuditView::verify()
{
    if (!m_jobs || m_root.empty() || m_verifyJob)
        return;
    m_verify->setEnabled(false);
    m_banner->setVerdict(StatusTone::Unknown, tr("Verifying the audit chain…"),
                         tr("Recomputing every entry's hash and checking the signed checkpoints."));
    m_verifyJob = m_jobs->run(
        tr("Verifying the audit chain"), this,
        [root = m_root](const Progress &) -> Result<govern::ChainVerdict> {
            auto opened = workspace::Workspace::open(root);
            if (!opened)
                return opened.error();
            return govern::verifyAudit(opened->database());
        },
        [this](Result<govern::ChainVerdict> verdict) {
            m_verify->setEnabled(true);
            if (!verdict.ok()) {
                m_banner->setVerdict(StatusTone::Failed, tr("Cannot verify the audit chain"),
                                     QString::fromStdString(verdict.error().message));
                return;
            }
            if (verdict->intact) {
                m_banner->setVerdict(
                    StatusTone::Ok,
                    tr("Audit chain intact: %n entry(s)", nullptr, int(verdict->entries)) +
                        tr(", %n signed checkpoint(s)", nullptr, int(verdict->checkpoints)),
                    verdict->lastCheckpointSeq
                        ? tr("Every hash recomputes; the last checkpoint signs entry %1.")
                              .arg(*verdict->lastCheckpointSeq)
                        : tr("Every hash recomputes. No checkpoint is signed yet: `assay audit "
                             "checkpoint` signs the head with your key."));
                return;
            }
            const QString where = verdict->firstBroken
                                      ? tr("Audit chain broken at entry %1").arg(*verdict->firstBroken)
                                      : tr("Audit chain broken");
            m_banner->setVerdict(StatusTone::Failed, where,
                                 QString::fromStdString(verdict->problem) +
                                     tr(" — entries from there on cannot be trusted."));
        });
}

} // namespace assay::ui
