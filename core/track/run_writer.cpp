// TrackingStore's writes to one run: params, tags, metric series, artifacts, dataset inputs.
#include "track/tracking_store.h"

#include "track/key_rules.h"
#include "track/metric_batch.h"
#include "track/write_retry.h"
#include "version/cache_object.h"
#include "version/dvc_layout.h"
#include "version/file_hash.h"
#include "workspace/database.h"

namespace assay::track {

namespace fs = std::filesystem;

Status TrackingStore::logParam(const std::string &runId, const std::string &key,
                               const std::string &value)
{
    ASSAY_TRY(validateKey("param", key));
    ASSAY_TRY(requireWriteAccess());
    ASSAY_TRY(requireRun(runId));
    return writeWithRetry(*m_database, [&]() -> Status {
        auto existing =
            m_database->prepare("SELECT value FROM params WHERE run_id = ?1 AND key = ?2");
        if (!existing)
            return existing.error();
        existing->bind(1, runId).bind(2, key);
        auto row = existing->step();
        if (!row)
            return row.error();
        if (*row) {
            const std::string logged = existing->columnText(0);
            if (logged == value)
                return {};
            return Error::invalidInput("param '" + key + "' was already logged as '" + logged +
                                       "' for run " + runId +
                                       "; params cannot change (new "
                                       "value '" +
                                       value + "')");
        }
        auto insert =
            m_database->prepare("INSERT INTO params(run_id, key, value) VALUES (?1, ?2, ?3)");
        if (!insert)
            return insert.error();
        insert->bind(1, runId).bind(2, key).bind(3, value);
        return insert->run();
    });
}

Status TrackingStore::logTag(const std::string &runId, const std::string &key,
                             const std::string &value)
{
    ASSAY_TRY(validateKey("tag", key));
    ASSAY_TRY(requireWriteAccess());
    ASSAY_TRY(requireRun(runId));
    return writeWithRetry(*m_database, [&]() -> Status {
        auto upsert =
            m_database->prepare("INSERT INTO tags(run_id, key, value) VALUES (?1, ?2, ?3) "
                                "ON CONFLICT(run_id, key) DO UPDATE SET value = excluded.value");
        if (!upsert)
            return upsert.error();
        upsert->bind(1, runId).bind(2, key).bind(3, value);
        return upsert->run();
    });
}

Status TrackingStore::logMetric(const std::string &runId, const std::string &key,
                                const MetricPoint &point)
{
    return logMetrics(runId, key, std::span<const MetricPoint>(&point, 1));
}

Status TrackingStore::logMetrics(const std::string &runId, const std::string &key,
                                 std::span<const MetricPoint> points)
{
    ASSAY_TRY(validateKey("metric", key));
    if (points.empty())
        return {};
    ASSAY_TRY(requireWriteAccess());
    ASSAY_TRY(requireRun(runId));
    return writeWithRetry(*m_database,
                          [&] { return appendMetricSeries(*m_database, runId, key, points); });
}

Status TrackingStore::logMetricBatch(const std::string &runId,
                                     std::span<const KeyedMetricPoint> points)
{
    if (points.empty())
        return {};
    std::string_view checked;
    for (const KeyedMetricPoint &keyed : points) {
        if (keyed.key != checked)
            ASSAY_TRY(validateKey("metric", keyed.key));
        checked = keyed.key;
    }
    ASSAY_TRY(requireWriteAccess());
    ASSAY_TRY(requireRun(runId));
    return writeWithRetry(*m_database,
                          [&] { return appendMetricPoints(*m_database, runId, points); });
}

Result<Artifact> TrackingStore::logArtifact(const std::string &runId, const fs::path &file,
                                            const std::string &artifactPath)
{
    ASSAY_TRY(requireWriteAccess());
    ASSAY_TRY(requireRun(runId));
    std::error_code error;
    if (!fs::is_regular_file(file, error))
        return Error::notFound(file.string() + ": not a file (artifacts are single files)");
    auto md5 = version::md5OfFile(file);
    if (!md5)
        return md5.error();
    auto stored = version::storeObject(file, version::cacheObjectPath(m_root, *md5));
    if (!stored)
        return stored.error();
    const auto size = fs::file_size(file, error);
    if (error)
        return Error::io(file.string() + ": " + error.message());
    return recordArtifact(runId, {artifactPath, *md5, size});
}

Result<Artifact> TrackingStore::logArtifactBytes(const std::string &runId, std::string_view bytes,
                                                 const std::string &artifactPath)
{
    ASSAY_TRY(requireWriteAccess());
    ASSAY_TRY(requireRun(runId));
    const std::string md5 = version::md5OfBytes(bytes);
    ASSAY_TRY(version::storeObjectBytes(bytes, version::cacheObjectPath(m_root, md5)));
    return recordArtifact(runId, {artifactPath, md5, bytes.size()});
}

Result<Artifact> TrackingStore::recordArtifact(const std::string &runId, Artifact artifact)
{
    if (artifact.path.empty() || artifact.path.front() == '/' ||
        artifact.path.find("..") != std::string::npos)
        return Error::invalidInput("artifact path '" + artifact.path +
                                   "' must be relative to the run and stay inside it");
    ASSAY_TRY(writeWithRetry(*m_database, [&]() -> Status {
        auto upsert = m_database->prepare(
            "INSERT OR REPLACE INTO artifacts(run_id, path, md5, size) VALUES (?1, ?2, ?3, ?4)");
        if (!upsert)
            return upsert.error();
        upsert->bind(1, runId).bind(2, artifact.path).bind(3, artifact.md5);
        upsert->bind(4, static_cast<std::int64_t>(artifact.size));
        return upsert->run();
    }));
    return artifact;
}

Status TrackingStore::logDataset(const std::string &runId, const DatasetInput &dataset)
{
    if (dataset.name.empty())
        return Error::invalidInput("a dataset input needs a name");
    ASSAY_TRY(requireWriteAccess());
    ASSAY_TRY(requireRun(runId));
    return writeWithRetry(*m_database, [&]() -> Status {
        auto upsert = m_database->prepare(
            "INSERT OR REPLACE INTO dataset_inputs(run_id, name, path, md5, revision, context) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        if (!upsert)
            return upsert.error();
        upsert->bind(1, runId).bind(2, dataset.name).bind(3, dataset.path);
        upsert->bind(4, dataset.md5).bind(5, dataset.revision).bind(6, dataset.context);
        return upsert->run();
    });
}

} // namespace assay::track
