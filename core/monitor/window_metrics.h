#pragma once

// What is computed for one window of logged rows (or one chunk of the reference) against the
// reference: drift per feature and of the prediction, missing shares, the dataset verdict,
// reconstruction error and binary performance, estimated and realized.
#include "common/result.h"
#include "drift/prepared_reference.h"
#include "monitor/monitor_reference.h"
#include "monitor/monitor_report.h"
#include "monitor/window_reader.h"

#include <memory>

namespace assay::monitor {

class WindowEvaluator {
public:
    explicit WindowEvaluator(const MonitorReference &reference);

    // Tests the batch; its feature columns are borrowed and given back unchanged.
    Result<WindowResult> evaluate(WindowBatch &batch) const;

    // The reference's rows [begin, end) as a batch (scores and outcomes included).
    WindowBatch referenceChunk(std::size_t begin, std::size_t end) const;
    // The chunk's mean reconstruction error under a model fitted on the rest of the reference:
    // what a window of new rows shows. In-sample, PCA fits the chunk's own rows and its error
    // is lower, which would make the band too low and raise false alerts.
    std::optional<double> heldOutReconstructionError(std::size_t begin, std::size_t end) const;

private:
    const MonitorReference &m_reference;
    // The features and the prediction column, sorted once for every window; compare() is not
    // const, and windows are evaluated one at a time.
    mutable std::unique_ptr<drift::PreparedReference> m_driftReference;
    std::string m_predictionColumn;
};

} // namespace assay::monitor
