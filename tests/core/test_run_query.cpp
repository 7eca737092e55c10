// Run queries over runs written by TrackingStore: listing with deleted runs hidden, a
// filter over what the store logged, run references (id, prefix, name) and delete/restore.
#include "track/run_filter.h"
#include "track/run_query.h"
#include "track/tracking_store.h"
#include "workspace/workspace.h"

#include "support/files.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace assay;
using namespace assay::track;
using assay::testing::pathOf;

class TestRunQuery : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<workspace::Workspace> m_ws;
    std::vector<std::string> m_ids;

    std::string startRun(const std::string &id, const std::string &name, std::int64_t startMs)
    {
        auto store = TrackingStore::open(*m_ws);
        RunInfo info;
        info.runId = id;
        info.name = name;
        info.experiment = "credit";
        info.startMs = startMs;
        auto started = store->startRun(info);
        if (!started)
            qFatal("%s", started.error().message.c_str());
        return *started;
    }

private slots:
    void initTestCase()
    {
        auto ws = workspace::Workspace::init(pathOf(m_dir) / "ws");
        QVERIFY(ws.ok());
        m_ws.emplace(std::move(*ws));
        m_ids = {startRun("abcdef00000000000000000000000001", "first", 1000),
                 startRun("abcdef00000000000000000000000002", "second", 2000),
                 startRun("12345600000000000000000000000003", "second", 3000)};
        auto store = TrackingStore::open(*m_ws);
        QVERIFY(store->logParam(m_ids[0], "lr", "0.1").ok());
        QVERIFY(store->logMetric(m_ids[0], "auc", {0, 1, 0.7}).ok());
        QVERIFY(store->logMetric(m_ids[0], "auc", {1, 2, 0.9}).ok());
        QVERIFY(store->logMetric(m_ids[1], "auc", {0, 1, std::numeric_limits<double>::quiet_NaN()})
                    .ok());
        QVERIFY(store->logTag(m_ids[2], "team", "risk").ok());
        QVERIFY(store->finishRun(m_ids[0], RunStatus::Finished, 1500).ok());
    }

    void listsNewestFirstWithLatestValues()
    {
        auto runs = listRuns(m_ws->database());
        QVERIFY(runs.ok());
        QCOMPARE(runs->size(), std::size_t{3});
        QCOMPARE((*runs)[0].info.runId, m_ids[2]);
        QCOMPARE((*runs)[2].latestMetrics.at("auc").value, 0.9);
        QVERIFY(std::isnan((*runs)[1].latestMetrics.at("auc").value));
        QCOMPARE((*runs)[2].params.at("lr"), std::string("0.1"));
        QCOMPARE((*runs)[0].tags.at("team"), std::string("risk"));
        QCOMPARE((*runs)[2].info.endMs, std::optional<std::int64_t>(1500));

        auto filter = parseFilter("metrics.auc > 0.8 or tags.team = 'risk'");
        QVERIFY(filter.ok());
        std::vector<std::string> matched;
        for (const auto &run : *runs)
            if (matchesFilter(*filter, run))
                matched.push_back(run.info.runId);
        QCOMPARE(matched, (std::vector<std::string>{m_ids[2], m_ids[0]}));

        auto none = listRuns(m_ws->database(), {std::string("other"), DeletedRuns::Hide});
        QVERIFY(none.ok() && none->empty());
    }

    void resolvesIdsPrefixesAndUniqueNames()
    {
        QCOMPARE(resolveRun(m_ws->database(), m_ids[1]).value(), m_ids[1]);
        QCOMPARE(resolveRun(m_ws->database(), "123456").value(), m_ids[2]);
        QCOMPARE(resolveRun(m_ws->database(), "first").value(), m_ids[0]);
        auto ambiguousPrefix = resolveRun(m_ws->database(), "abcdef");
        QVERIFY(!ambiguousPrefix.ok());
        QVERIFY(ambiguousPrefix.error().message.find("ambiguous") != std::string::npos);
        auto ambiguousName = resolveRun(m_ws->database(), "second");
        QVERIFY(!ambiguousName.ok());
        QVERIFY(ambiguousName.error().message.find("ambiguous") != std::string::npos);
        auto unknown = resolveRun(m_ws->database(), "nothing");
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().kind, ErrorKind::NotFound);
        QVERIFY(!resolveRun(m_ws->database(), "12345").ok()); // prefixes need 6 characters
    }

    void deleteHidesAndRestoreShows()
    {
        QVERIFY(setRunDeleted(m_ws->database(), m_ids[1], true).ok());
        QCOMPARE(listRuns(m_ws->database())->size(), std::size_t{2});
        auto deleted = listRuns(m_ws->database(), {std::nullopt, DeletedRuns::Only});
        QCOMPARE(deleted->size(), std::size_t{1});
        QCOMPARE(deleted->front().info.runId, m_ids[1]);
        QCOMPARE(listRuns(m_ws->database(), {std::nullopt, DeletedRuns::Include})->size(),
                 std::size_t{3});
        QVERIFY(setRunDeleted(m_ws->database(), m_ids[1], false).ok());
        QCOMPARE(listRuns(m_ws->database())->size(), std::size_t{3});
        QCOMPARE(
            setRunDeleted(m_ws->database(), "ffffffffffffffffffffffffffffffff", true).error().kind,
            ErrorKind::NotFound);
    }

    void metricHistoryInStepOrder()
    {
        auto points = metricHistory(m_ws->database(), m_ids[0], "auc");
        QVERIFY(points.ok());
        QCOMPARE(points->size(), std::size_t{2});
        QCOMPARE((*points)[1].value, 0.9);
        QCOMPARE(metricHistory(m_ws->database(), m_ids[0], "nope").error().kind,
                 ErrorKind::NotFound);
    }
};

QTEST_MAIN(TestRunQuery)
#include "test_run_query.moc"
