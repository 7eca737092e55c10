// ingestLogs into a monitor of a trained model: idempotent (a file twice, a line in two files),
// labels before and after their predictions, out-of-order times kept, bad lines counted with
// their line numbers, CSV logs, a cancelled ingest keeping whole batches, and the audit entry.
#include "govern/access_control.h"
#include "govern/audit_log.h"
#include "model/training_run.h"
#include "monitor/log_ingest.h"
#include "monitor/monitor_config.h"
#include "workspace/workspace.h"

#include "support/check_ok.h"
#include "support/files.h"

#include <QTemporaryDir>
#include <QTest>

#include <optional>
#include <sstream>

using namespace assay;
using assay::testing::pathOf;
using assay::testing::writeFile;
namespace fs = std::filesystem;

namespace {

std::string trainingCsv()
{
    std::ostringstream out;
    out << "x1,x2,color,y\n";
    const char *colors[] = {"red", "green", "blue"};
    for (int i = 0; i < 300; ++i) {
        const double x1 = (i * 37 % 100) / 100.0;
        const double x2 = (i * 53 % 100) / 100.0;
        out << x1 << "," << x2 << "," << colors[i % 3] << "," << (x1 + 0.3 * x2 > 0.6 ? 1 : 0) << "\n";
    }
    return out.str();
}

// One flat prediction line per hour from 2024-06-03T00:00:00Z.
std::string predictionLine(int i)
{
    std::ostringstream out;
    out << "{\"timestamp\": " << (1717372800 + 3600 * i) << ", \"id\": \"r" << i << "\", \"x1\": " << (i % 10) / 10.0
        << ", \"x2\": 0.5, \"color\": \"red\", \"prediction\": 0." << (i % 9 + 1) << "}\n";
    return out.str();
}

} // namespace

class TestLogIngest : public QObject {
    Q_OBJECT

private:
    std::optional<QTemporaryDir> m_dir;
    fs::path m_root;
    std::optional<workspace::Workspace> m_ws;

    workspace::Workspace &ws() { return *m_ws; }

    std::int64_t count(const std::string &sql)
    {
        auto query = ws().database().prepare(sql);
        if (!query || !query->step().ok())
            return -1;
        return query->columnInt(0);
    }

    Result<monitor::IngestReport> ingest(std::vector<fs::path> files, monitor::IngestOptions options = {},
                                         Progress progress = {})
    {
        return monitor::ingestLogs(ws(), "risk", files, options, progress);
    }

private slots:
    void init()
    {
        govern::setSessionCredentials({.user = "alice", .password = std::nullopt});
        m_dir.emplace();
        auto opened = workspace::Workspace::init(pathOf(*m_dir));
        QVERIFY(opened.ok());
        m_ws.emplace(std::move(*opened));
        m_root = ws().root();
        writeFile(m_root / "data/train.csv", trainingCsv());
        model::TrainRequest request;
        request.data = (m_root / "data/train.csv").string();
        request.target = "y";
        request.trainer = "logreg";
        request.runName = "risk";
        request.seed = 1;
        auto trained = model::trainAndRecord(ws(), request);
        QVERIFY2(trained.ok(), trained.ok() ? "" : trained.error().message.c_str());
        auto config = monitor::configureMonitor(ws(), {.model = "risk", .reference = std::nullopt,
                                                       .window = std::nullopt, .rulesJson = std::nullopt});
        QVERIFY2(config.ok(), config.ok() ? "" : config.error().message.c_str());
        QCOMPARE(config->name, std::string("risk"));
    }

    void cleanup()
    {
        m_ws.reset();
        m_dir.reset();
    }

    void storesRowsFeaturesAndSources()
    {
        std::string log;
        for (int i = 0; i < 5; ++i)
            log += predictionLine(i);
        log += "{\"timestamp\": 1717380000, \"x1\": 0.3, \"x2\": 0.1, \"color\": \"blue\", \"tenure\": 4, \"score\": 0.4}\n";
        writeFile(m_root / "logs/a.jsonl", log);
        const auto generation = count("SELECT generation FROM monitors");
        auto report = ingest({m_root / "logs/a.jsonl"});
        CHECK_OK(report);
        QCOMPARE(report->files, 1u);
        QCOMPARE(report->lines, 6u);
        QCOMPARE(report->rows, 6u);
        QCOMPARE(report->badLines, 0u);
        QCOMPARE(*report->firstNs, 1717372800LL * 1000000000LL);
        QCOMPARE(report->unknownFeatures, std::vector<std::string>{"tenure"});
        QCOMPARE(count("SELECT COUNT(*) FROM monitor_rows"), 6);
        QCOMPARE(count("SELECT COUNT(*) FROM monitor_features"), 4);
        QCOMPARE(count("SELECT lines FROM monitor_sources"), 6);
        QVERIFY(count("SELECT generation FROM monitors") > generation);
        auto names = monitor::monitorFeatureNames(ws().database(), 1);
        CHECK_OK(names);
        QCOMPARE(names->at(0), std::string("x1"));
        QCOMPARE(count("SELECT COUNT(*) FROM monitor_rows WHERE score IS NOT NULL"), 6);
    }

