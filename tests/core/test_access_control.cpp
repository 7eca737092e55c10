// Users, roles and permissions: every role against every action, passwords, unknown and
// disabled logins, the bootstrap and last-admin rules, and the audit entries they leave.
#include "govern/access_control.h"
#include "track/tracking_store.h"
#include "workspace/workspace.h"

#include "support/files.h"

#include <QTemporaryDir>
#include <QTest>

#include <array>

using namespace assay;
using namespace assay::govern;
using assay::testing::pathOf;

namespace {

constexpr std::array kActions = {
    Action::ChangeData,    Action::WriteRun,       Action::DeleteRun,
    Action::EditSchema,    Action::RegisterModel,  Action::PromoteModel,
    Action::EditModelCard, Action::ExportReport,   Action::ReleasePrivateStatistic,
    Action::ManageUsers,   Action::SignCheckpoint, Action::MonitorModel,
};

// The table the design agreed on, written out here rather than read from requiredRole.
Role leastRole(Action action)
{
    switch (action) {
    case Action::PromoteModel:
        return Role::Approver;
    case Action::ManageUsers:
    case Action::SignCheckpoint:
        return Role::Admin;
    default:
        return Role::Scientist;
    }
}

std::string passwordOf(const std::string &user)
{
    return "pw-of-" + user;
}

void actAs(const std::string &user, std::optional<std::string> password)
{
    setSessionCredentials({.user = user, .password = std::move(password)});
}

struct AuditRow {
    std::string actor, action, object, outcome, details;
};

std::vector<AuditRow> auditRows(workspace::Database &database)
{
    std::vector<AuditRow> rows;
    auto select = database.prepare(
        "SELECT actor, action, object, outcome, details FROM audit_log ORDER BY seq");
    if (!select)
        qFatal("%s", select.error().message.c_str());
    (void)select->forEachRow([&](const workspace::Statement &row) {
        rows.push_back({row.columnText(0), row.columnText(1), row.columnText(2), row.columnText(3),
                        row.columnText(4)});
    });
    return rows;
}

} // namespace

