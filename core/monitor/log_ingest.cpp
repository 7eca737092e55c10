#include "monitor/log_ingest.h"

#include "govern/access_control.h"
#include "govern/audit_log.h"
#include "monitor/log_batch_reader.h"
#include "monitor/log_ingest_store.h"
#include "monitor/monitor_config.h"
#include "track/clock.h"
#include "workspace/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <condition_variable>
#include <deque>
#include <fstream>
#include <mutex>
#include <thread>

namespace assay::monitor {

namespace {

// Batches travel from the reading thread to the writing one through this queue; two in flight
// keep both busy while bounding memory to a few batches.
class BatchQueue {
public:
    static constexpr std::size_t kCapacity = 2;

    // False when the consumer has stopped.
    bool push(IngestBatch batch)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_stopped || m_batches.size() < kCapacity; });
        if (m_stopped)
            return false;
        m_batches.push_back(std::move(batch));
        m_changed.notify_all();
        return true;
    }
    // False when the producer has finished and the queue is empty.
    bool pop(IngestBatch &batch)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_finished || !m_batches.empty(); });
        if (m_batches.empty())
            return false;
        batch = std::move(m_batches.front());
        m_batches.pop_front();
        m_changed.notify_all();
        return true;
    }
    void finish()
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_changed.notify_all();
    }
    // Spent batches go back to the reader, so their buffers (already faulted in) are reused.
    void recycle(IngestBatch batch)
    {
        std::lock_guard lock(m_mutex);
        m_spare.push_back(std::move(batch));
    }
    IngestBatch spare()
    {
        std::lock_guard lock(m_mutex);
        if (m_spare.empty())
            return {};
        IngestBatch batch = std::move(m_spare.back());
        m_spare.pop_back();
        return batch;
    }
    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_changed.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<IngestBatch> m_batches;
    std::vector<IngestBatch> m_spare;
    bool m_finished = false;
    bool m_stopped = false;
};

Status checkReadable(const std::vector<std::filesystem::path> &logs)
{
    if (logs.empty())
        return Error::invalidInput("no log files given");
    for (const auto &path : logs) {
        std::error_code error;
        if (!std::filesystem::exists(path, error))
            return Error::notFound(path.string() + ": no such file");
        if (std::filesystem::is_directory(path, error))
            return Error::invalidInput(path.string() + ": is a folder, not a log file");
        if (!std::ifstream(path, std::ios::binary))
            return Error::io(path.string() + ": cannot read");
        if (path.extension() == ".gz")
            return Error::invalidInput(path.string() + ": compressed logs are not supported; gunzip it first");
    }
    return {};
}

std::string auditDetails(const IngestReport &report, const std::vector<SourceStats> &sources, bool cancelled)
{
    QJsonArray files;
    for (const SourceStats &source : sources)
        files.append(QString::fromStdString(source.path));
    QJsonObject details{{QStringLiteral("files"), files},
                        {QStringLiteral("lines"), static_cast<qint64>(report.lines)},
                        {QStringLiteral("rows"), static_cast<qint64>(report.rows)},
                        {QStringLiteral("duplicates"), static_cast<qint64>(report.duplicates)},
                        {QStringLiteral("labels"), static_cast<qint64>(report.labels)},
                        {QStringLiteral("bad_lines"), static_cast<qint64>(report.badLines)}};
    if (cancelled)
        details.insert(QStringLiteral("cancelled"), true);
    return QJsonDocument(details).toJson(QJsonDocument::Compact).toStdString();
}

} // namespace

