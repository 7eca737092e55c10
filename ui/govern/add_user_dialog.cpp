#include "govern/add_user_dialog.h"

#include "common/theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace assay::ui {

AddUserDialog::AddUserDialog(bool firstAdmin, const QString &suggestedLogin, QWidget *parent)
    : QDialog(parent), m_firstAdmin(firstAdmin), m_name(new QLineEdit(this)),
      m_login(new QLineEdit(this)), m_role(new QComboBox(this)), m_password(new QLineEdit(this)),
      m_repeat(new QLineEdit(this)), m_problem(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(firstAdmin ? tr("Add the First Admin") : tr("Add User"));
    for (const govern::Role role : {govern::Role::Viewer, govern::Role::Scientist,
                                    govern::Role::Approver, govern::Role::Admin})
        m_role->addItem(QString::fromUtf8(govern::roleName(role)), int(role));
    m_role->setCurrentIndex(firstAdmin ? 3 : 1);
    m_role->setEnabled(!firstAdmin);
    m_name->setText(firstAdmin ? suggestedLogin : QString());
    m_login->setPlaceholderText(tr("the name, when empty"));
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("needed by approvers and admins"));
    QPalette red = m_problem->palette();
    red.setColor(QPalette::WindowText, statusColor(StatusTone::Failed, palette()));
    m_problem->setPalette(red);
    m_problem->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("OS login:"), m_login);
    form->addRow(tr("Role:"), m_role);
    form->addRow(tr("Password:"), m_password);
    form->addRow(tr("Repeat:"), m_repeat);
    auto *layout = new QVBoxLayout(this);
    if (firstAdmin) {
        auto *note = new QLabel(tr("From now on, every change is checked against the users' "
                                   "roles; the first user is an admin and needs a password."),
                                this);
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddUserDialog::check);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

govern::User AddUserDialog::user() const
{
    govern::User user;
    user.name = m_name->text().trimmed().toStdString();
    if (!m_login->text().trimmed().isEmpty())
        user.osUser = m_login->text().trimmed().toStdString();
    user.role = govern::Role(m_role->currentData().toInt());
    return user;
}

std::optional<std::string> AddUserDialog::password() const
{
    if (m_password->text().isEmpty())
        return std::nullopt;
    return m_password->text().toStdString();
}

void AddUserDialog::check()
{
    const bool needsPassword = m_firstAdmin || user().role >= govern::Role::Approver;
    QString problem;
    if (m_name->text().trimmed().isEmpty())
        problem = tr("Give the user a name.");
    else if (needsPassword && m_password->text().isEmpty())
        problem = tr("A %1 needs a password.").arg(m_role->currentText());
    else if (m_password->text() != m_repeat->text())
        problem = tr("The two passwords differ.");
    m_problem->setText(problem);
    if (problem.isEmpty())
        accept();
}

} // namespace assay::ui
