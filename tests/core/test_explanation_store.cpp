// The explanation cache: keys are canonical, a saved explanation is found, listed, loaded
// back and attached to its run; a document gone from the content store is a miss, a corrupted
// one an error.
#include "explain/explanation_store.h"

#include "track/tracking_store.h"
#include "version/dvc_layout.h"
#include "workspace/workspace.h"

#include "support/check_ok.h"
#include "support/explanations.h"
#include "support/files.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace assay;
using assay::testing::ExplanationSamples;
using assay::testing::pathOf;
namespace fs = std::filesystem;

class TestExplanationStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::optional<workspace::Workspace> m_workspace;
    std::string m_runId;

    explain::Explanation shapOfTheRun(std::uint64_t seed)
    {
        ExplanationSamples samples(seed);
        auto explanation = samples.shap(1, true);
        explanation.subject.runId = m_runId;
        explanation.subject.modelName = m_runId;
        return explanation;
    }

private slots:
    void initTestCase()
    {
        auto workspace = workspace::Workspace::init(pathOf(m_dir) / "ws");
        QVERIFY2(workspace.ok(), workspace.ok() ? "" : workspace.error().message.c_str());
        m_workspace.emplace(std::move(*workspace));
        auto store = track::TrackingStore::open(*m_workspace);
        CHECK_OK(store);
        auto run = store->startRun({});
        CHECK_OK(run);
        m_runId = *run;
    }

    void keyIsCanonical()
    {
        const QJsonObject a{{QStringLiteral("seed"), 1},
                            {QStringLiteral("rows"), QJsonArray{0, 10}}};
        QJsonObject b;
        b.insert(QStringLiteral("rows"), QJsonArray{0, 10});
        b.insert(QStringLiteral("seed"), 1);
        const auto key = explain::explanationKey(explain::ExplainMethod::TreeShap, "m", "d", a);
        QCOMPARE(key.size(), std::size_t(32));
        QCOMPARE(explain::explanationKey(explain::ExplainMethod::TreeShap, "m", "d", b), key);
        QVERIFY(explain::explanationKey(explain::ExplainMethod::KernelShap, "m", "d", a) != key);
        QVERIFY(explain::explanationKey(explain::ExplainMethod::TreeShap, "m2", "d", a) != key);
        QVERIFY(explain::explanationKey(explain::ExplainMethod::TreeShap, "m", "d2", a) != key);
        b.insert(QStringLiteral("rows"), QJsonArray{0, 11});
        QVERIFY(explain::explanationKey(explain::ExplainMethod::TreeShap, "m", "d", b) != key);
    }

    void savedIsFoundLoadedAndAttached()
    {
        explain::ExplanationStore store(*m_workspace);
        const auto explanation = shapOfTheRun(1);
        const auto key = explain::explanationKey(explanation.method, explanation.subject.modelMd5,
                                                 explanation.subject.dataMd5, explanation.params);
        auto missing = store.find(key);
        CHECK_OK(missing);
        QVERIFY(!*missing);

        auto saved = store.save(explanation);
        CHECK_OK(saved);
        QCOMPARE(saved->key, key);
        QCOMPARE(saved->rows, std::size_t(7));
        QCOMPARE(saved->runId, m_runId);
        QVERIFY(fs::exists(version::cacheObjectPath(m_workspace->root(), saved->documentMd5)));

        auto found = store.find(key);
        CHECK_OK(found);
        QVERIFY(*found);
        QCOMPARE((*found)->documentMd5, saved->documentMd5);
        QCOMPARE((*found)->params, explanation.params);
        QCOMPARE((*found)->method, explain::ExplainMethod::TreeShap);
        QCOMPARE((*found)->createdMs, explanation.createdMs);

        auto loaded = store.load(**found);
        CHECK_OK(loaded);
        const auto &a = std::get<explain::ShapExplanation>(explanation.result);
        const auto &b = std::get<explain::ShapExplanation>(loaded->result);
        QCOMPARE(b.values.values.size(), a.values.values.size());
        QVERIFY(
            std::equal(a.values.values.begin(), a.values.values.end(), b.values.values.begin()));

        auto tracking = track::TrackingStore::open(*m_workspace);
        CHECK_OK(tracking);
        auto run = tracking->run(m_runId);
        CHECK_OK(run);
        const std::string artifactPath = "explain/shap-" + key.substr(0, 8) + ".json";
        const auto artifact =
            std::find_if(run->artifacts.begin(), run->artifacts.end(),
                         [&](const track::Artifact &x) { return x.path == artifactPath; });
        QVERIFY2(artifact != run->artifacts.end(), artifactPath.c_str());
        QCOMPARE(artifact->md5, saved->documentMd5);
    }

    void listIsNewestFirst()
    {
        explain::ExplanationStore store(*m_workspace);
        ExplanationSamples samples(2);
        auto lime = samples.lime();
        lime.createdMs += 5000;
        lime.subject.runId.clear(); // a model file: cached, attached to nothing
        CHECK_OK(store.save(lime));
        auto permutation = samples.permutation();
        permutation.createdMs -= 5000;
        permutation.subject.runId.clear();
        CHECK_OK(store.save(permutation));
        auto entries = store.list();
        CHECK_OK(entries);
        QCOMPARE(entries->size(), std::size_t(3));
        QCOMPARE((*entries)[0].method, explain::ExplainMethod::Lime);
        QCOMPARE((*entries)[1].method, explain::ExplainMethod::TreeShap);
        QCOMPARE((*entries)[2].method, explain::ExplainMethod::Permutation);
        QCOMPARE((*entries)[0].rows, std::size_t(2));
        QCOMPARE((*entries)[2].rows, std::size_t(7)); // the rows range 3:10
    }

    void goneDocumentIsAMissCorruptedOneAnError()
    {
        explain::ExplanationStore store(*m_workspace);
        auto explanation = shapOfTheRun(3);
        explanation.params.insert(QStringLiteral("seed"), 99);
        auto saved = store.save(explanation);
        CHECK_OK(saved);
        const fs::path object = version::cacheObjectPath(m_workspace->root(), saved->documentMd5);
        fs::permissions(object, fs::perms::owner_read | fs::perms::owner_write);
        assay::testing::writeFile(object, "{\"format\":\"assay-explanation\"}");
        auto corrupted = store.load(*saved);
        QVERIFY(!corrupted.ok());
        QVERIFY2(corrupted.error().message.find("corrupted") != std::string::npos,
                 corrupted.error().message.c_str());
        fs::remove(object);
        auto found = store.find(saved->key);
        CHECK_OK(found);
        QVERIFY(!*found);
    }
};

QTEST_GUILESS_MAIN(TestExplanationStore)
#include "test_explanation_store.moc"
