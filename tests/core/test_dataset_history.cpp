#include "demo/demo_workspace.h"
#include "support/files.h"
#include "version/dataset_history.h"
#include "version/dataset_ref.h"
#include "version/dvc_pointer.h"
#include "version/git_repository.h"
#include "workspace/workspace.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace assay;
using assay::testing::pathOf;
namespace fs = std::filesystem;

class TestDatasetHistory : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    fs::path m_demo;

private slots:
    void initTestCase()
    {
        m_demo = pathOf(m_dir) / "demo";
        demo::DemoOptions options;
        options.rows = 600;
        QVERIFY(demo::createDemoWorkspace(m_demo, options).ok());
    }

    void historyListsBothVersionsNewestFirst()
    {
        auto history = version::datasetHistory(m_demo / "data/credit.csv");
        QVERIFY2(history.ok(), history.ok() ? "" : history.error().message.c_str());
        QCOMPARE(history->size(), std::size_t(2));
        const auto &newest = history->front();
        const auto &oldest = history->back();
        QVERIFY(newest.time > oldest.time);
        QCOMPARE(oldest.message, std::string("Add credit applications, first quarter"));
        QCOMPARE(newest.author, std::string("Assay Demo"));
        auto pointer = version::readDvcFile(m_demo / "data/credit.csv.dvc");
        QCOMPARE(newest.md5, pointer->md5);
        QVERIFY(newest.md5 != oldest.md5);
        QCOMPARE(newest.rows.value_or(0), std::uint64_t(600));
        QCOMPARE(newest.columns.value_or(0), std::uint64_t(20));
    }

    void untrackedPathIsNotFound()
    {
        auto history = version::datasetHistory(m_demo / "README.md");
        QVERIFY(!history.ok());
        QCOMPARE(history.error().kind, ErrorKind::NotFound);
    }

    void parseRefSplitsAtTheLastAt()
    {
        const auto ref = version::parseDatasetRef("data/x.csv@HEAD~1");
        QCOMPARE(ref.path, std::string("data/x.csv"));
        QCOMPARE(ref.revision.value_or(""), std::string("HEAD~1"));
        QVERIFY(!version::parseDatasetRef("data/x.csv").revision);
        QVERIFY(!version::parseDatasetRef("trailing@").revision);
        const fs::path odd = pathOf(m_dir) / "odd@name.csv";
        std::ofstream(odd) << "a\n1\n";
        QVERIFY(!version::parseDatasetRef(odd.string()).revision);
    }

    void readsAnOlderVersionFromTheCache()
    {
        const std::string path = (m_demo / "data/credit.csv").string();
        auto older = version::readDataset({path, "HEAD~1"});
        QVERIFY2(older.ok(), older.ok() ? "" : older.error().message.c_str());
        auto current = version::readDataset({path, std::nullopt});
        QVERIFY(current.ok());
        const auto &idsOld = older->table.column(0).ints();
        const auto &idsNew = current->table.column(0).ints();
        QCOMPARE(idsOld.front(), std::int64_t(100001));
        QVERIFY(idsNew.back() > idsOld.back());
    }

    void unknownRevisionNamesIt()
    {
        auto read = version::readDataset({(m_demo / "data/credit.csv").string(), "no-such-rev"});
        QVERIFY(!read.ok());
        QVERIFY(read.error().message.find("no-such-rev") != std::string::npos);
    }

    void workingCopyMissingFallsBackToThePointer()
    {
        QTemporaryDir dir;
        const fs::path root = pathOf(dir) / "ws";
        demo::DemoOptions options;
        options.rows = 200;
        QVERIFY(demo::createDemoWorkspace(root, options).ok());
        fs::remove(root / "data/credit.csv");
        auto read = version::readDataset({(root / "data/credit.csv").string(), std::nullopt});
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message.c_str());
        QCOMPARE(read->table.rowCount(), std::size_t(200));
    }

    void corruptedCacheObjectIsNeverUsed()
    {
        QTemporaryDir dir;
        const fs::path root = pathOf(dir) / "ws";
        demo::DemoOptions options;
        options.rows = 200;
        QVERIFY(demo::createDemoWorkspace(root, options).ok());
        auto history = version::datasetHistory(root / "data/credit.csv");
        const std::string md5 = history->back().md5;
        const fs::path object = root / ".dvc/cache/files/md5" / md5.substr(0, 2) / md5.substr(2);
        fs::permissions(object, fs::perms::owner_write, fs::perm_options::add);
        std::ofstream(object, std::ios::app) << "tampered\n";
        auto read = version::readDataset({(root / "data/credit.csv").string(), "HEAD~1"});
        QVERIFY(!read.ok());
        QVERIFY2(read.error().message.find("corrupted") != std::string::npos,
                 read.error().message.c_str());
    }

    void fileTrackedByGitItselfIsReadAtARevision()
    {
        QTemporaryDir dir;
        const fs::path root = pathOf(dir);
        QVERIFY(workspace::Workspace::init(root).ok());
        std::ofstream(root / "small.csv") << "a,b\n1,2\n";
        auto repo = version::GitRepository::open(root);
        QVERIFY(repo->stage({"small.csv"}).ok());
        QVERIFY(repo->commit("add small").ok());
        std::ofstream(root / "small.csv") << "a,b\n1,2\n3,4\n";
        auto old = version::readDataset({(root / "small.csv").string(), "HEAD"});
        QVERIFY2(old.ok(), old.ok() ? "" : old.error().message.c_str());
        QCOMPARE(old->table.rowCount(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestDatasetHistory)
#include "test_dataset_history.moc"
