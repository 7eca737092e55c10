#pragma once

#include "monitor/alert_rules.h"
#include "monitor/monitor_report.h"

#include <map>
#include <string>
#include <vector>

namespace assay::monitor {

// Adds to window.alerts every rule the window breaks, with a message for people
// ("estimated_roc_auc 0.71 below the reference band 0.79 – 0.86").
void applyAlertRules(const std::vector<AlertRule> &rules, const std::map<std::string, MetricBand> &bands,
                     WindowResult &window);

} // namespace assay::monitor
