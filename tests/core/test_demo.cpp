#include "demo/demo_workspace.h"
#include "explain/explained_data.h"
#include "explain/explanation_store.h"
#include "table/reader.h"
#include "track/run_query.h"
#include "workspace/workspace.h"
#include "version/dvc_pointer.h"
#include "version/git_repository.h"

#include "support/files.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>
#include <set>

using namespace assay;
using assay::testing::pathOf;
using assay::testing::slurp;
namespace fs = std::filesystem;

namespace {

bool isTrainedModel(const track::RunRecord &run)
{
    return run.tags.count("assay.source") != 0;
}

} // namespace

class TestDemo : public QObject {
    Q_OBJECT

private slots:
    void defaultDemoIsBigEnough()
    {
        QVERIFY(demo::DemoOptions{}.rows >= 20000);
    }

    void sameOptionsGiveSameBytesAndCommits()
    {
        QTemporaryDir a, b;
        demo::DemoOptions options;
        options.rows = 800;
        const fs::path rootA = fs::path(a.path().toStdString()) / "demo";
        const fs::path rootB = fs::path(b.path().toStdString()) / "demo";
        QVERIFY(demo::createDemoWorkspace(rootA, options).ok());
        QVERIFY(demo::createDemoWorkspace(rootB, options).ok());
        QCOMPARE(slurp(rootA / "data/credit.csv"), slurp(rootB / "data/credit.csv"));
        auto headA = version::GitRepository::open(rootA)->head();
        auto headB = version::GitRepository::open(rootB)->head();
        QVERIFY(headA.ok() && headB.ok());
        QCOMPARE(headA->commit, headB->commit);
        QCOMPARE(headA->branch, std::string("main"));

        auto workspaceA = workspace::Workspace::open(rootA);
        auto workspaceB = workspace::Workspace::open(rootB);
        auto runsA = track::listRuns(workspaceA->database());
        auto runsB = track::listRuns(workspaceB->database());
        QVERIFY(runsA.ok() && runsB.ok() && !runsA->empty());
        QCOMPARE(runsA->size(), runsB->size());
        // The sweep's runs have seeded ids; trained models get fresh ids, but the same bytes.
        for (std::size_t i = 0; i < runsA->size(); ++i) {
            const auto &runA = (*runsA)[i];
            if (!isTrainedModel(runA)) {
                QCOMPARE(runA.info.runId, (*runsB)[i].info.runId);
                continue;
            }
            const auto sameName = std::find_if(runsB->begin(), runsB->end(), [&](const auto &run) {
                return run.info.name == runA.info.name && run.info.experiment == runA.info.experiment;
            });
            QVERIFY(sameName != runsB->end());
            auto fullA = track::loadRun(workspaceA->database(), runA.info.runId);
            auto fullB = track::loadRun(workspaceB->database(), sameName->info.runId);
            QVERIFY(fullA.ok() && fullB.ok());
            QCOMPARE(fullA->artifacts.size(), fullB->artifacts.size());
            for (std::size_t k = 0; k < fullA->artifacts.size(); ++k) {
                QCOMPARE(fullA->artifacts[k].path, fullB->artifacts[k].path);
                // Explanations name the run they explain, whose id is fresh.
                if (!fullA->artifacts[k].path.starts_with("explain/"))
                    QCOMPARE(fullA->artifacts[k].md5, fullB->artifacts[k].md5);
            }
        }
    }

