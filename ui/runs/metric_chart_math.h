#pragma once

#include "track/run_record.h"

#include <cstdint>
#include <span>
#include <vector>

namespace assay::ui {

// What the x axis of a metric chart measures.
enum class MetricXAxis {
    Step,         // the step the run logged
    WallTime,     // seconds since the epoch (drawn as local date and time)
    RelativeTime, // seconds since the run's first logged point
};

// TensorBoard's smoothing: an exponential moving average whose start is debiased, so the
// first points are not pulled towards zero. `weight` in [0, 1); 0 returns the values.
// Non-finite values are passed through and do not enter the average.
class DebiasedEma {
public:
    explicit DebiasedEma(double weight) : m_weight(weight) {}
    // The smoothed value after `value`, the next of the series.
    double next(double value);

private:
    double m_weight;
    double m_average = 0;
    double m_weightPower = 1; // weight^n after n finite values
};

std::vector<double> debiasedEma(std::span<const double> values, double weight);

// The x coordinate of `point` on `axis`; `firstTimestampMs` is the run's earliest timestamp.
double metricXKey(const track::MetricPoint &point, MetricXAxis axis, std::int64_t firstTimestampMs);

// The earliest timestamp of `history`, 0 when empty (points are ordered by step, not time).
std::int64_t firstTimestampMs(std::span<const track::MetricPoint> history);

// Whether `value` can be drawn: finite, and positive on a log scale.
bool isPlottable(double value, bool logScale);

// A y range; `valid` is false when there was no value to take it from.
struct ValueBounds {
    double lower = 0;
    double upper = 0;
    bool valid = false;
};

// The range that ignores outliers: the 5th to 95th percentile of `values`, widened by a
// tenth of that span on both sides (multiplicatively on a log scale), never beyond what the
// values reach. Fewer than 20 values are all kept. Reorders `values`.
ValueBounds robustBounds(std::span<double> values, bool logScale);

} // namespace assay::ui
