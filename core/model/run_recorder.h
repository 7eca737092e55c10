#pragma once

#include "common/result.h"
#include "model/metrics.h"
#include "model/trainer.h"
#include "track/tracking_store.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace assay::model {

// Writes one training run into the tracking store: params, evaluations as "<part>_<metric>",
// per-round curves (buffered, written in batches so a live view sees them while training
// goes on) and the final status.
class RunRecorder {
public:
    RunRecorder(track::TrackingStore &store, std::string runId)
        : m_store(store), m_runId(std::move(runId)) {}

    const std::string &runId() const { return m_runId; }

    Status logParams(const std::map<std::string, std::string> &params);
    // At the last round's step, logged after it, so a final metric that shares its key with a
    // per-round curve (valid_rmse) is the series' latest value.
    Status logEvaluation(const std::string &part, const Evaluation &evaluation);
    // Buffers a round's metrics; writes them every few rounds.
    Status logIteration(const IterationReport &report);
    Status flush();
    // Writes what is buffered, the tag kCurvesTag listing the per-round metric keys, and the
    // final status: FINISHED when `outcome` is fine, KILLED when
    // it was cancelled, FAILED otherwise. Returns `outcome`'s error, if any, unchanged.
    Status finish(const Status &outcome);

private:
    track::TrackingStore &m_store;
    std::string m_runId;
    std::vector<track::KeyedMetricPoint> m_pending;
    std::int64_t m_lastStep = 0;
    std::set<std::string> m_curveKeys;
};

// The run tag that lists a training run's per-round metric keys, comma-separated.
inline constexpr const char *kCurvesTag = "assay.curves";

// Shortest text that reads back as the same double ("0.1", "300", "1e-06").
std::string numberText(double value);

} // namespace assay::model
