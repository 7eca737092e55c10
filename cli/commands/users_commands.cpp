// `assay users list|add|set-role|passwd|remove` and `assay whoami`: the workspace's users and
// who this process acts as.
#include "command_registry.h"
#include "command_workspace.h"
#include "govern/access_control.h"
#include "output.h"
#include "password_prompt.h"
#include "text_format.h"

#include <QDateTime>

namespace assay::cli {

namespace {

using govern::Role;

QString roleText(Role role)
{
    return qs(std::string(govern::roleName(role)));
}

std::string localDate(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm"))
        .toStdString();
}

// The new password for `name`: the first line of stdin with --password-stdin, else asked twice
// on the terminal when `required`; nullopt when none was asked for.
Result<std::optional<std::string>> newPassword(const CommandContext &context,
                                               const std::string &name, bool required)
{
    if (context.arguments.flag("password-stdin")) {
        auto line = readPasswordLine();
        if (!line || line->empty())
            return Error::invalidInput("--password-stdin: no password on standard input");
        return std::optional<std::string>(*line);
    }
    if (!required)
        return std::optional<std::string>();
    if (!canPromptForPassword())
        return Error::invalidInput(name + " needs a password: give it on standard input with "
                                          "--password-stdin");
    auto first = promptPassword("new password for " + name + ": ");
    auto second = first ? promptPassword("repeat it: ") : std::nullopt;
    if (!first || !second)
        return Error::invalidInput("no password given for " + name);
    if (*first != *second)
        return Error::invalidInput("the two passwords for " + name + " differ; nothing changed");
    return std::optional<std::string>(*first);
}

int runList(CommandContext &context)
{
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    auto users = govern::listUsers(ws->database());
    if (!users)
        return fail(users.error());
    if (context.json) {
        QJsonArray list;
        for (const govern::User &user : *users)
            list.append(QJsonObject{
                {QStringLiteral("name"), qs(user.name)},
                {QStringLiteral("os_user"), qs(user.osUser.value_or(user.name))},
                {QStringLiteral("role"), roleText(user.role)},
                {QStringLiteral("has_password"), user.hasPassword},
                {QStringLiteral("disabled"), user.disabled},
                {QStringLiteral("created"), QDateTime::fromMSecsSinceEpoch(user.createdMs, Qt::UTC)
                                                .toString(Qt::ISODateWithMs)},
                {QStringLiteral("created_by"), qs(user.createdBy)}});
        printJson({{QStringLiteral("enforced"), !users->empty()}, {QStringLiteral("users"), list}});
        return ExitOk;
    }
    if (users->empty()) {
        printLine("no users: access control is off and everyone may do anything in this "
                  "workspace (add an admin with `assay users add NAME --role admin`)");
        return ExitOk;
    }
    printLine(padded("NAME", 16) + padded("ROLE", 11) + padded("OS LOGIN", 16) +
              padded("PASSWORD", 10) + padded("CREATED", 18) + "BY");
    for (const govern::User &user : *users)
        printLine(padded(shortened(user.name, 15), 16) +
                  padded(std::string(govern::roleName(user.role)), 11) +
                  padded(shortened(user.osUser.value_or(user.name), 15), 16) +
                  padded(user.hasPassword ? "yes" : "no", 10) +
                  padded(localDate(user.createdMs), 18) + user.createdBy +
                  (user.disabled ? "  (disabled)" : ""));
    return ExitOk;
}

int runAdd(CommandContext &context)
{
    const Command &command = *findCommand("users add");
    const auto &positional = context.arguments.positional();
    if (positional.size() != 1)
        return usageError(command, "expected one user name");
    const auto roleOption = context.arguments.value("role");
    if (!roleOption)
        return usageError(command, "--role is required (viewer, scientist, approver or admin)");
    auto role = govern::parseRole(*roleOption);
    if (!role)
        return usageError(command, role.error().message);
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    auto before = govern::listUsers(ws->database());
    if (!before)
        return fail(before.error());
    const std::string &name = positional.front();
    auto password = newPassword(context, name, *role >= Role::Approver);
    if (!password)
        return fail(password.error());
    govern::User user;
    user.name = name;
    user.osUser = context.arguments.value("os-user");
    user.role = *role;
    if (Status added = govern::addUser(ws->database(), user, *password); !added)
        return fail(added.error());
    printLine("added " + name + " (" + std::string(govern::roleName(*role)) + ")");
    if (before->empty()) {
        printLine("access control is now on in this workspace: unknown logins act as viewers");
        auto me = govern::currentActor(ws->database());
        if (me && me->name != name)
            printLine("note: your login " + govern::sessionCredentials().user + " is not " + name +
                      "'s, so you now act as a viewer");
    }
    return ExitOk;
}

int runSetRole(CommandContext &context)
{
    const Command &command = *findCommand("users set-role");
    const auto &positional = context.arguments.positional();
    if (positional.size() != 2)
        return usageError(command, "expected a user name and a role");
    auto role = govern::parseRole(positional[1]);
    if (!role)
        return usageError(command, role.error().message);
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    if (Status changed = govern::setUserRole(ws->database(), positional[0], *role); !changed)
        return fail(changed.error());
    printLine(positional[0] + " is now " + std::string(govern::roleName(*role)));
    return ExitOk;
}

int runPasswd(CommandContext &context)
{
    const Command &command = *findCommand("users passwd");
    const auto &positional = context.arguments.positional();
    if (positional.size() != 1)
        return usageError(command, "expected one user name");
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    auto password = newPassword(context, positional[0], true);
    if (!password)
        return fail(password.error());
    if (Status changed = govern::setUserPassword(ws->database(), positional[0], **password);
        !changed)
        return fail(changed.error());
    printLine("changed the password of " + positional[0]);
    return ExitOk;
}

int runRemove(CommandContext &context)
{
    const Command &command = *findCommand("users remove");
    const auto &positional = context.arguments.positional();
    if (positional.size() != 1)
        return usageError(command, "expected one user name");
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    if (Status removed = govern::removeUser(ws->database(), positional[0]); !removed)
        return fail(removed.error());
    printLine("removed " + positional[0]);
    return ExitOk;
}

int runWhoami(CommandContext &context)
{
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    auto actor = govern::currentActor(ws->database());
    if (!actor)
        return fail(actor.error());
    const std::string login = govern::sessionCredentials().user;
    if (context.json) {
        printJson({{QStringLiteral("user"), qs(actor->name)},
                   {QStringLiteral("login"), qs(login)},
                   {QStringLiteral("role"), roleText(actor->role)},
                   {QStringLiteral("enforced"), actor->enforced}});
        return ExitOk;
    }
    if (!actor->enforced)
        printLine(login + ": this workspace has no users, so access control is off and every "
                          "action is allowed");
    else
        printLine(actor->name + " (" + std::string(govern::roleName(actor->role)) + ")" +
                  (actor->name == login ? "" : ", login " + login));
    return ExitOk;
}

const char *kIdentity =
    "You act as your OS login, mapped to a workspace user by the user's --os-user (or its name).\n"
    "$ASSAY_USER replaces the login: it exists for tests and service accounts, and anyone who\n"
    "can set it can claim any user, so roles that matter need a password as well. Approver and\n"
    "admin actions ask for the user's password ($ASSAY_PASSWORD, else a prompt on a terminal).";

} // namespace

void addUsersCommands(std::vector<Command> &into)
{
    into.push_back(
        {"users list",
         "the workspace's users and their roles",
         "",
         std::string("While a workspace has no users, access control is off and "
                     "everyone may do anything.\nRoles: viewer (reads), scientist "
                     "(data, runs, schemas, models), approver (promotes to\nproduction), "
                     "admin (users, audit checkpoints).\n") +
             kIdentity,
         "assay users list --json",
         {},
         runList});
    into.push_back(
        {"users add",
         "add a user with a role",
         "NAME --role ROLE [--os-user LOGIN] [--password-stdin]",
         "The first user must be an admin with a password; adding them turns access control on.\n"
         "Later users need an admin. Approvers and admins need a password: read from standard\n"
         "input with --password-stdin, else asked twice on the terminal. Passwords (8 characters\n"
         "or more) are stored as argon2id hashes. Refused: exit 1.",
         "printf '%s\\n' \"$PW\" | assay users add alice --role admin --password-stdin",
         {{"role", true, "ROLE", "viewer, scientist, approver or admin"},
          {"os-user", true, "LOGIN", "the OS login that acts as this user (default: NAME)"},
          {"password-stdin", false, "", "read the new password from standard input"}},
         runAdd});
    into.push_back({"users set-role",
                    "change a user's role",
                    "NAME ROLE",
                    "Needs an admin and their password. The last admin cannot be demoted; an "
                    "approver or\nadmin must have a password first. Refused: exit 1.",
                    "assay users set-role bob approver",
                    {},
                    runSetRole});
    into.push_back({"users passwd",
                    "set a user's password",
                    "NAME [--password-stdin]",
                    "Users may change their own password (giving the current one through\n"
                    "$ASSAY_PASSWORD or the prompt); changing another user's needs an admin.",
                    "assay users passwd bob",
                    {{"password-stdin", false, "", "read the new password from standard input"}},
                    runPasswd});
    into.push_back({"users remove",
                    "remove a user",
                    "NAME",
                    "Needs an admin and their password. The last admin cannot be removed. "
                    "Refused: exit 1.",
                    "assay users remove carol",
                    {},
                    runRemove});
    into.push_back({"whoami",
                    "the user and role this process acts as",
                    "",
                    std::string("Prints the workspace user, their role and whether access control "
                                "is on (enforced).\nA login that is no user acts as a viewer.\n") +
                        kIdentity,
                    "assay whoami --json",
                    {},
                    runWhoami});
}

} // namespace assay::cli
