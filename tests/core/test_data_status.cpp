// Status of tracked data against its pointers, the state table, and DVC 2 (legacy) outputs.
#include "version/checkout.h"
#include "version/data_status.h"
#include "version/dvc_add.h"
#include "version/file_hash.h"
#include "workspace/workspace.h"

#include "support/files.h"

#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>

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
};

version::OutputState stateOf(Fixture &f, const std::string &path, bool granular = false,
                             std::vector<version::FileStatus> *files = nullptr)
{
    version::HashState state(&f.ws.database());
    version::StatusOptions options;
    options.granular = granular;
    auto report = version::dataStatus(f.root, state, options);
    if (!report)
        qFatal("status failed: %s", report.error().message.c_str());
    for (const auto &output : report->outputs) {
        if (output.tracked.outputPath == path) {
            if (files)
                *files = output.files;
            return output.state;
        }
    }
    qFatal("no output %s", path.c_str());
}

bool add(Fixture &f, const std::string &path)
{
    version::HashState state(&f.ws.database());
    auto added = version::addPath(f.root, path, state);
    if (!added)
        qWarning("%s", added.error().message.c_str());
    return added.ok();
}

} // namespace

class TestDataStatus : public QObject {
    Q_OBJECT

private slots:
    void modifyThenAddThenUnchanged()
    {
        Fixture f;
        writeFile(f.root / "data/credit.csv", "id,amount\n1,100\n");
        QVERIFY(add(f, "data/credit.csv"));
        QCOMPARE(stateOf(f, "data/credit.csv"), version::OutputState::Unchanged);
        writeFile(f.root / "data/credit.csv", "id,amount\n1,999\n2,5\n");
        QCOMPARE(stateOf(f, "data/credit.csv"), version::OutputState::Modified);
        QVERIFY(add(f, "data/credit.csv"));
        QCOMPARE(stateOf(f, "data/credit.csv"), version::OutputState::Unchanged);
        fs::remove(f.root / "data/credit.csv");
        QCOMPARE(stateOf(f, "data/credit.csv"), version::OutputState::NotInWorkspace);
    }

    void addingUnchangedDataWritesNothing()
    {
        Fixture f;
        writeFile(f.root / "a.csv", "a\n1\n");
        QVERIFY(add(f, "a.csv"));
        const auto before = fs::last_write_time(f.root / "a.csv.dvc");
        version::HashState state(&f.ws.database());
        auto again = version::addPath(f.root, "a.csv", state);
        QVERIFY(again.ok());
        QVERIFY(again->unchanged);
        QVERIFY(again->changedFiles.empty());
        QCOMPARE(fs::last_write_time(f.root / "a.csv.dvc"), before);
    }

    void granularListsFilesOfAFolder()
    {
        Fixture f;
        writeFile(f.root / "images/a.png", "A");
        writeFile(f.root / "images/b.png", "B");
        writeFile(f.root / "images/c/d.png", "D");
        QVERIFY(add(f, "images"));
        writeFile(f.root / "images/a.png", "A2");
        fs::remove(f.root / "images/c/d.png");
        writeFile(f.root / "images/e.png", "E");
        std::vector<version::FileStatus> files;
        QCOMPARE(stateOf(f, "images", true, &files), version::OutputState::Modified);
        QCOMPARE(files.size(), std::size_t(3));
        QCOMPARE(files[0].relativePath, std::string("a.png"));
        QCOMPARE(files[0].change, version::FileChange::Modified);
        QCOMPARE(files[1].relativePath, std::string("c/d.png"));
        QCOMPARE(files[1].change, version::FileChange::Deleted);
        QCOMPARE(files[2].relativePath, std::string("e.png"));
        QCOMPARE(files[2].change, version::FileChange::Added);
    }

    void missingCacheObjectIsNotInCache()
    {
        Fixture f;
        writeFile(f.root / "x.csv", "x\n");
        QVERIFY(add(f, "x.csv"));
        fs::remove_all(f.root / ".dvc/cache");
        QCOMPARE(stateOf(f, "x.csv"), version::OutputState::NotInCache);
    }

    // The folder shortcut (unchanged listing) must still notice a file object gone from the cache.
    void folderFromStateStillChecksEveryObject()
    {
        Fixture f;
        writeFile(f.root / "set/a", "A");
        writeFile(f.root / "set/b", "B");
        QVERIFY(add(f, "set"));
        QCOMPARE(stateOf(f, "set"), version::OutputState::Unchanged);
        const std::string md5 = version::md5OfBytes("B");
        fs::remove(f.root / ".dvc/cache/files/md5" / md5.substr(0, 2) / md5.substr(2));
        QCOMPARE(stateOf(f, "set"), version::OutputState::NotInCache);
    }

