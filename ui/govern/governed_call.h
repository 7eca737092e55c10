#pragma once

#include "common/result.h"
#include "govern/access_control.h"

#include <QString>

#include <filesystem>
#include <functional>
#include <optional>

class QObject;
class QWidget;

namespace assay::workspace {
class Workspace;
}

namespace assay::ui {

class JobRunner;

// Runs one state-changing core call (promote, set alias, save a card, add a user) on the job
// runner, on its own handle of the workspace at `root`. When the action needs a password
// (approver and admin actions) and the session has none, or the call is refused for a missing
// or wrong password, asks for it, keeps it with govern::setSessionCredentials and tries again;
// cancelling the prompt hands the refusal to `done`. `done` runs on the GUI thread.
struct GovernedCall {
    JobRunner *jobs = nullptr;
    QObject *receiver = nullptr;
    QWidget *dialogParent = nullptr;
    std::filesystem::path root;
    govern::Action action = govern::Action::RegisterModel;
    bool accessControlOn = false; // false: no password is asked for up front
    QString title;                // for the status bar
    std::function<Status(workspace::Workspace &)> work;
    std::function<void(const Status &)> done;

    void start() const;

    // Asks the user for their password: `user` is who the session acts as, `why` what for.
    // Replaceable so tests answer without a modal dialog; nullopt = cancelled.
    using PasswordPrompt =
        std::function<std::optional<QString>(QWidget *parent, const QString &user, const QString &why)>;
    static void setPasswordPrompt(PasswordPrompt prompt);
};

// True when a refusal is about the password (missing or wrong), not the role or a gate.
bool isPasswordRefusal(const Error &error);

} // namespace assay::ui