    void trackedDatasetHasTypedColumnsAndMissingValues()
    {
        QTemporaryDir dir;
        demo::DemoOptions options;
        options.rows = 3000;
        const fs::path root = fs::path(dir.path().toStdString()) / "demo";
        QVERIFY(demo::createDemoWorkspace(root, options).ok());

        auto pointer = version::readDvcFile(root / "data/credit.csv.dvc");
        QVERIFY(pointer.ok());
        QCOMPARE(pointer->size, fs::file_size(root / "data/credit.csv"));
        QVERIFY(fs::exists(root / ".dvc/cache/files/md5" / pointer->md5.substr(0, 2) /
                           pointer->md5.substr(2)));

        auto read = table::readTable(root / "data/credit.csv");
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message.c_str());
        const table::Table &t = read->table;
        QCOMPARE(t.rowCount(), std::size_t(3000));
        auto typeOf = [&](const char *name) { return t.column(*t.indexOf(name)).type(); };
        QCOMPARE(typeOf("application_date"), table::ColumnType::Datetime);
        QCOMPARE(typeOf("annual_income"), table::ColumnType::Float);
        QCOMPARE(typeOf("age"), table::ColumnType::Int);
        QCOMPARE(typeOf("sex"), table::ColumnType::String);
        QCOMPARE(typeOf("has_cosigner"), table::ColumnType::Bool);
        QCOMPARE(typeOf("defaulted"), table::ColumnType::Int);
        QVERIFY(t.column(*t.indexOf("annual_income")).missingCount() > 0);
        QVERIFY(t.column(*t.indexOf("credit_score")).missingCount() > 0);
        const auto &target = t.column(*t.indexOf("defaulted")).ints();
        const auto positives = std::count(target.begin(), target.end(), 1);
        QVERIFY(positives > 100 && positives < 1500);
    }

    void sweepHasRunsWithHistoriesFailuresAndNestedFolds()
    {
        QTemporaryDir dir;
        demo::DemoOptions options;
        options.rows = 500;
        const fs::path root = fs::path(dir.path().toStdString()) / "demo";
        QVERIFY(demo::createDemoWorkspace(root, options).ok());
        auto workspace = workspace::Workspace::open(root);
        QVERIFY(workspace.ok());
        auto runs = track::listRuns(workspace->database());
        QVERIFY(runs.ok());
        QVERIFY(runs->size() >= 60);

        auto pointer = version::readDvcFile(root / "data/credit.csv.dvc");
        int failed = 0, folds = 0;
        std::erase_if(*runs, isTrainedModel);
        for (const track::RunRecord &run : *runs) {
            if (run.info.status == track::RunStatus::Failed) {
                ++failed;
                QVERIFY(std::isnan(run.latestMetrics.at("val_loss").value));
            }
            if (run.info.parentRunId) {
                ++folds;
                QVERIFY(track::loadRun(workspace->database(), *run.info.parentRunId).ok());
            }
            QVERIFY(run.info.gitCommit.has_value());
        }
        QVERIFY(failed >= 2 && failed <= 8);
        QCOMPARE(folds, 5);

        // Histories are whole series, and the runs read the first version of the data.
        const track::RunRecord &newest = runs->back();
        auto history = track::metricHistory(workspace->database(), newest.info.runId, "val_loss");
        QVERIFY(history.ok());
        QVERIFY(history->size() >= 50);
        auto full = track::loadRun(workspace->database(), newest.info.runId);
        QVERIFY(full.ok());
        QCOMPARE(full->datasets.size(), std::size_t(1));
        QVERIFY(full->datasets[0].md5 != pointer->md5);
    }

    void explanationsAreCachedForTheCurrentData()
    {
        QTemporaryDir dir;
        demo::DemoOptions options;
        options.rows = 800;
        const fs::path root = fs::path(dir.path().toStdString()) / "demo";
        QVERIFY(demo::createDemoWorkspace(root, options).ok());
        auto current = explain::readExplainedData((root / "data/credit.csv").string());
        QVERIFY(current.ok());
        auto workspace = workspace::Workspace::open(root);
        QVERIFY(workspace.ok());
        explain::ExplanationStore store(*workspace);
        auto entries = store.list();
        QVERIFY(entries.ok());
        std::set<explain::ExplainMethod> methods;
        for (const explain::ExplanationEntry &entry : *entries) {
            QCOMPARE(entry.dataMd5, current->md5);
            auto found = store.find(entry.key);
            QVERIFY(found.ok() && found->has_value());
            methods.insert(entry.method);
        }
        QCOMPARE(methods.size(), std::size_t(5));
    }

    void refusesAFolderThatIsNotEmpty()
    {
        QTemporaryDir dir;
        std::ofstream(fs::path(dir.path().toStdString()) / "keep.txt") << "mine";
        auto made = demo::createDemoWorkspace(dir.path().toStdString());
        QVERIFY(!made.ok());
        QCOMPARE(made.error().kind, ErrorKind::InvalidInput);
        QCOMPARE(slurp(fs::path(dir.path().toStdString()) / "keep.txt"), std::string("mine"));
    }

    void cancelledDemoLeavesNothingBehind()
    {
        QTemporaryDir dir;
        const fs::path root = fs::path(dir.path().toStdString()) / "demo";
        CancellationToken token;
        token.cancel();
        auto made = demo::createDemoWorkspace(root, {}, Progress({}, token));
        QCOMPARE(made.error().kind, ErrorKind::Cancelled);
        QVERIFY(!fs::exists(root));
    }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "test_demo.moc"
