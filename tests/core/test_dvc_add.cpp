#include "version/dvc_add.h"
#include "version/dvc_layout.h"
#include "version/dvc_pointer.h"
#include "workspace/dataset_catalog.h"
#include "workspace/workspace.h"

#include "support/files.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace assay;
using assay::testing::pathOf;
using assay::testing::slurp;
namespace fs = std::filesystem;

class TestDvcAdd : public QObject {
    Q_OBJECT

private slots:
    // The exact pointer DVC 3's own test expects for a file holding "foo".
    void pointerFileMatchesDvcByteForByte()
    {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        QVERIFY(workspace::Workspace::init(root).ok());
        std::ofstream(root / "foo", std::ios::binary) << "foo";
        auto added = version::addFile(root, "foo");
        QVERIFY2(added.ok(), added.ok() ? "" : added.error().message.c_str());
        QCOMPARE(slurp(root / "foo.dvc"), std::string("outs:\n- md5: acbd18db4cc2f85cedef654fccc4a4d8\n"
                                                      "  size: 3\n  hash: md5\n  path: foo\n"));
        const fs::path object = root / ".dvc/cache/files/md5/ac/bd18db4cc2f85cedef654fccc4a4d8";
        QCOMPARE(slurp(object), std::string("foo"));
        QCOMPARE(fs::status(object).permissions() & fs::perms::all,
                 fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
        QCOMPARE(slurp(root / ".gitignore"), std::string("/foo\n"));
    }

    void gitignoreGetsOneLineAndKeepsExistingContent()
    {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        fs::create_directories(root / "data");
        std::ofstream(root / "data" / ".gitignore") << "*.tmp";
        std::ofstream(root / "data" / "a[1].csv") << "x\n1\n";
        QVERIFY(version::addFile(root, "data/a[1].csv").ok());
        QVERIFY(version::addFile(root, "data/a[1].csv").ok());
        QCOMPARE(slurp(root / "data" / ".gitignore"), std::string("*.tmp\n/a\\[1\\].csv\n"));
        QCOMPARE(slurp(root / "data" / "a[1].csv.dvc").substr(0, 8), std::string("outs:\n- "));
        QVERIFY(slurp(root / "data" / "a[1].csv.dvc").find("path: 'a[1].csv'") != std::string::npos);
    }

    void legacyPointerWithoutHashKeyIsDos2unix()
    {
        QTemporaryDir dir;
        const fs::path pointer = fs::path(dir.path().toStdString()) / "x.dvc";
        std::ofstream(pointer) << "outs:\n- md5: acbd18db4cc2f85cedef654fccc4a4d8\n  path: x\n";
        auto read = version::readDvcFile(pointer);
        QVERIFY(read.ok());
        QCOMPARE(read->hashName, std::string("md5-dos2unix"));
        QCOMPARE(read->path, std::string("x"));
    }

    void brokenPointerNamesFileAndKey()
    {
        QTemporaryDir dir;
        const fs::path pointer = fs::path(dir.path().toStdString()) / "x.dvc";
        std::ofstream(pointer) << "outs:\n- size: 3\n";
        auto read = version::readDvcFile(pointer);
        QVERIFY(!read.ok());
        QVERIFY(read.error().message.find("x.dvc") != std::string::npos);
        QVERIFY(read.error().message.find("md5") != std::string::npos);
    }

    void missingFileIsNotFound()
    {
        QTemporaryDir dir;
        auto added = version::addFile(dir.path().toStdString(), "nope.csv");
        QVERIFY(!added.ok());
        QCOMPARE(added.error().kind, ErrorKind::NotFound);
    }

    void catalogListsTrackedAndUntrackedTables()
    {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        QVERIFY(workspace::Workspace::init(root).ok());
        fs::create_directories(root / "data");
        std::ofstream(root / "data" / "tracked.csv") << "a\n1\n";
        std::ofstream(root / "loose.jsonl") << "{\"a\": 1}\n";
        std::ofstream(root / "notes.txt") << "hello";
        QVERIFY(version::addFile(root, "data/tracked.csv").ok());
        fs::remove(root / "data" / "tracked.csv");

        const auto entries = workspace::findDatasets(root);
        QCOMPARE(entries.size(), std::size_t(2));
        QCOMPARE(entries[0].relativePath, std::string("data/tracked.csv"));
        QVERIFY(entries[0].tracked);
        QVERIFY(!entries[0].presentInWorkspace);
        QCOMPARE(entries[0].sizeBytes, std::uint64_t(4));
        QCOMPARE(entries[1].relativePath, std::string("loose.jsonl"));
        QVERIFY(!entries[1].tracked);
    }
};

QTEST_GUILESS_MAIN(TestDvcAdd)
#include "test_dvc_add.moc"
