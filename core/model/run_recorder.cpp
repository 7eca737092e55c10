#include "model/run_recorder.h"

#include "track/clock.h"

#include <algorithm>
#include <charconv>

namespace assay::model {

namespace {

constexpr std::size_t kRoundsPerWrite = 20;

} // namespace

std::string numberText(double value)
{
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    return {buffer, end};
}

Status RunRecorder::logParams(const std::map<std::string, std::string> &params)
{
    for (const auto &[key, value] : params)
        ASSAY_TRY(m_store.logParam(m_runId, key, value));
    return {};
}

Status RunRecorder::logEvaluation(const std::string &part, const Evaluation &evaluation)
{
    const std::int64_t now = track::nowMs();
    std::vector<track::KeyedMetricPoint> points;
    for (const auto &[name, value] : evaluation.metrics)
        points.push_back({part + "_" + name, track::MetricPoint{m_lastStep, now, value}});
    return m_store.logMetricBatch(m_runId, points);
}

Status RunRecorder::logIteration(const IterationReport &report)
{
    const std::int64_t now = track::nowMs();
    for (const auto &[name, value] : report.metrics)
    {
        m_pending.push_back({name, track::MetricPoint{report.iteration, now, value}});
        m_curveKeys.insert(name);
    }
    m_lastStep = std::max<std::int64_t>(m_lastStep, report.iteration);
    if ((report.iteration + 1) % kRoundsPerWrite == 0)
        return flush();
    return {};
}

Status RunRecorder::flush()
{
    if (m_pending.empty())
        return {};
    auto written = m_store.logMetricBatch(m_runId, m_pending);
    m_pending.clear();
    return written;
}

Status RunRecorder::finish(const Status &outcome)
{
    Status flushed = flush();
    if (flushed && !m_curveKeys.empty()) {
        std::string keys;
        for (const auto &key : m_curveKeys)
            keys += (keys.empty() ? "" : ",") + key;
        flushed = m_store.logTag(m_runId, kCurvesTag, keys);
    }
    track::RunStatus status = track::RunStatus::Finished;
    if (!outcome)
        status = outcome.error().kind == ErrorKind::Cancelled ? track::RunStatus::Killed
                                                               : track::RunStatus::Failed;
    else if (!flushed)
        status = track::RunStatus::Failed;
    const Status finished = m_store.finishRun(m_runId, status);
    if (!outcome)
        return outcome;
    return flushed ? finished : flushed;
}

} // namespace assay::model