    void sameFileTwiceAndSameLineInTwoFilesStoreOnce()
    {
        std::string log;
        for (int i = 0; i < 20; ++i)
            log += predictionLine(i);
        writeFile(m_root / "logs/a.jsonl", log);
        writeFile(m_root / "logs/b.jsonl", predictionLine(3) + predictionLine(50));
        CHECK_OK(ingest({m_root / "logs/a.jsonl"}));
        const auto generation = count("SELECT generation FROM monitors");
        auto again = ingest({m_root / "logs/a.jsonl"});
        CHECK_OK(again);
        QCOMPARE(again->rows, 0u);
        QCOMPARE(again->duplicates, 20u);
        QCOMPARE(count("SELECT generation FROM monitors"), generation); // nothing new, same generation
        auto other = ingest({m_root / "logs/b.jsonl"});
        CHECK_OK(other);
        QCOMPARE(other->rows, 1u);
        QCOMPARE(other->duplicates, 1u);
        QCOMPARE(count("SELECT COUNT(*) FROM monitor_rows"), 21);
    }

    void labelsBeforeAndAfterPredictions()
    {
        writeFile(m_root / "logs/early.jsonl", "{\"id\": \"r1\", \"label\": 1}\n");
        writeFile(m_root / "logs/pred.jsonl", predictionLine(1) + predictionLine(2));
        writeFile(m_root / "logs/late.jsonl", "{\"id\": \"r2\", \"y\": 0, \"timestamp\": \"2024-06-10T00:00:00Z\"}\n");
        auto early = ingest({m_root / "logs/early.jsonl"});
        CHECK_OK(early);
        QCOMPARE(early->labels, 1u);
        QCOMPARE(early->rows, 0u);
        CHECK_OK(ingest({m_root / "logs/pred.jsonl"}));
        auto late = ingest({m_root / "logs/late.jsonl"}); // "y" is the model's target column
        CHECK_OK(late);
        QCOMPARE(late->labels, 1u);
        QCOMPARE(count("SELECT COUNT(*) FROM monitor_rows r JOIN monitor_labels l "
                       "ON l.monitor_id = r.monitor_id AND l.record_id = r.record_id"), 2);
        auto repeated = ingest({m_root / "logs/late.jsonl"});
        CHECK_OK(repeated);
        QCOMPARE(repeated->labels, 0u); // unchanged labels are not counted again
        writeFile(m_root / "logs/fix.jsonl", "{\"id\": \"r2\", \"label\": 1}\n");
        auto corrected = ingest({m_root / "logs/fix.jsonl"});
        CHECK_OK(corrected);
        QCOMPARE(corrected->labels, 1u);
        QCOMPARE(count("SELECT label FROM monitor_labels WHERE record_id = 'r2'"), 1);
    }

    void outOfOrderTimesAreKeptAndMissingTimesTakeThePrevious()
    {
        writeFile(m_root / "logs/a.jsonl", predictionLine(5) + predictionLine(1) +
                                               "{\"x1\": 0.1, \"x2\": 0.2, \"color\": \"red\", \"prediction\": 0.3}\n");
        auto report = ingest({m_root / "logs/a.jsonl"});
        CHECK_OK(report);
        QCOMPARE(report->withoutTimestamp, 1u);
        QCOMPARE(count("SELECT ts_ns / 1000000000 FROM monitor_rows WHERE record_id = 'r5'"), 1717372800 + 5 * 3600);
        QCOMPARE(count("SELECT ts_ns / 1000000000 FROM monitor_rows WHERE record_id = 'r1'"), 1717372800 + 3600);
        QCOMPARE(count("SELECT ts_ns / 1000000000 FROM monitor_rows WHERE record_id = ''"), 1717372800 + 3600);
        QCOMPARE(*report->firstNs, (1717372800LL + 3600) * 1000000000LL);
        QCOMPARE(*report->lastNs, (1717372800LL + 5 * 3600) * 1000000000LL);
    }

