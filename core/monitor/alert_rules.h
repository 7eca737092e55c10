#pragma once

#include "common/result.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay::monitor {

// One alert rule on a window metric: above or below a fixed value, or outside the metric's
// reference band (the reference chunks' mean ± 3 standard deviations).
// Metrics: dataset_drift_share, drifted_features, prediction_drift_score,
// missing_share_change (largest over the features), reconstruction_error, and
// estimated_/realized_ accuracy, precision, recall, f1, roc_auc; feature_drift_score:NAME for
// one feature.
struct AlertRule {
    enum class Kind { Above, AtLeast, Below, AtMost, OutsideBand };
    std::string metric;
    Kind kind = Kind::OutsideBand;
    double value = 0; // not used for OutsideBand
};

// "estimated_roc_auc < 0.75", "dataset_drift_share >= 0.5", "reconstruction_error band";
// InvalidInput names the rule and what is wrong.
Result<AlertRule> parseAlertRule(std::string_view text);
std::string alertRuleText(const AlertRule &rule);
// The monitors.rules column: a JSON array of rule texts; "[]" means defaultAlertRules().
Result<std::vector<AlertRule>> parseAlertRules(std::string_view json);
std::string alertRulesJson(const std::vector<AlertRule> &rules);

// What a new monitor checks: dataset_drift_share >= 0.5 (the drift module's dataset verdict),
// prediction_drift_score >= 1 (the prediction's test flags drift), reconstruction_error band,
// estimated_roc_auc band, realized_roc_auc band.
std::vector<AlertRule> defaultAlertRules();

// Whether `value` breaks the rule; a band rule with no band, or no value, never fires.
bool breaks(const AlertRule &rule, std::optional<double> value, std::optional<double> bandLow,
            std::optional<double> bandHigh);

} // namespace assay::monitor
