#include "govern/alias_dialog.h"

#include "common/theme.h"
#include "govern/governed_call.h"
#include "govern/stage_style.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <set>

namespace assay::ui {

AliasDialog::AliasDialog(JobRunner &jobs, std::filesystem::path root, govern::RegisteredModel model,
                         int version, bool accessControlOn, QWidget *parent)
    : QDialog(parent), m_jobs(jobs), m_root(std::move(root)), m_model(std::move(model)),
      m_accessControlOn(accessControlOn), m_alias(new QComboBox(this)),
      m_version(new QComboBox(this)), m_reason(new QLineEdit(this)), m_message(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Set Alias of %1").arg(QString::fromStdString(m_model.name)));
    std::set<std::string> aliases{"champion", "challenger"};
    for (const govern::ModelVersion &each : m_model.versions) {
        aliases.insert(each.aliases.begin(), each.aliases.end());
        m_version->addItem(statusDot(stageTone(each.stage), palette()),
                           tr("v%1 (%2)").arg(each.version).arg(stageWord(each.stage)), each.version);
    }
    m_version->setCurrentIndex(m_version->findData(version));
    m_alias->setEditable(true);
    for (const std::string &alias : aliases)
        m_alias->addItem(QString::fromStdString(alias));
    m_reason->setPlaceholderText(tr("Optional: why it moves"));
    m_message->setWordWrap(true);
    m_message->hide();
    QPalette red = m_message->palette();
    red.setColor(QPalette::WindowText, statusColor(StatusTone::Failed, palette()));
    m_message->setPalette(red);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Set Alias"));

    auto *form = new QFormLayout;
    form->addRow(tr("Alias:"), m_alias);
    form->addRow(tr("Points at:"), m_version);
    form->addRow(tr("Reason:"), m_reason);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AliasDialog::apply);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void AliasDialog::setAlias(const QString &alias)
{
    m_alias->setCurrentText(alias);
}

QString AliasDialog::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void AliasDialog::apply()
{
    const QString alias = m_alias->currentText().trimmed();
    if (alias.isEmpty()) {
        m_message->setText(tr("Name the alias, e.g. champion."));
        m_message->show();
        return;
    }
    const int version = m_version->currentData().toInt();
    const QString name = QString::fromStdString(m_model.name);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    GovernedCall call{
        .jobs = &m_jobs,
        .receiver = this,
        .dialogParent = this,
        .root = m_root,
        .action = govern::Action::RegisterModel,
        .accessControlOn = m_accessControlOn,
        .title = tr("Pointing @%1 at %2 v%3").arg(alias, name).arg(version),
        .work = [name = m_model.name, alias = alias.toStdString(), version,
                 reason = m_reason->text().toStdString()](workspace::Workspace &workspace) {
            return govern::setAlias(workspace, name, alias, version, reason);
        },
        .done = [this, name, alias, version](const Status &status) {
            m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
            if (!status.ok()) {
                m_message->setText(QString::fromStdString(status.error().message));
                m_message->show();
                return;
            }
            emit aliasSet(name, alias, version);
            accept();
        },
    };
    call.start();
}

} // namespace assay::ui