Result<IngestReport> ingestLogs(workspace::Workspace &workspace, const std::string &monitorName,
                                const std::vector<std::filesystem::path> &logs, const IngestOptions &options,
                                const Progress &progress)
{
    auto &db = workspace.database();
    auto config = findMonitor(db, monitorName);
    if (!config)
        return config.error();
    ASSAY_TRY(checkReadable(logs));
    auto monitored = openMonitoredModel(workspace, config->modelRef);
    if (!monitored)
        return monitored.error();
    auto known = monitorFeatureNames(db, config->id);
    if (!known)
        return known.error();
    auto actor = govern::authorize(db, govern::Action::MonitorModel, monitorName, "monitor.ingest");
    if (!actor)
        return actor.error();

    const model::ModelSignature &signature = monitored->model.model->signature();
    LogBatchReader::Setup setup{.files = logs,
                                .options = options,
                                .parser = {.targetColumn = signature.target,
                                           .positiveClass = signature.classes.size() == 2 ? signature.classes[1]
                                                                                          : std::string(),
                                           .featureNames = {}},
                                .knownFeatures = std::move(*known),
                                .referenceFeatures = {},
                                .batchRows = options.batchRows == 0 ? 1 : options.batchRows};
    for (const auto &feature : signature.features) {
        setup.parser.featureNames.push_back(feature.name);
        setup.referenceFeatures.push_back(feature.name);
    }
    auto store = IngestStore::open(db, config->id);
    if (!store)
        return store.error();
    // Rows are keyed by time, so a log mostly appends; out-of-order lines land inside recent
    // pages. 32 MB of page cache keeps those pages for the ingest (SQLite's default is 2 MB);
    // more only costs page faults.
    ASSAY_TRY(db.execute("PRAGMA cache_size = -32768"));
    struct RestoreCache {
        workspace::Database &db;
        ~RestoreCache() { (void)db.execute("PRAGMA cache_size = -2000"); }
    } restoreCache{db};

    // One thread reads and parses, this one writes: SQLite and the parser each get a core.
    LogBatchReader reader(std::move(setup));
    BatchQueue queue;
    std::thread producer([&] {
        IngestBatch batch;
        while (reader.next(batch)) {
            if (batch.size() == 0)
                continue;
            if (!queue.push(std::move(batch)))
                break;
            batch = queue.spare();
        }
        queue.finish();
    });

    IngestReport report;
    report.monitor = monitorName;
    IngestStore::Counts counts;
    Status status;
    bool cancelled = false;
    IngestBatch batch;
    while (queue.pop(batch)) {
        if (progress.isCancelled()) {
            cancelled = true;
            break;
        }
        status = db.transaction([&]() -> Status {
            const std::uint64_t before = counts.rows + counts.labels;
            ASSAY_TRY((*store)->write(batch, counts));
            if (counts.rows + counts.labels > before)
                return (*store)->bumpGeneration();
            return {};
        });
        if (!status.ok())
            break;
        progress.report(batch.fraction, "ingest");
        queue.recycle(std::move(batch));
        batch = IngestBatch();
    }
    queue.stop();
    producer.join();
    if (!status.ok())
        return status.error();

    const IngestReport &read = reader.report();
    report.files = read.files;
    report.lines = read.lines;
    report.badLines = read.badLines;
    report.withoutTimestamp = read.withoutTimestamp;
    report.firstBadLines = read.firstBadLines;
    report.firstNs = read.firstNs;
    report.lastNs = read.lastNs;
    report.unknownFeatures = read.unknownFeatures;
    report.rows = counts.rows;
    report.duplicates = counts.duplicates;
    report.labels = counts.labels;

    // Sources and the audit entry go in last, with what was stored (also when cancelled).
    ASSAY_TRY(db.transaction([&]() -> Status {
        if (!cancelled)
            for (const SourceStats &source : reader.sources())
                ASSAY_TRY((*store)->recordSource(source.path, source.bytes, source.lines, source.badLines,
                                                 track::nowMs()));
        return govern::appendAudit(db, {.actor = actor->name,
                                        .action = "monitor.ingest",
                                        .object = monitorName,
                                        .refused = false,
                                        .detailsJson = auditDetails(report, reader.sources(), cancelled)});
    }));
    if (cancelled)
        return Error::cancelled();
    return report;
}

} // namespace assay::monitor
