#include "monitor/window_alerts.h"

#include <cstdio>

namespace assay::monitor {

namespace {

std::string number(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", value);
    return buffer;
}

std::string comparison(AlertRule::Kind kind)
{
    switch (kind) {
    case AlertRule::Kind::Above:
        return "above";
    case AlertRule::Kind::AtLeast:
        return "at or above";
    case AlertRule::Kind::Below:
        return "below";
    case AlertRule::Kind::AtMost:
        return "at or below";
    case AlertRule::Kind::OutsideBand:
        break;
    }
    return "outside";
}

} // namespace

void applyAlertRules(const std::vector<AlertRule> &rules, const std::map<std::string, MetricBand> &bands,
                     WindowResult &window)
{
    // A window too small for its tests carries a warning instead: on a few rows every metric
    // swings, and a scheduler would page someone for a window that has only just begun.
    if (window.tooFewRows)
        return;
    for (const AlertRule &rule : rules) {
        const auto value = window.metric(rule.metric);
        const auto band = bands.find(rule.metric);
        std::optional<double> low, high;
        if (band != bands.end()) {
            low = band->second.low;
            high = band->second.high;
        }
        if (!breaks(rule, value, low, high))
            continue;
        std::string message = rule.metric + " " + number(*value) + " ";
        if (rule.kind == AlertRule::Kind::OutsideBand)
            message += std::string(*value < *low ? "below" : "above") + " the reference band " + number(*low) +
                       " – " + number(*high);
        else
            message += comparison(rule.kind) + " " + number(rule.value);
        window.alerts.push_back(
            {.rule = alertRuleText(rule), .metric = rule.metric, .value = *value, .message = std::move(message)});
    }
}

} // namespace assay::monitor
