#pragma once

#include "common/result.h"
#include "drift/drift_test.h"
#include "monitor/binary_performance.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace assay::monitor {

// One feature (or the prediction) in one window, against the reference.
struct FeatureWindowDrift {
    std::string name;
    drift::DriftTest test = drift::DriftTest::None; // None: not tested (no values)
    double statistic = 0;
    std::optional<double> pValue;
    double threshold = 0;
    double score = 0;          // ColumnDrift::severity(): 1 or more means drifted
    bool drifted = false;
    double referenceMissingShare = 0;
    double missingShare = 0;   // in the window
};

// A metric's normal range, from the reference's own chunks: mean ± 3 standard deviations.
struct MetricBand {
    double mean = 0;
    double low = 0;
    double high = 0;
};

struct Alert {
    std::string rule;   // alertRuleText
    std::string metric;
    double value = 0;
    std::string message; // "estimated_roc_auc 0.71 below the reference band 0.79 – 0.86"
};

struct WindowResult {
    std::int64_t startNs = 0;  // first row's period start (period windows) or first row's time
    std::int64_t endNs = 0;    // exclusive: next period start, or last row's time + 1
    std::uint64_t rows = 0;
    std::uint64_t labeledRows = 0;
    bool tooFewRows = false;   // rows < kMinWindowRows: its tests are weak, it raises no alert
    std::vector<FeatureWindowDrift> features; // the reference's feature order
    std::optional<FeatureWindowDrift> prediction; // the score's drift, when scores were logged
    std::size_t testedFeatures = 0;
    std::size_t driftedFeatures = 0;
    double driftShare = 0;     // drifted / tested
    bool datasetDrift = false;
    double maxMissingShareChange = 0; // largest |window − reference| missing share
    std::optional<double> reconstructionError;
    std::optional<BinaryPerformance> estimated; // binary classifiers with scores
    std::optional<BinaryPerformance> realized;  // when labels arrived for some rows
    std::vector<Alert> alerts;

    // The value a rule reads, by metric name (see alert_rules.h); empty when not computed.
    std::optional<double> metric(const std::string &name) const;
};

struct MonitorReport {
    std::string monitor;
    std::string modelRef;
    std::string runId;
    std::string reference;       // the dataset label ("data/credit_test.csv@3f2a9c1")
    std::string window;          // spec text
    std::int64_t generation = 0;
    std::int64_t computedMs = 0;
    std::uint64_t referenceRows = 0;
    std::uint64_t totalRows = 0;
    std::uint64_t labels = 0;
    std::string task;            // "binary", "multiclass", "regression"
    double threshold = 0.5;      // the decision threshold for binary scores
    std::optional<int> keptComponents; // PCA components kept on the reference
    std::map<std::string, MetricBand> bands; // by metric name
    std::vector<std::string> rules;          // alert rule texts in force
    std::vector<WindowResult> windows;       // oldest first
    std::vector<std::string> warnings;       // e.g. "window 2026-03-02: 120 rows, under 300"

    const WindowResult *latest() const { return windows.empty() ? nullptr : &windows.back(); }
};

// The cached and --json form; fromJson checks every key and names the first wrong one.
std::string reportJson(const MonitorReport &report);
Result<MonitorReport> reportFromJson(const std::string &json);

} // namespace assay::monitor
