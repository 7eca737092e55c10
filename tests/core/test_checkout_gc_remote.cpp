// Checkout from a verified cache, garbage collection across git refs, folder remotes.
#include "version/cache_gc.h"
#include "version/checkout.h"
#include "version/data_commit.h"
#include "version/dvc_add.h"
#include "version/dvc_layout.h"
#include "version/file_hash.h"
#include "version/folder_remote.h"
#include "version/tracked_outputs.h"
#include "workspace/workspace.h"

#include "support/files.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace assay;
using assay::testing::pathOf;
using assay::testing::writeFile;
using assay::testing::slurp;
namespace fs = std::filesystem;

namespace {

struct Fixture {
    QTemporaryDir dir;
    fs::path root = pathOf(dir);
    workspace::Workspace ws = std::move(workspace::Workspace::init(root).value());

    std::string add(const std::string &path)
    {
        version::HashState state(&ws.database());
        auto added = version::addPath(root, path, state);
        if (!added)
            qFatal("add failed: %s", added.error().message.c_str());
        return added->output.md5;
    }
    version::CheckoutReport checkout(const std::vector<std::string> &paths = {})
    {
        version::HashState state(&ws.database());
        auto report = version::checkout(root, state, paths);
        if (!report)
            qFatal("checkout failed: %s", report.error().message.c_str());
        return *report;
    }
    bool git(const QStringList &arguments)
    {
        QProcess process;
        process.setWorkingDirectory(QString::fromStdString(root.string()));
        process.start(QStringLiteral("git"),
                      QStringList{QStringLiteral("-c"), QStringLiteral("user.name=T"),
                                  QStringLiteral("-c"), QStringLiteral("user.email=t@x")} +
                          arguments);
        return process.waitForFinished(30000) && process.exitCode() == 0;
    }
    void commit(const std::string &message)
    {
        auto done = version::commitDataChanges(root, message, {});
        if (!done || !*done)
            qFatal("commit failed");
    }
    fs::path object(const std::string &oid) const { return version::cacheObjectPath(root, oid); }
};

} // namespace

class TestCheckoutGcRemote : public QObject {
    Q_OBJECT

private slots:
    void addDeleteCheckoutRoundTrip()
    {
        Fixture f;
        writeFile(f.root / "data/x.csv", "x\n1\n");
        writeFile(f.root / "images/a/1.bin", std::string("\0\1\2", 3));
        writeFile(f.root / "images/b.bin", "bbb");
        f.add("data/x.csv");
        f.add("images");
        fs::remove(f.root / "data/x.csv");
        fs::remove_all(f.root / "images");
        const auto report = f.checkout();
        QVERIFY(report.ok());
        QCOMPARE(report.restored.size(), std::size_t(3));
        QCOMPARE(slurp(f.root / "data/x.csv"), std::string("x\n1\n"));
        QCOMPARE(slurp(f.root / "images/a/1.bin"), std::string("\0\1\2", 3));
        // Restored files are normal, writable files, not links into the cache.
        QVERIFY((fs::status(f.root / "data/x.csv").permissions() & fs::perms::owner_write) !=
                fs::perms::none);
        QCOMPARE(fs::hard_link_count(f.root / "data/x.csv"), std::uintmax_t(1));

        const auto again = f.checkout();
        QVERIFY(again.restored.empty());
        QCOMPARE(again.unchanged, std::size_t(3));
    }

    void corruptedObjectIsReportedAndNeverUsed()
    {
        Fixture f;
        writeFile(f.root / "x.csv", "good\n");
        const std::string oid = f.add("x.csv");
        fs::permissions(f.object(oid), fs::perms::owner_write, fs::perm_options::add);
        writeFile(f.object(oid), "evil\n");
        fs::remove(f.root / "x.csv");
        const auto report = f.checkout();
        QVERIFY(!report.ok());
        QCOMPARE(report.problems.size(), std::size_t(1));
        QVERIFY(report.problems[0].reason.find("corrupted") != std::string::npos);
        QVERIFY(!fs::exists(f.root / "x.csv"));
    }

