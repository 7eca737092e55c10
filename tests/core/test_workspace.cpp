#include "version/git_repository.h"
#include "workspace/workspace.h"

#include "support/files.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <sqlite3.h>

using namespace assay;
using assay::testing::pathOf;
using assay::testing::slurp;
namespace fs = std::filesystem;

class TestWorkspace : public QObject {
    Q_OBJECT

private slots:
    void initCreatesGitDvcAndDatabase()
    {
        QTemporaryDir dir;
        const fs::path root = pathOf(dir) / "ws";
        workspace::InitReport report;
        auto ws = workspace::Workspace::init(root, &report);
        QVERIFY2(ws.ok(), ws.ok() ? "" : ws.error().message.c_str());
        QVERIFY(report.createdGitRepository);
        QVERIFY(report.createdDvcLayout);
        QVERIFY(report.createdDatabase);
        QVERIFY(fs::is_directory(root / ".git"));
        QCOMPARE(slurp(root / ".dvc" / "config"), std::string());
        QCOMPARE(slurp(root / ".dvc" / ".gitignore"), std::string("/config.local\n/tmp\n/cache\n"));
        QVERIFY(slurp(root / ".dvcignore").starts_with("# Add patterns of files dvc should ignore"));
        QVERIFY(fs::is_directory(root / ".dvc" / "tmp"));
        QVERIFY(fs::exists(root / ".assay" / "assay.db"));
    }

    void databaseIsWalWithForeignKeysAndMigrated()
    {
        QTemporaryDir dir;
        auto ws = workspace::Workspace::init(pathOf(dir));
        QVERIFY(ws.ok());
        auto &db = ws->database();
        auto version = db.userVersion();
        QVERIFY(version.ok());
        QVERIFY(*version >= 1);
        auto mode = db.prepare("PRAGMA journal_mode");
        QVERIFY(mode.ok() && *mode->step());
        QCOMPARE(mode->columnText(0), std::string("wal"));
        auto keys = db.prepare("PRAGMA foreign_keys");
        QVERIFY(keys.ok() && *keys->step());
        QCOMPARE(keys->columnInt(0), 1);
        auto id = db.prepare("SELECT value FROM settings WHERE key = 'workspace_id'");
        QVERIFY(id.ok() && *id->step());
        QCOMPARE(id->columnText(0).size(), std::size_t(32));
    }

    void secondInitAddsNothing()
    {
        QTemporaryDir dir;
        QVERIFY(workspace::Workspace::init(pathOf(dir)).ok());
        workspace::InitReport again;
        QVERIFY(workspace::Workspace::init(pathOf(dir), &again).ok());
        QVERIFY(!again.createdGitRepository);
        QVERIFY(!again.createdDvcLayout);
        QVERIFY(!again.createdDatabase);
        QVERIFY(again.addedFiles.empty());
    }

    void existingDvcRepositoryKeepsItsConfig()
    {
        QTemporaryDir dir;
        const fs::path root = pathOf(dir);
        QVERIFY(version::GitRepository::init(root).ok());
        fs::create_directories(root / ".dvc");
        std::ofstream(root / ".dvc" / "config") << "[core]\n    remote = storage\n";
        workspace::InitReport report;
        QVERIFY(workspace::Workspace::init(root, &report).ok());
        QVERIFY(!report.createdGitRepository);
        QVERIFY(!report.createdDvcLayout);
        QCOMPARE(slurp(root / ".dvc" / "config"), std::string("[core]\n    remote = storage\n"));
        QVERIFY(fs::exists(root / ".dvc" / ".gitignore"));
    }

    void subfolderOfAGitRepositoryGetsNoNestedRepository()
    {
        QTemporaryDir dir;
        QVERIFY(version::GitRepository::init(pathOf(dir)).ok());
        workspace::InitReport report;
        QVERIFY(workspace::Workspace::init(pathOf(dir) / "project", &report).ok());
        QVERIFY(!report.createdGitRepository);
        QVERIFY(!fs::exists(pathOf(dir) / "project" / ".git"));
        QVERIFY(fs::exists(pathOf(dir) / "project" / ".dvc" / "config"));
    }

    void newerSchemaIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(workspace::Workspace::init(pathOf(dir)).ok());
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open((pathOf(dir) / ".assay" / "assay.db").c_str(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "PRAGMA user_version = 999", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
        auto opened = workspace::Workspace::open(pathOf(dir));
        QVERIFY(!opened.ok());
        QVERIFY(opened.error().message.find("newer") != std::string::npos);
    }

    void failedMigrationLeavesDatabaseUntouched()
    {
        QTemporaryDir dir;
        auto database = workspace::Database::open(pathOf(dir) / "t.db");
        QVERIFY(database.ok());
        auto &db = **database;
        auto status = db.transaction([&]() -> Status {
            ASSAY_TRY(db.execute("CREATE TABLE t(x INTEGER)"));
            return db.execute("INSERT INTO nowhere VALUES (1)");
        });
        QVERIFY(!status.ok());
        auto check = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 't'");
        QVERIFY(check.ok() && *check->step());
        QCOMPARE(check->columnInt(0), 0);
    }

    void openOutsideAWorkspaceNamesTheFolder()
    {
        QTemporaryDir dir;
        auto opened = workspace::Workspace::open(pathOf(dir));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().kind, ErrorKind::NotFound);
        QVERIFY(opened.error().message.find(dir.path().toStdString()) != std::string::npos);
    }

    void discoverFindsTheNearestWorkspaceUpward()
    {
        QTemporaryDir dir;
        QVERIFY(workspace::Workspace::init(pathOf(dir)).ok());
        fs::create_directories(pathOf(dir) / "a" / "b");
        const auto found = workspace::Workspace::discover(pathOf(dir) / "a" / "b");
        QVERIFY(found.has_value());
        QCOMPARE(fs::canonical(*found), fs::canonical(pathOf(dir)));
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "test_workspace.moc"
