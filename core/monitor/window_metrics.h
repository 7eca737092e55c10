#pragma once

// What is computed for one window of logged rows (or one chunk of the reference) against the
// reference: drift per feature and of the prediction, missing shares, the dataset verdict,
// reconstruction error and binary performance, estimated and realized.
#include "common/result.h"
#include "monitor/monitor_reference.h"
#include "monitor/monitor_report.h"
#include "monitor/window_reader.h"

namespace assay::monitor {

class WindowEvaluator {
public:
    explicit WindowEvaluator(const MonitorReference &reference);

    // Tests the batch; its feature columns are borrowed and given back unchanged.
    Result<WindowResult> evaluate(WindowBatch &batch) const;

    // The reference's rows [begin, end) as a batch (scores and outcomes included).
    WindowBatch referenceChunk(std::size_t begin, std::size_t end) const;

private:
    const MonitorReference &m_reference;
    table::Table m_driftReference; // the features and the prediction column
    std::string m_predictionColumn;
};

} // namespace assay::monitor
