#pragma once

#include "common/result.h"
#include "track/run_record.h"
#include "workspace/database.h"

#include <optional>
#include <string>
#include <vector>

namespace assay::track {

enum class DeletedRuns { Hide, Only, Include };

struct RunQuery {
    std::optional<std::string> experiment; // by name; every experiment when empty
    DeletedRuns deleted = DeletedRuns::Hide;
};

// Runs with their params, tags and latest metrics (no artifacts or datasets), newest
// start first, read from the migration-4 tables in four queries whatever the run count.
Result<std::vector<RunRecord>> listRuns(workspace::Database &db, const RunQuery &query = {});

// One run with everything it logged except the metric histories; NotFound when absent.
Result<RunRecord> loadRun(workspace::Database &db, const std::string &runId);

// The run id `reference` means: a full id, a unique prefix of at least 6 characters, or a
// run name when exactly one run has it. Errors name the reference (unknown, ambiguous).
Result<std::string> resolveRun(workspace::Database &db, const std::string &reference);

// Every logged point of one metric, by step then timestamp; NotFound when the run never
// logged `key`.
Result<std::vector<MetricPoint>> metricHistory(workspace::Database &db, const std::string &runId,
                                               const std::string &key);

// Marks a run deleted or restores it; its rows stay either way.
Status setRunDeleted(workspace::Database &db, const std::string &runId, bool deleted);

} // namespace assay::track
