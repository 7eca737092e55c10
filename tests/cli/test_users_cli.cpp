// `assay users ...`, `assay whoami` and refusals through the real binary: a viewer's
// `data add` and `run` exit 1 and change nothing; a scientist's succeed and are audited.
#include "support/cli_runner.h"
#include "workspace/workspace.h"

#include <QJsonArray>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using assay::testing::parseJson;
using assay::testing::writeBytes;

namespace {

struct Login {
    const char *user;
    const char *password = nullptr; // $ASSAY_PASSWORD when set
};

// Runs `assay` as `login`, feeding `input` on stdin.
assay::testing::CliOutcome runAs(const Login &login, const QStringList &arguments,
                                 const QString &directory, const QByteArray &input = {})
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("ASSAY_USER"), QString::fromUtf8(login.user));
    environment.remove(QStringLiteral("ASSAY_PASSWORD"));
    if (login.password)
        environment.insert(QStringLiteral("ASSAY_PASSWORD"), QString::fromUtf8(login.password));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(directory);
    process.start(qEnvironmentVariable("ASSAY_CLI"), arguments);
    process.waitForStarted();
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(120000);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QStringList words(std::initializer_list<const char *> list)
{
    return assay::testing::args(list);
}

const Login kRoot{"root", "root-password"};
const Login kSam{"sam"};
const Login kVera{"vera"};

} // namespace

class TestUsersCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_ws;

    // Rows of the audit log as "actor action object outcome".
    QStringList audit()
    {
        auto ws = assay::workspace::Workspace::open(m_ws.toStdString());
        if (!ws)
            qFatal("%s", ws.error().message.c_str());
        auto select = ws->database().prepare(
            "SELECT actor, action, object, outcome FROM audit_log ORDER BY seq");
        QStringList rows;
        (void)select->forEachRow([&](const assay::workspace::Statement &row) {
            rows << QString::fromStdString(row.columnText(0) + " " + row.columnText(1) + " " +
                                           row.columnText(2) + " " + row.columnText(3));
        });
        return rows;
    }

    int runCount()
    {
        auto listed = runAs(kSam, words({"runs", "list", "--all", "--json"}), m_ws);
        return int(QJsonDocument::fromJson(listed.out.toUtf8()).array().size());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_ws = m_dir.path() + QStringLiteral("/ws");
        QDir().mkpath(m_ws);
        QCOMPARE(runAs(kRoot, words({"init", "."}), m_ws).exitCode, 0);
        QVERIFY(writeBytes(m_ws + QStringLiteral("/data.csv"), "a,b\n1,2\n3,4\n"));
    }

    void withoutUsersAccessControlIsOff()
    {
        auto whoami = runAs(kVera, words({"whoami", "--json"}), m_ws);
        QCOMPARE(whoami.exitCode, 0);
        const QJsonObject me = parseJson(whoami.out);
        QCOMPARE(me.value(QStringLiteral("user")).toString(), QStringLiteral("vera"));
        QCOMPARE(me.value(QStringLiteral("enforced")).toBool(), false);
        auto list = runAs(kVera, words({"users", "list", "--json"}), m_ws);
        QCOMPARE(list.exitCode, 0);
        QVERIFY(parseJson(list.out).value(QStringLiteral("users")).toArray().isEmpty());
    }

    void bootstrapAndAddUsers()
    {
        // The first user must be an admin with a password.
        auto scientistFirst =
            runAs(kSam, words({"users", "add", "sam", "--role", "scientist"}), m_ws);
        QCOMPARE(scientistFirst.exitCode, 2);
        auto badRole = runAs(kRoot, words({"users", "add", "root", "--role", "owner"}), m_ws);
        QCOMPARE(badRole.exitCode, 2);
        auto root =
            runAs(kRoot, words({"users", "add", "root", "--role", "admin", "--password-stdin"}),
                  m_ws, "root-password\n");
        QVERIFY2(root.exitCode == 0, qPrintable(root.err));

        // Later users need the admin and their password.
        auto bySam = runAs(kSam, words({"users", "add", "sam", "--role", "scientist"}), m_ws);
        QCOMPARE(bySam.exitCode, 1);
        QVERIFY2(bySam.err.contains(QStringLiteral("sam (viewer) may not manage users")),
                 qPrintable(bySam.err));
        auto noPassword =
            runAs({"root"}, words({"users", "add", "sam", "--role", "scientist"}), m_ws);
        QCOMPARE(noPassword.exitCode, 1);
        QVERIFY(noPassword.err.contains(QStringLiteral("needs root's password")));
        auto wrong = runAs({"root", "guess-guess"},
                           words({"users", "add", "sam", "--role", "scientist"}), m_ws);
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY(wrong.err.contains(QStringLiteral("wrong password for root")));
        QCOMPARE(runAs(kRoot, words({"users", "add", "sam", "--role", "scientist"}), m_ws).exitCode,
                 0);
        QCOMPARE(runAs(kRoot, words({"users", "add", "vera", "--role", "viewer"}), m_ws).exitCode,
                 0);

        const QJsonArray users =
            parseJson(runAs(kVera, words({"users", "list", "--json"}), m_ws).out)
                .value(QStringLiteral("users"))
                .toArray();
        QCOMPARE(users.size(), 3);
        QCOMPARE(users[0].toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("root"));
        QCOMPARE(users[0].toObject().value(QStringLiteral("role")).toString(),
                 QStringLiteral("admin"));
        QCOMPARE(users[0].toObject().value(QStringLiteral("has_password")).toBool(), true);

        const QJsonObject me = parseJson(runAs(kSam, words({"whoami", "--json"}), m_ws).out);
        QCOMPARE(me.value(QStringLiteral("role")).toString(), QStringLiteral("scientist"));
        QCOMPARE(me.value(QStringLiteral("enforced")).toBool(), true);
        const QJsonObject stranger =
            parseJson(runAs({"eve"}, words({"whoami", "--json"}), m_ws).out);
        QCOMPARE(stranger.value(QStringLiteral("role")).toString(), QStringLiteral("viewer"));
    }

    void viewerIsRefusedAndNothingChanges()
    {
        auto add = runAs(kVera, words({"data", "add", "data.csv"}), m_ws);
        QCOMPARE(add.exitCode, 1);
        QVERIFY2(add.err.startsWith(QStringLiteral(
                     "assay: vera (viewer) may not change data: it needs the scientist role")),
                 qPrintable(add.err));
        QVERIFY(!QFile::exists(m_ws + QStringLiteral("/data.csv.dvc")));

        auto run = runAs(kVera, words({"run", "--name", "refused", "--", "true"}), m_ws);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QStringLiteral("vera (viewer) may not write runs")));
        QCOMPARE(runCount(), 0);

        const QStringList rows = audit();
        QVERIFY(rows.contains(QStringLiteral("vera data.add data.csv refused")));
        QVERIFY(std::any_of(rows.begin(), rows.end(), [](const QString &row) {
            return row.startsWith(QStringLiteral("vera run.create ")) &&
                   row.endsWith(QStringLiteral(" refused"));
        }));
    }

    void scientistSucceedsAndIsAudited()
    {
        auto add = runAs(kSam, words({"data", "add", "data.csv"}), m_ws);
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        QVERIFY(QFile::exists(m_ws + QStringLiteral("/data.csv.dvc")));
        auto run = runAs(kSam, words({"run", "--name", "fit", "--", "true"}), m_ws);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(runCount(), 1);
        const QStringList rows = audit();
        QVERIFY(rows.contains(QStringLiteral("sam data.add data.csv ok")));
        QVERIFY(std::any_of(rows.begin(), rows.end(), [](const QString &row) {
            return row.startsWith(QStringLiteral("sam run.create ")) &&
                   row.endsWith(QStringLiteral(" ok"));
        }));
    }

    void roleChangesAndTheLastAdmin()
    {
        auto demote = runAs(kRoot, words({"users", "set-role", "root", "viewer"}), m_ws);
        QCOMPARE(demote.exitCode, 1);
        QVERIFY(demote.err.contains(QStringLiteral("last admin")));
        auto remove = runAs(kRoot, words({"users", "remove", "root"}), m_ws);
        QCOMPARE(remove.exitCode, 1);
        QCOMPARE(runAs(kRoot, words({"users", "set-role", "vera", "scientist"}), m_ws).exitCode, 0);
        QCOMPARE(runAs(kVera, words({"data", "add", "data.csv"}), m_ws).exitCode, 0);
        QCOMPARE(runAs(kRoot, words({"users", "set-role", "vera", "wizard"}), m_ws).exitCode, 2);
        QCOMPARE(runAs(kRoot, words({"users", "remove", "nobody"}), m_ws).exitCode, 2);
        auto passwd = runAs(kRoot, words({"users", "passwd", "sam", "--password-stdin"}), m_ws,
                            "sam-password\n");
        QVERIFY2(passwd.exitCode == 0, qPrintable(passwd.err));
        QCOMPARE(runAs(kRoot, words({"users", "remove", "vera"}), m_ws).exitCode, 0);
        const QStringList rows = audit();
        for (const char *expected : {"root user.role vera ok", "root user.password sam ok",
                                     "root user.remove vera ok", "root user.remove root refused"})
            QVERIFY2(rows.contains(QString::fromUtf8(expected)), expected);
    }

    void helpExplainsTheIdentity()
    {
        auto help = runAs(kVera, words({"help", "whoami"}), m_ws);
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("ASSAY_USER")));
    }
};

QTEST_GUILESS_MAIN(TestUsersCli)
#include "test_users_cli.moc"