    // Once a settled cache was found complete, status trusts that verdict while the cache's
    // folders keep their mtimes; removing an object changes its folder's mtime.
    void rememberedCacheVerdictNoticesARemovedObject()
    {
        Fixture f;
        writeFile(f.root / "set/a", "A");
        writeFile(f.root / "set/b", "B");
        QVERIFY(add(f, "set"));
        const auto hourAgo = fs::file_time_type::clock::now() - std::chrono::hours(1);
        for (const auto &entry : fs::recursive_directory_iterator(f.root / ".dvc/cache"))
            if (entry.is_directory())
                fs::last_write_time(entry.path(), hourAgo);
        QCOMPARE(stateOf(f, "set"), version::OutputState::Unchanged);
        auto remembered = f.ws.database().prepare(
            "SELECT count(*) FROM hash_state WHERE path LIKE '.dvc/cache/%'");
        QVERIFY(remembered.ok() && remembered->step().value());
        QCOMPARE(remembered->columnInt(0), std::int64_t(1));
        QCOMPARE(stateOf(f, "set"), version::OutputState::Unchanged);

        const std::string md5 = version::md5OfBytes("A");
        fs::remove(f.root / ".dvc/cache/files/md5" / md5.substr(0, 2) / md5.substr(2));
        QCOMPARE(stateOf(f, "set"), version::OutputState::NotInCache);
    }

    // A cache that changed moments ago is checked, not remembered (timestamps are coarse).
    void freshCacheIsNotRemembered()
    {
        Fixture f;
        writeFile(f.root / "x.csv", "x\n");
        QVERIFY(add(f, "x.csv"));
        QCOMPARE(stateOf(f, "x.csv"), version::OutputState::Unchanged);
        auto remembered = f.ws.database().prepare(
            "SELECT count(*) FROM hash_state WHERE path LIKE '.dvc/cache/%'");
        QVERIFY(remembered.ok() && remembered->step().value());
        QCOMPARE(remembered->columnInt(0), std::int64_t(0));
    }

    // The state table trusts inode+size+mtime, as DVC does: a same-size rewrite with the old
    // mtime restored is not re-hashed, so status still says unchanged.
    void stateTableAvoidsRehashing()
    {
        Fixture f;
        for (int i = 0; i < 20; ++i)
            writeFile(f.root / "many" / ("f" + std::to_string(i)), "content " + std::to_string(i));
        QVERIFY(add(f, "many"));
        const auto hashedBefore = version::filesHashedSoFar();
        QCOMPARE(stateOf(f, "many"), version::OutputState::Unchanged);
        QCOMPARE(version::filesHashedSoFar(), hashedBefore);

        const fs::path file = f.root / "many/f3";
        struct stat before {};
        QCOMPARE(::stat(file.c_str(), &before), 0);
        {
            std::fstream out(file, std::ios::in | std::ios::out | std::ios::binary);
            out.seekp(0);
            out << "CONTENT";
        }
        const struct timespec times[2] = {before.st_atim, before.st_mtim};
        QCOMPARE(::utimensat(AT_FDCWD, file.c_str(), times, 0), 0);
        QCOMPARE(stateOf(f, "many"), version::OutputState::Unchanged);
        QCOMPARE(version::filesHashedSoFar(), hashedBefore);

        // A real edit changes the mtime: exactly that one file is hashed again.
        writeFile(f.root / "many/f4", "edited");
        QCOMPARE(stateOf(f, "many"), version::OutputState::Modified);
        QCOMPARE(version::filesHashedSoFar(), hashedBefore + 1);
    }

    // A DVC 2 pointer (no `hash` key) over a CRLF file, with its object in the legacy layout.
    void legacyPointerAndLegacyCacheAreRead()
    {
        Fixture f;
        const std::string crlf = "a,b\r\n1,2\r\n";
        const std::string legacyMd5 = version::md5OfBytes("a,b\n1,2\n");
        writeFile(f.root / "old.csv", crlf);
        writeFile(f.root / "old.csv.dvc",
              "outs:\n- md5: " + legacyMd5 + "\n  size: 10\n  path: old.csv\n");
        const fs::path object =
            f.root / ".dvc/cache" / legacyMd5.substr(0, 2) / legacyMd5.substr(2);
        writeFile(object, crlf);
        QCOMPARE(stateOf(f, "old.csv"), version::OutputState::Unchanged);

        fs::remove(f.root / "old.csv");
        QCOMPARE(stateOf(f, "old.csv"), version::OutputState::NotInWorkspace);
        version::HashState state(&f.ws.database());
        auto restored = version::checkout(f.root, state);
        QVERIFY(restored.ok());
        QVERIFY2(restored->ok(),
                 restored->problems.empty() ? "" : restored->problems[0].reason.c_str());
        QCOMPARE(slurp(f.root / "old.csv"), crlf);
        QCOMPARE(stateOf(f, "old.csv"), version::OutputState::Unchanged);

        // Re-adding unchanged legacy content keeps the pointer as DVC 2 wrote it.
        QVERIFY(add(f, "old.csv"));
        QVERIFY(slurp(f.root / "old.csv.dvc").find("hash:") == std::string::npos);
        // Changed content switches it to DVC 3's md5, as `dvc add` does.
        writeFile(f.root / "old.csv", "a,b\r\n1,3\r\n");
        QVERIFY(add(f, "old.csv"));
        QVERIFY(slurp(f.root / "old.csv.dvc").find("  hash: md5\n") != std::string::npos);
    }

    void brokenPointerIsAnErrorNamingIt()
    {
        Fixture f;
        writeFile(f.root / "bad.csv.dvc", "outs:\n- size: 3\n  path: bad.csv\n");
        version::HashState state(&f.ws.database());
        auto report = version::dataStatus(f.root, state);
        QVERIFY(!report.ok());
        QVERIFY(report.error().message.find("bad.csv.dvc") != std::string::npos);
        QVERIFY(report.error().message.find("md5") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestDataStatus)
#include "test_data_status.moc"