class TestAccessControl : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<workspace::Workspace> m_ws;
    std::optional<workspace::Workspace> m_team; // the role matrix shares one team: hashing is slow

    workspace::Database &db() { return m_ws->database(); }

    void addAs(const std::string &actor, const std::string &name, Role role, bool withPassword)
    {
        actAs(actor, passwordOf(actor));
        User user;
        user.name = name;
        user.role = role;
        const Status added =
            addUser(db(), user, withPassword ? std::optional(passwordOf(name)) : std::nullopt);
        if (!added)
            qFatal("%s", added.error().message.c_str());
    }

    // One user per role, each with a password, created by the bootstrap admin "root".
    void addTeam()
    {
        addAs("root", "root", Role::Admin, true);
        addAs("root", "vera", Role::Viewer, false);
        addAs("root", "sam", Role::Scientist, true);
        addAs("root", "ada", Role::Approver, true);
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        const auto root = pathOf(m_dir) / ("ws" + std::to_string(std::rand()));
        std::filesystem::create_directories(root);
        auto ws = workspace::Workspace::init(root);
        QVERIFY2(ws.ok(), ws.ok() ? "" : ws.error().message.c_str());
        m_ws.emplace(std::move(*ws));
        setPasswordPrompt({});
        actAs("alice", std::nullopt);
    }

    void cleanup() { m_ws.reset(); }

    void rolesParseAndOrder()
    {
        for (Role role : {Role::Viewer, Role::Scientist, Role::Approver, Role::Admin}) {
            auto parsed = parseRole(roleName(role));
            QVERIFY(parsed.ok());
            QCOMPARE(*parsed, role);
        }
        QCOMPARE(parseRole("owner").error().kind, ErrorKind::InvalidInput);
        QVERIFY(Role::Viewer < Role::Scientist && Role::Scientist < Role::Approver &&
                Role::Approver < Role::Admin);
        for (Action action : kActions) {
            QCOMPARE(requiredRole(action), leastRole(action));
            QCOMPARE(needsPassword(action), leastRole(action) >= Role::Approver);
        }
    }

    void withoutUsersEverythingIsAllowed()
    {
        for (Action action : kActions) {
            auto actor = authorize(db(), action, "x");
            QVERIFY(actor.ok());
            QVERIFY(!actor->enforced);
            QCOMPARE(actor->name, std::string("alice"));
        }
        auto outside = authorizeAt(pathOf(m_dir) / "not-a-workspace", Action::ChangeData, "x");
        QVERIFY(outside.ok());
        QVERIFY(!outside->enforced);
        QVERIFY(auditRows(db()).empty());
    }

    void firstUserMustBeAnAdminWithAPassword()
    {
        User scientist;
        scientist.name = "sam";
        scientist.role = Role::Scientist;
        QCOMPARE(addUser(db(), scientist, passwordOf("sam")).error().kind, ErrorKind::InvalidInput);
        User admin;
        admin.name = "root";
        admin.role = Role::Admin;
        QCOMPARE(addUser(db(), admin, std::nullopt).error().kind, ErrorKind::InvalidInput);
        QCOMPARE(addUser(db(), admin, std::string("short")).error().kind, ErrorKind::InvalidInput);
        QVERIFY(listUsers(db())->empty());
        QVERIFY(addUser(db(), admin, passwordOf("root")).ok());
        const auto users = listUsers(db());
        QCOMPARE(users->size(), std::size_t(1));
        QVERIFY(users->front().hasPassword);
        QCOMPARE(users->front().createdBy, std::string("alice"));
        // The hash is argon2id, never the password.
        auto stored = db().prepare("SELECT password_hash FROM users");
        QVERIFY(stored->step().value());
        QVERIFY(stored->columnText(0).starts_with("$argon2id$"));
        QVERIFY(stored->columnText(0).find(passwordOf("root")) == std::string::npos);
    }

    void roleMatrix_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<int>("role");
        QTest::addColumn<int>("action");
        const std::pair<const char *, Role> team[] = {{"vera", Role::Viewer},
                                                      {"sam", Role::Scientist},
                                                      {"ada", Role::Approver},
                                                      {"root", Role::Admin}};
        for (const auto &[user, role] : team)
            for (Action action : kActions)
                QTest::addRow("%s-%d", user, int(action))
                    << QString::fromLatin1(user) << int(role) << int(action);
    }

    void roleMatrix()
    {
        QFETCH(QString, user);
        QFETCH(int, role);
        QFETCH(int, action);
        if (m_team) {
            m_ws.emplace(std::move(*m_team));
            m_team.reset();
        } else {
            addTeam();
        }
        const std::string name = user.toStdString();
        const auto before = auditRows(db()).size();
        actAs(name, passwordOf(name));
        auto actor = authorize(db(), Action(action), "object-1");
        const bool allowed = Role(role) >= leastRole(Action(action));
        QCOMPARE(actor.ok(), allowed);
        const auto rows = auditRows(db());
        if (allowed) {
            QVERIFY(actor->enforced);
            QCOMPARE(actor->name, name);
            QCOMPARE(actor->role, Role(role));
            QCOMPARE(rows.size(), before); // authorize alone records only refusals
        } else {
            QCOMPARE(actor.error().kind, ErrorKind::Refused);
            const std::string expected =
                name + " (" + std::string(roleName(Role(role))) + ") may not ";
            QVERIFY2(actor.error().message.starts_with(expected), actor.error().message.c_str());
            QVERIFY(actor.error().message.find("needs the " +
                                               std::string(roleName(leastRole(Action(action)))) +
                                               " role") != std::string::npos);
            QCOMPARE(rows.size(), before + 1);
            QCOMPARE(rows.back().outcome, std::string("refused"));
            QCOMPARE(rows.back().actor, name);
            QCOMPARE(rows.back().object, std::string("object-1"));
            QCOMPARE(rows.back().action, std::string(defaultAuditAction(Action(action))));
        }
        m_team.emplace(std::move(*m_ws));
        m_ws.reset();
    }

    void passwordIsNeededWrongOrRight()
    {
        addTeam();
        actAs("ada", std::nullopt);
        auto missing = authorize(db(), Action::PromoteModel, "model:1", "registry.promote");
        QCOMPARE(missing.error().kind, ErrorKind::Refused);
        QCOMPARE(missing.error().message,
                 std::string("promoting to production needs ada's password: set "
                             "ASSAY_PASSWORD or answer the prompt"));
        actAs("ada", std::string("not-her-password"));
        auto wrong = authorize(db(), Action::PromoteModel, "model:1", "registry.promote");
        QCOMPARE(wrong.error().kind, ErrorKind::Refused);
        QCOMPARE(wrong.error().message, std::string("wrong password for ada"));
        actAs("ada", passwordOf("ada"));
        QVERIFY(authorize(db(), Action::PromoteModel, "model:1", "registry.promote").ok());
        // Scientist actions need no password, even from an approver.
        actAs("ada", std::nullopt);
        QVERIFY(authorize(db(), Action::WriteRun, "r").ok());

        const auto rows = auditRows(db());
        const auto refused = std::count_if(rows.begin(), rows.end(), [](const AuditRow &row) {
            return row.action == "registry.promote" && row.outcome == "refused";
        });
        QCOMPARE(refused, 2);
    }

    void promptIsAskedOnceAndRemembered()
    {
        addTeam();
        actAs("ada", std::nullopt);
        int asked = 0;
        setPasswordPrompt([&](const std::string &user, const std::string &reason) {
            ++asked;
            return user == "ada" && reason == "promoting to production"
                       ? std::optional(passwordOf("ada"))
                       : std::nullopt;
        });
        QVERIFY(authorize(db(), Action::PromoteModel, "model:1").ok());
        QVERIFY(authorize(db(), Action::PromoteModel, "model:2").ok());
        QCOMPARE(asked, 1);
        setPasswordPrompt({});
    }

    void unknownLoginActsAsViewer()
    {
        addTeam();
        actAs("mallory", std::nullopt);
        auto actor = currentActor(db());
        QVERIFY(actor.ok());
        QCOMPARE(actor->role, Role::Viewer);
        QVERIFY(actor->enforced);
        auto refused = authorize(db(), Action::WriteRun, "run-1", "run.create");
        QCOMPARE(refused.error().kind, ErrorKind::Refused);
        QVERIFY(refused.error().message.starts_with(
            "mallory (viewer) may not write runs: it needs the scientist role"));
        // And through a folder, as version/ asks.
        QCOMPARE(authorizeAt(m_ws->root(), Action::ChangeData, "d.csv").error().kind,
                 ErrorKind::Refused);
    }

    void osLoginMapsToItsUser()
    {
        addTeam();
        User alice;
        alice.name = "alice";
        alice.osUser = "asmith";
        alice.role = Role::Scientist;
        actAs("root", passwordOf("root"));
        QVERIFY(addUser(db(), alice, std::nullopt).ok());
        actAs("asmith", std::nullopt);
        auto actor = authorize(db(), Action::ChangeData, "d.csv");
        QVERIFY(actor.ok());
        QCOMPARE(actor->name, std::string("alice"));
        // The user's name is not a login once an OS login is mapped to it.
        actAs("alice", std::nullopt);
        QCOMPARE(currentActor(db())->role, Role::Viewer);
    }

    void disabledUserIsRefused()
    {
        addTeam();
        QVERIFY(db().execute("UPDATE users SET disabled = 1 WHERE name = 'sam'").ok());
        actAs("sam", passwordOf("sam"));
        auto refused = authorize(db(), Action::ChangeData, "d.csv");
        QCOMPARE(refused.error().kind, ErrorKind::Refused);
        QVERIFY(refused.error().message.find("disabled") != std::string::npos);
        QCOMPARE(auditRows(db()).back().outcome, std::string("refused"));
    }

    void userChangesNeedAnAdminAndAreAudited()
    {
        addTeam();
        actAs("sam", passwordOf("sam"));
        QCOMPARE(setUserRole(db(), "vera", Role::Scientist).error().kind, ErrorKind::Refused);
        QCOMPARE(removeUser(db(), "vera").error().kind, ErrorKind::Refused);
        QCOMPARE(setUserPassword(db(), "vera", "new-password").error().kind, ErrorKind::Refused);

        actAs("root", passwordOf("root"));
        QVERIFY(setUserRole(db(), "vera", Role::Scientist).ok());
        QCOMPARE(setUserRole(db(), "nobody", Role::Scientist).error().kind, ErrorKind::NotFound);
        QVERIFY(setUserPassword(db(), "vera", "vera-new-password").ok());
        QVERIFY(removeUser(db(), "vera").ok());
        QCOMPARE(listUsers(db())->size(), std::size_t(3));

        std::vector<std::string> okActions;
        for (const AuditRow &row : auditRows(db()))
            if (row.outcome == "ok")
                okActions.push_back(row.action + " " + row.object);
        const std::vector<std::string> expected = {
            "user.add root",  "user.add vera",      "user.add sam",    "user.add ada",
            "user.role vera", "user.password vera", "user.remove vera"};
        QCOMPARE(okActions, expected);
        for (const AuditRow &row : auditRows(db()))
            QVERIFY(row.details.find("vera-new-password") == std::string::npos);
    }

    void usersChangeTheirOwnPasswordWithTheCurrentOne()
    {
        addTeam();
        actAs("sam", std::string("wrong-password"));
        QCOMPARE(setUserPassword(db(), "sam", "sam-second-pw").error().kind, ErrorKind::Refused);
        actAs("sam", passwordOf("sam"));
        QVERIFY(setUserPassword(db(), "sam", "sam-second-pw").ok());
        actAs("ada", std::string("sam-second-pw"));
        QCOMPARE(authorize(db(), Action::PromoteModel, "m").error().message,
                 std::string("wrong password for ada"));
    }

    void approversAndAdminsNeedAPassword()
    {
        addTeam();
        actAs("root", passwordOf("root"));
        User bob;
        bob.name = "bob";
        bob.role = Role::Approver;
        QCOMPARE(addUser(db(), bob, std::nullopt).error().kind, ErrorKind::InvalidInput);
        bob.role = Role::Scientist;
        QVERIFY(addUser(db(), bob, std::nullopt).ok());
        QCOMPARE(setUserRole(db(), "bob", Role::Approver).error().kind, ErrorKind::InvalidInput);
        QCOMPARE(addUser(db(), bob, std::nullopt).error().kind, ErrorKind::InvalidInput); // taken
    }

    void lastAdminCannotBeRemovedOrDemoted()
    {
        addTeam();
        actAs("root", passwordOf("root"));
        auto demoted = setUserRole(db(), "root", Role::Scientist);
        QCOMPARE(demoted.error().kind, ErrorKind::Refused);
        QVERIFY(demoted.error().message.find("last admin") != std::string::npos);
        QCOMPARE(removeUser(db(), "root").error().kind, ErrorKind::Refused);
        QCOMPARE(auditRows(db()).back().outcome, std::string("refused"));
        QCOMPARE(currentActor(db())->role, Role::Admin);

        QVERIFY(setUserRole(db(), "ada", Role::Admin).ok());
        QVERIFY(setUserRole(db(), "root", Role::Scientist).ok());
        actAs("ada", passwordOf("ada"));
        QCOMPARE(removeUser(db(), "ada").error().kind, ErrorKind::Refused);
    }

    void viewerCannotStartOrLogARun()
    {
        addTeam();
        auto store = track::TrackingStore::open(*m_ws);
        QVERIFY(store.ok());
        actAs("vera", passwordOf("vera"));
        track::RunInfo info;
        info.runId = "0123456789abcdef0123456789abcdef";
        QCOMPARE(store->startRun(info).error().kind, ErrorKind::Refused);
        auto runs = db().prepare("SELECT count(*) FROM runs");
        QVERIFY(runs->step().value());
        QCOMPARE(runs->columnInt(0), std::int64_t(0));

        actAs("sam", std::nullopt);
        auto scientistStore = track::TrackingStore::open(*m_ws);
        auto id = scientistStore->startRun(info);
        QVERIFY(id.ok());
        QVERIFY(scientistStore->logMetric(*id, "loss", {0, 1, 0.5}).ok());
        QCOMPARE(auditRows(db()).back().action, std::string("run.create"));
        QCOMPARE(auditRows(db()).back().actor, std::string("sam"));

        actAs("vera", std::nullopt);
        auto viewerStore = track::TrackingStore::open(*m_ws);
        QCOMPARE(viewerStore->logMetric(*id, "loss", {1, 2, 0.4}).error().kind, ErrorKind::Refused);
        QCOMPARE(viewerStore->logParam(*id, "lr", "0.1").error().kind, ErrorKind::Refused);
    }
};

QTEST_GUILESS_MAIN(TestAccessControl)
#include "test_access_control.moc"
