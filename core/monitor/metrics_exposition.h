#pragma once

#include "monitor/monitor_report.h"

#include <cstddef>
#include <string>
#include <vector>

namespace assay::monitor {

struct ExpositionOptions {
    // Per-feature series per model are capped (the features drifting most first, then by
    // name), so a wide model cannot explode the series count.
    std::size_t maxFeatureLabels = 50;
    // Monitors whose evaluation failed: they get `assay_monitor_up{model} 0` and nothing else,
    // so one broken monitor does not take the scrape down with it.
    std::vector<std::string> failedMonitors;
};

// Prometheus text exposition format 0.0.4 for the latest window of each report: HELP and TYPE
// once per family, label values escaped, base units, `_total` on counters. Families:
//   assay_prediction_rows_total{model}            counter, every row logged
//   assay_labels_total{model}                     counter
//   assay_window_rows{model}                      gauge, rows in the latest window
//   assay_window_start_timestamp_seconds{model}   gauge
//   assay_feature_drift_score{model,feature}      gauge, severity (≥ 1 drifted; +Inf at p = 0)
//   assay_feature_drifted{model,feature}          gauge 0/1
//   assay_feature_missing_share{model,feature}    gauge, ratio
//   assay_prediction_drift_score{model}           gauge
//   assay_dataset_drift_share{model}              gauge, ratio
//   assay_reconstruction_error{model}             gauge
//   assay_estimated_{accuracy,precision,recall,f1,roc_auc}{model}  gauges, ratio
//   assay_realized_{accuracy,precision,recall,f1,roc_auc}{model}   gauges, ratio
//   assay_alerts_active{model}                    gauge
//   assay_monitor_last_evaluation_timestamp_seconds{model} gauge
//   assay_monitor_up{model}                       gauge, 1 evaluated, 0 its evaluation failed
// A metric without a value in the latest window is left out rather than written as NaN.
std::string prometheusExposition(const std::vector<MonitorReport> &reports,
                                 const ExpositionOptions &options = {});

// The label value escaped as the format asks: backslash, double quote and line feed.
std::string escapeLabelValue(const std::string &value);

} // namespace assay::monitor