    void gcKeepsObjectsOfOlderBranchesAndTags()
    {
        Fixture f;
        writeFile(f.root / "d.csv", "v1\n");
        const std::string v1 = f.add("d.csv");
        f.commit("v1");
        QVERIFY(f.git({QStringLiteral("tag"), QStringLiteral("v1")}));
        writeFile(f.root / "d.csv", "mid\n");
        const std::string middle = f.add("d.csv"); // only in history: no ref points at it
        f.commit("middle");
        writeFile(f.root / "d.csv", "v2\n");
        const std::string v2 = f.add("d.csv");
        f.commit("v2");
        QVERIFY(f.git({QStringLiteral("branch"), QStringLiteral("keep-v2")}));
        QVERIFY(f.git({QStringLiteral("reset"), QStringLiteral("--hard"), QStringLiteral("v1")}));
        writeFile(f.root / "d.csv", "v3\n");
        const std::string v3 = f.add("d.csv"); // work tree only
        writeFile(f.root / "d.csv", "v4\n");
        const std::string v4 = f.add("d.csv"); // replaces v3: nothing refers to v3 any more
        writeFile(f.root / "folder/a", "A");
        const std::string dirOid = f.add("folder");
        const std::string fileInDir = version::md5OfBytes("A");

        auto dry = version::collectGarbage(f.root, true);
        QVERIFY(dry.ok());
        QCOMPARE(dry->removed.size(), std::size_t(1));
        QVERIFY(fs::exists(f.object(v3)));
        QCOMPARE(dry->bytesFreed, std::uint64_t(3));

        auto gc = version::collectGarbage(f.root, false);
        QVERIFY(gc.ok());
        QCOMPARE(gc->removed, dry->removed);
        QVERIFY(!fs::exists(f.object(v3)));
        for (const auto &kept : {v1, middle, v2, v4, dirOid, fileInDir})
            QVERIFY2(fs::exists(f.object(kept)), kept.c_str());
    }

    void pushAndPullThroughAFolderRemote()
    {
        Fixture f;
        QTemporaryDir remoteDir;
        const fs::path remote = pathOf(remoteDir) / "store";
        writeFile(f.root / "a.csv", "a\n");
        writeFile(f.root / "imgs/1", "one");
        const std::string fileOid = f.add("a.csv");
        f.add("imgs");
        auto outputs = version::findTrackedOutputs(f.root);
        QVERIFY(outputs.ok());
        auto pushed = version::pushObjects(f.root, remote, *outputs);
        QVERIFY(pushed.ok());
        QCOMPARE(pushed->transferred.size(), std::size_t(3));
        QCOMPARE(slurp(remote / "files/md5" / fileOid.substr(0, 2) / fileOid.substr(2)),
                 std::string("a\n"));
        auto again = version::pushObjects(f.root, remote, *outputs);
        QVERIFY(again.ok());
        QVERIFY(again->transferred.empty());
        QCOMPARE(again->alreadyThere, std::size_t(3));

        // A fresh clone of the cache: pull, then checkout.
        fs::remove_all(f.root / ".dvc/cache");
        fs::remove(f.root / "a.csv");
        fs::remove_all(f.root / "imgs");
        auto pulled = version::pullObjects(f.root, remote, *outputs);
        QVERIFY(pulled.ok());
        QCOMPARE(pulled->transferred.size(), std::size_t(3));
        QVERIFY(f.checkout().ok());
        QCOMPARE(slurp(f.root / "imgs/1"), std::string("one"));

        // A corrupted remote object is refused on pull.
        fs::remove_all(f.root / ".dvc/cache");
        const fs::path remoteObject =
            remote / "files/md5" / fileOid.substr(0, 2) / fileOid.substr(2);
        fs::permissions(remoteObject, fs::perms::owner_write, fs::perm_options::add);
        writeFile(remoteObject, "tampered");
        auto refused = version::pullObjects(f.root, remote, *outputs);
        QVERIFY(refused.ok());
        QCOMPARE(refused->problems.size(), std::size_t(1));
        QVERIFY(!fs::exists(f.object(fileOid)));
    }

    void remoteFromDvcConfig()
    {
        Fixture f;
        writeFile(f.root / ".dvc/config", "[core]\n    remote = shared\n['remote \"shared\"']\n"
                                      "    url = ../../store\n");
        auto resolved = version::resolveRemote(f.root, std::nullopt);
        QVERIFY(resolved.ok());
        QCOMPARE(*resolved, (f.root / ".dvc/../../store").lexically_normal());
        writeFile(f.root / ".dvc/config", "[core]\n    remote = s3\n['remote \"s3\"']\n"
                                      "    url = s3://bucket/path\n");
        auto refused = version::resolveRemote(f.root, std::nullopt);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.find("s3://bucket/path") != std::string::npos);
        writeFile(f.root / ".dvc/config", "");
        QVERIFY(!version::resolveRemote(f.root, std::nullopt).ok());
    }

    void commitStagesPointersAndGitignore()
    {
        Fixture f;
        writeFile(f.root / "d.csv", "1\n");
        f.add("d.csv");
        auto changed = version::changedPointerFiles(f.root);
        QVERIFY(changed.ok());
        QCOMPARE(*changed, (std::vector<std::string>{".gitignore", "d.csv.dvc"}));
        auto done = version::commitDataChanges(f.root, "track d", {});
        QVERIFY(done.ok() && done->has_value());
        auto nothing = version::commitDataChanges(f.root, "again", {});
        QVERIFY(nothing.ok());
        QVERIFY(!nothing->has_value());
    }
};

QTEST_GUILESS_MAIN(TestCheckoutGcRemote)
#include "test_checkout_gc_remote.moc"
