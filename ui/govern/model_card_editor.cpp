#include "govern/model_card_editor.h"

#include "common/empty_state.h"
#include "common/theme.h"
#include "govern/governed_call.h"
#include "govern/model_card_form.h"
#include "runs/run_cell_text.h"
#include "shell/job_runner.h"
#include "workspace/workspace.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace assay::ui {

namespace {

QPlainTextEdit *textBox(const QString &placeholder, int lines, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * lines + 14);
    return edit;
}

} // namespace

ModelCardEditor::ModelCardEditor(QWidget *parent)
    : QWidget(parent), m_stack(new QStackedWidget(this)), m_empty(new EmptyState),
      m_title(new QLabel), m_status(new QLabel), m_save(new QPushButton(tr("Save Card")))
{
    auto *form = new QWidget;
    m_overview = textBox(tr("What the model is and does"), 3, form);
    m_owners = textBox(tr("One owner per line: Name <contact>"), 2, form);
    m_version = new QLineEdit(form);
    m_version->setPlaceholderText(tr("e.g. 2.1 (registry version 3)"));
    m_license = new QLineEdit(form);
    m_license->setPlaceholderText(tr("e.g. proprietary, Apache-2.0"));
    m_references = textBox(tr("One link or citation per line"), 2, form);
    m_intendedUse = textBox(tr("Primary uses and users"), 2, form);
    m_outOfScope = textBox(tr("One use it must not be put to per line"), 2, form);
    m_limitations = textBox(tr("One known limitation per line"), 3, form);
    m_tradeoffs = textBox(tr("One trade-off per line"), 2, form);
    m_ethics = textBox(tr("One “risk: mitigation” per line"), 3, form);
    m_sensitive = textBox(tr("One column per line; the compliance report's fairness table "
                             "groups by these"),
                          2, form);
    m_overview->setObjectName(QStringLiteral("cardOverview"));
    m_limitations->setObjectName(QStringLiteral("cardLimitations"));

    auto *fields = new QFormLayout(form);
    fields->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    fields->addRow(tr("Overview:"), m_overview);
    fields->addRow(tr("Owners:"), m_owners);
    fields->addRow(tr("Version:"), m_version);
    fields->addRow(tr("Licence:"), m_license);
    fields->addRow(tr("References:"), m_references);
    fields->addRow(tr("Intended use:"), m_intendedUse);
    fields->addRow(tr("Out of scope:"), m_outOfScope);
    fields->addRow(tr("Limitations:"), m_limitations);
    fields->addRow(tr("Trade-offs:"), m_tradeoffs);
    fields->addRow(tr("Ethical considerations:"), m_ethics);
    fields->addRow(tr("Sensitive columns:"), m_sensitive);
    auto *scroll = new QScrollArea;
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_status->setObjectName(QStringLiteral("cardStatus"));
    m_status->setWordWrap(true);
    m_save->setObjectName(QStringLiteral("saveCard"));
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(tr("Save the card in the workspace (Ctrl+S); recorded in the audit log"));

    auto *page = new QWidget;
    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addWidget(m_status, 1);
    header->addWidget(m_save);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addLayout(header);
    pageLayout->addWidget(scroll, 1);
    m_stack->addWidget(page);
    m_stack->addWidget(m_empty);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    for (QPlainTextEdit *edit : {m_overview, m_owners, m_references, m_intendedUse, m_outOfScope,
                                 m_limitations, m_tradeoffs, m_ethics, m_sensitive})
        connect(edit, &QPlainTextEdit::textChanged, this, &ModelCardEditor::markDirty);
    for (QLineEdit *edit : {m_version, m_license})
        connect(edit, &QLineEdit::textChanged, this, &ModelCardEditor::markDirty);
    connect(m_save, &QPushButton::clicked, this, &ModelCardEditor::save);
    setSubject({});
}

void ModelCardEditor::setContext(JobRunner *jobs, std::filesystem::path root, bool accessControlOn)
{
    m_jobs = jobs;
    m_root = std::move(root);
    m_accessControlOn = accessControlOn;
}

bool ModelCardEditor::maySwitch()
{
    if (!m_dirty)
        return true;
    return QMessageBox::question(this, tr("Unsaved Model Card"),
                                 tr("The card of %1 has unsaved changes. Drop them?").arg(m_subject),
                                 QMessageBox::Discard | QMessageBox::Cancel) == QMessageBox::Discard;
}

