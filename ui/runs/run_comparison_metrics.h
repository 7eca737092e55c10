#pragma once

#include "track/metric_goal.h"

#include <QString>

#include <vector>

namespace assay::ui {

// Whether a value is better or worse than the baseline's, judged by the metric's goal.
enum class MetricVerdict { Better, Worse, Same, Unknown };

// A metric value against the baseline run's value of the same metric.
struct MetricDelta {
    double absolute = 0; // value − baseline
    double percent = 0;  // absolute / |baseline| × 100; NaN when the baseline is 0
    MetricVerdict verdict = MetricVerdict::Unknown; // Unknown when either value is NaN or ±inf
};

MetricDelta metricDelta(double value, double baseline, track::MetricGoal goal);

// "+0.0123 (+1.5 %) ▲": the signed difference with 4 significant digits, the percentage, and
// an arrow for the direction so the colour is never the only sign; empty when Unknown.
QString deltaText(const MetricDelta &delta);

// For each value, whether it is the best of `values` by `goal`. Only finite values compete
// (a NaN or a diverged ±inf is never best); ties are all best; nothing is best when fewer
// than two distinct finite values exist, since then there is nothing to tell apart.
std::vector<bool> bestValues(const std::vector<double> &values, track::MetricGoal goal);

// "lower is better" / "higher is better".
QString goalText(track::MetricGoal goal);

} // namespace assay::ui