    void badLinesAreCountedAndNeverStop()
    {
        std::string log = predictionLine(0) + "{\"x1\": 0.5, \"x2\": \n" + predictionLine(1) + "not json\n\n" +
                          "{\"label\": 1}\n" + predictionLine(2);
        writeFile(m_root / "logs/a.jsonl", log);
        monitor::IngestOptions options;
        options.keepBadLines = 2;
        auto report = ingest({m_root / "logs/a.jsonl"}, options);
        CHECK_OK(report);
        QCOMPARE(report->rows, 3u);
        QCOMPARE(report->badLines, 3u);
        QCOMPARE(report->lines, 6u); // the blank line is not counted
        QCOMPARE(report->firstBadLines.size(), std::size_t(2));
        QCOMPARE(report->firstBadLines[0].line, 2u);
        QCOMPARE(report->firstBadLines[0].column, std::size_t(18)); // where the value is missing
        QCOMPARE(report->firstBadLines[1].line, 4u);
        QCOMPARE(report->firstBadLines[1].file, (m_root / "logs/a.jsonl").string());
        QCOMPARE(count("SELECT bad_lines FROM monitor_sources"), 3);
    }

    void csvLogs()
    {
        writeFile(m_root / "logs/a.csv", "when,request_id,x1,x2,color,probability,y\n"
                                         "2024-06-03T10:00:00Z,c1,0.1,0.2,red,0.3,0\n"
                                         "2024-06-03T11:00:00Z,c2,0.9,NA,\"blue\",0.8,1\n"
                                         "2024-06-03T12:00:00Z,c3,0.4\n");
        monitor::IngestOptions options;
        options.timestampColumn = "when";
        auto report = ingest({m_root / "logs/a.csv"}, options);
        CHECK_OK(report);
        QCOMPARE(report->rows, 2u);
        QCOMPARE(report->labels, 2u);
        QCOMPARE(report->badLines, 1u);
        QCOMPARE(report->firstBadLines[0].line, 4u);
        QCOMPARE(count("SELECT COUNT(*) FROM monitor_features"), 3);
        QCOMPARE(count("SELECT ts_ns / 1000000000 FROM monitor_rows WHERE record_id = 'c2'"), 1717408800 + 3600);
    }

    void unreadableFileIsAnError()
    {
        auto missing = ingest({m_root / "logs/none.jsonl"});
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.find("none.jsonl") != std::string::npos);
        auto unknown = monitor::ingestLogs(ws(), "nosuch", {m_root / "data/train.csv"});
        QCOMPARE(unknown.error().kind, ErrorKind::NotFound);
    }

    void cancelledIngestKeepsWholeBatches()
    {
        std::string log;
        for (int i = 0; i < 95; ++i)
            log += predictionLine(i);
        writeFile(m_root / "logs/a.jsonl", log);
        CancellationToken token;
        int reports = 0;
        Progress progress([&](double, std::string_view) {
            if (++reports == 2)
                token.cancel();
        }, token);
        monitor::IngestOptions options;
        options.batchRows = 20;
        auto report = ingest({m_root / "logs/a.jsonl"}, options, progress);
        QVERIFY(!report.ok());
        QCOMPARE(report.error().kind, ErrorKind::Cancelled);
        QCOMPARE(count("SELECT COUNT(*) FROM monitor_rows"), 40);
        auto rerun = ingest({m_root / "logs/a.jsonl"}, options);
        CHECK_OK(rerun);
        QCOMPARE(rerun->rows, 55u);
        QCOMPARE(rerun->duplicates, 40u);
    }

    void auditEntryWithCounts()
    {
        writeFile(m_root / "logs/a.jsonl", predictionLine(0) + "{\"id\": \"r0\", \"label\": 1}\n");
        CHECK_OK(ingest({m_root / "logs/a.jsonl"}));
        auto entries = govern::readAudit(ws().database());
        CHECK_OK(entries);
        QCOMPARE(entries->back().action, std::string("monitor.ingest"));
        QCOMPARE(entries->back().object, std::string("risk"));
        QCOMPARE(entries->back().actor, std::string("alice"));
        QVERIFY(entries->back().details.find("\"rows\":1") != std::string::npos);
        QVERIFY(entries->back().details.find("\"labels\":1") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestLogIngest)
#include "test_log_ingest.moc"