void ModelCardEditor::setSubject(const QString &subject)
{
    if (m_loadJob)
        m_loadJob->cancel();
    m_subject = subject;
    m_dirty = false;
    m_loaded = false;
    if (subject.isEmpty()) {
        m_empty->setContent(tr("No model selected"),
                            tr("The model card belongs to a registered model: select one in the "
                               "Registry tab, or register one with `assay registry register NAME "
                               "--run RUN`."));
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    m_empty->setContent(tr("Reading the model card"), tr("Reading the card of %1…").arg(subject),
                        EmptyState::Tone::Waiting);
    m_stack->setCurrentWidget(m_empty);
    load();
}

void ModelCardEditor::load()
{
    if (!m_jobs)
        return;
    m_loadJob = m_jobs->run(
        tr("Reading the model card of %1").arg(m_subject), this,
        [root = m_root, subject = m_subject.toStdString()](const Progress &) -> Result<govern::ModelCard> {
            auto opened = workspace::Workspace::open(root);
            if (!opened)
                return opened.error();
            return govern::loadCard(*opened, subject);
        },
        [this, subject = m_subject](Result<govern::ModelCard> card) {
            if (subject != m_subject)
                return;
            if (!card.ok()) {
                if (card.error().kind != ErrorKind::Cancelled) {
                    m_empty->setContent(tr("Cannot read the model card"),
                                        QString::fromStdString(card.error().message),
                                        EmptyState::Tone::Error);
                    m_stack->setCurrentWidget(m_empty);
                }
                return;
            }
            setCard(*card);
        });
}

void ModelCardEditor::setCard(const govern::ModelCard &card)
{
    m_filling = true;
    m_loadedCard = card;
    m_subject = QString::fromStdString(card.subject);
    m_title->setText(tr("Model card of %1").arg(m_subject));
    m_overview->setPlainText(QString::fromStdString(card.overview));
    m_owners->setPlainText(ownersText(card.owners));
    m_version->setText(QString::fromStdString(card.version));
    m_license->setText(QString::fromStdString(card.license));
    m_references->setPlainText(linesText(card.references));
    m_intendedUse->setPlainText(QString::fromStdString(card.intendedUse));
    m_outOfScope->setPlainText(linesText(card.outOfScopeUses));
    m_limitations->setPlainText(linesText(card.limitations));
    m_tradeoffs->setPlainText(linesText(card.tradeoffs));
    m_ethics->setPlainText(linesText(card.ethicalConsiderations));
    m_sensitive->setPlainText(linesText(card.sensitiveColumns));
    m_filling = false;
    m_dirty = false;
    m_loaded = true;
    m_stack->setCurrentIndex(0);
    showStatus(card.updatedMs > 0 ? tr("Saved %1 by %2")
                                        .arg(formatRunStart(card.updatedMs),
                                             QString::fromStdString(card.updatedBy))
                                  : tr("No card saved yet: fill it in and save."),
               false);
    m_save->setEnabled(false);
}

govern::ModelCard ModelCardEditor::card() const
{
    govern::ModelCard card = m_loadedCard;
    card.subject = m_subject.toStdString();
    card.overview = m_overview->toPlainText().trimmed().toStdString();
    card.owners = parseOwnersText(m_owners->toPlainText());
    card.version = m_version->text().trimmed().toStdString();
    card.license = m_license->text().trimmed().toStdString();
    card.references = parseLinesText(m_references->toPlainText());
    card.intendedUse = m_intendedUse->toPlainText().trimmed().toStdString();
    card.outOfScopeUses = parseLinesText(m_outOfScope->toPlainText());
    card.limitations = parseLinesText(m_limitations->toPlainText());
    card.tradeoffs = parseLinesText(m_tradeoffs->toPlainText());
    card.ethicalConsiderations = parseLinesText(m_ethics->toPlainText());
    card.sensitiveColumns = parseLinesText(m_sensitive->toPlainText());
    return card;
}

QString ModelCardEditor::statusText() const
{
    return m_status->text();
}

void ModelCardEditor::markDirty()
{
    if (m_filling || m_dirty)
        return;
    m_dirty = true;
    m_save->setEnabled(true);
    showStatus(tr("● Unsaved changes"), false);
    QPalette amber = m_status->palette();
    amber.setColor(QPalette::WindowText, statusColor(StatusTone::Warning, palette()));
    m_status->setPalette(amber);
}

void ModelCardEditor::showStatus(const QString &text, bool failure)
{
    m_status->setText(text);
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText, failure ? statusColor(StatusTone::Failed, this->palette())
                                                   : mutedTextColor(this->palette()));
    m_status->setPalette(palette);
}

void ModelCardEditor::save()
{
    if (!m_jobs || m_subject.isEmpty() || !m_loaded)
        return;
    m_save->setEnabled(false);
    const govern::ModelCard edited = card();
    GovernedCall call{.jobs = m_jobs,
                      .receiver = this,
                      .dialogParent = this,
                      .root = m_root,
                      .action = govern::Action::EditModelCard,
                      .accessControlOn = m_accessControlOn,
                      .title = tr("Saving the model card of %1").arg(m_subject),
                      .work = [edited](workspace::Workspace &workspace) {
                          return govern::saveCard(workspace, edited);
                      },
                      .done = [this, subject = m_subject](const Status &status) {
                          if (subject != m_subject)
                              return;
                          if (!status.ok()) {
                              m_save->setEnabled(true);
                              showStatus(tr("Not saved: %1")
                                             .arg(QString::fromStdString(status.error().message)),
                                         true);
                              return;
                          }
                          emit saved(subject);
                          setSubject(subject); // reread: who saved it and when
                      }};
    call.start();
}

} // namespace assay::ui
