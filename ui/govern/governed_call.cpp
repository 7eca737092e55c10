#include "govern/governed_call.h"

#include "shell/job_runner.h"
#include "workspace/workspace.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QPointer>

namespace assay::ui {

namespace {

std::optional<QString> askWithDialog(QWidget *parent, const QString &user, const QString &why)
{
    bool ok = false;
    const QString password = QInputDialog::getText(
        parent, QObject::tr("Password Needed"),
        QObject::tr("%1 needs the password of %2:").arg(why, user), QLineEdit::Password, {}, &ok);
    if (!ok)
        return std::nullopt;
    return password;
}

GovernedCall::PasswordPrompt &prompt()
{
    static GovernedCall::PasswordPrompt current = askWithDialog;
    return current;
}

// Asks for the password and keeps it for the session; false when the user cancelled.
bool askPassword(const GovernedCall &call)
{
    govern::Credentials credentials = govern::sessionCredentials();
    const QString why = QObject::tr("“%1”").arg(QString::fromUtf8(govern::actionName(call.action)));
    const auto password =
        prompt()(call.dialogParent, QString::fromStdString(credentials.user), call.title.isEmpty() ? why : call.title);
    if (!password)
        return false;
    credentials.password = password->toStdString();
    govern::setSessionCredentials(std::move(credentials));
    return true;
}

void runOnce(const GovernedCall &call, bool mayAskAgain)
{
    QPointer<QObject> guard = call.receiver;
    call.jobs->run(
        call.title, call.receiver,
        [root = call.root, work = call.work](const Progress &) -> Status {
            auto opened = workspace::Workspace::open(root);
            if (!opened)
                return opened.error();
            return work(*opened);
        },
        [call, mayAskAgain](Status status) {
            if (!status.ok() && mayAskAgain && isPasswordRefusal(status.error()) &&
                askPassword(call)) {
                runOnce(call, false);
                return;
            }
            call.done(status);
        });
}

} // namespace

void GovernedCall::setPasswordPrompt(PasswordPrompt replacement)
{
    prompt() = replacement ? std::move(replacement) : PasswordPrompt(askWithDialog);
}

bool isPasswordRefusal(const Error &error)
{
    return error.kind == ErrorKind::Refused &&
           QString::fromStdString(error.message).contains(QStringLiteral("password"), Qt::CaseInsensitive);
}

void GovernedCall::start() const
{
    if (!jobs || !work || !done)
        return;
    if (accessControlOn && govern::needsPassword(action) && !govern::sessionCredentials().password) {
        if (!askPassword(*this)) {
            done(Error::refused(QObject::tr("cancelled: %1 needs your password")
                                    .arg(title)
                                    .toStdString()));
            return;
        }
    }
    runOnce(*this, true);
}

} // namespace assay::ui
