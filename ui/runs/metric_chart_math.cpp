#include "runs/metric_chart_math.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace assay::ui {

namespace {

constexpr double kLowQuantile = 0.05;
constexpr double kHighQuantile = 0.95;
constexpr double kRobustWidening = 0.1;
// Below this, every value counts: percentiles of a handful would hide real points.
constexpr std::size_t kRobustMinimumValues = 20;

// The q-quantile of `values` by nearest rank, moving elements around.
double quantile(std::span<double> values, double q)
{
    const auto rank = static_cast<std::ptrdiff_t>(std::lround(q * double(values.size() - 1)));
    std::nth_element(values.begin(), values.begin() + rank, values.end());
    return values[std::size_t(rank)];
}

} // namespace

double DebiasedEma::next(double value)
{
    if (m_weight <= 0 || !std::isfinite(value))
        return value;
    m_average = m_weight * m_average + (1 - m_weight) * value;
    m_weightPower *= m_weight;
    // The average started at 0: dividing by 1 - w^n undoes that pull.
    return m_average / (1 - m_weightPower);
}

std::vector<double> debiasedEma(std::span<const double> values, double weight)
{
    std::vector<double> smoothed;
    smoothed.reserve(values.size());
    DebiasedEma ema(weight);
    for (double value : values)
        smoothed.push_back(ema.next(value));
    return smoothed;
}

double metricXKey(const track::MetricPoint &point, MetricXAxis axis, std::int64_t firstTimestampMs)
{
    switch (axis) {
    case MetricXAxis::Step:
        return double(point.step);
    case MetricXAxis::WallTime:
        return double(point.timestampMs) / 1000.0;
    case MetricXAxis::RelativeTime:
        return double(point.timestampMs - firstTimestampMs) / 1000.0;
    }
    return 0;
}

std::int64_t firstTimestampMs(std::span<const track::MetricPoint> history)
{
    if (history.empty())
        return 0;
    std::int64_t first = std::numeric_limits<std::int64_t>::max();
    for (const track::MetricPoint &point : history)
        first = std::min(first, point.timestampMs);
    return first;
}

bool isPlottable(double value, bool logScale)
{
    return std::isfinite(value) && (!logScale || value > 0);
}

ValueBounds robustBounds(std::span<double> values, bool logScale)
{
    if (values.empty())
        return {};
    if (values.size() < kRobustMinimumValues) {
        const auto [lowest, highest] = std::minmax_element(values.begin(), values.end());
        return {*lowest, *highest, true};
    }
    if (logScale)
        for (double &value : values)
            value = std::log10(value);
    const auto [lowest, highest] = std::minmax_element(values.begin(), values.end());
    const double minimum = *lowest;
    const double maximum = *highest;
    const double low = quantile(values, kLowQuantile);
    const double high = quantile(values, kHighQuantile);
    const double widening = (high - low) * kRobustWidening;
    ValueBounds bounds{std::max(minimum, low - widening), std::min(maximum, high + widening), true};
    if (logScale) {
        bounds.lower = std::pow(10.0, bounds.lower);
        bounds.upper = std::pow(10.0, bounds.upper);
    }
    return bounds;
}

} // namespace assay::ui
