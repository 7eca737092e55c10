#include "explain/feature_color_scale.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace assay::ui {

namespace {

// numpy's linear percentile of sorted values.
double percentile(const std::vector<double> &sorted, double fraction)
{
    const double position = fraction * double(sorted.size() - 1);
    const auto below = std::size_t(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (position - double(below)) * (sorted[above] - sorted[below]);
}

int channel(int from, int to, double t)
{
    return int(std::lround(from + (to - from) * t));
}

} // namespace

FeatureColorScale FeatureColorScale::fit(std::span<const double> values)
{
    std::vector<double> present;
    present.reserve(values.size());
    for (double value : values) {
        if (!std::isnan(value))
            present.push_back(value);
    }
    if (present.empty())
        return {};
    std::sort(present.begin(), present.end());
    double low = percentile(present, 0.05);
    double high = percentile(present, 0.95);
    if (high <= low) { // few distinct values: the whole range
        low = present.front();
        high = present.back();
    }
    return {low, high};
}

FeatureColorScale FeatureColorScale::forCategories(int categoryCount)
{
    return {0.0, double(std::max(1, categoryCount - 1))};
}

double FeatureColorScale::position(double value) const
{
    if (std::isnan(value))
        return value;
    if (m_high <= m_low)
        return 0.5;
    return std::clamp((value - m_low) / (m_high - m_low), 0.0, 1.0);
}

int FeatureColorScale::step(double value) const
{
    const double at = position(value);
    if (std::isnan(at))
        return kSteps;
    return std::min(kSteps - 1, int(at * kSteps));
}

QColor FeatureColorScale::lowColor()
{
    return {0x1e, 0x88, 0xe5};
}

QColor FeatureColorScale::highColor()
{
    return {0xff, 0x0d, 0x57};
}

QColor FeatureColorScale::missingColor()
{
    return {0x9e, 0x9e, 0x9e};
}

QColor FeatureColorScale::colorOfStep(int step)
{
    if (step >= kSteps || step < 0)
        return missingColor();
    const double t = (step + 0.5) / kSteps;
    const QColor low = lowColor(), high = highColor();
    return {channel(low.red(), high.red(), t), channel(low.green(), high.green(), t),
            channel(low.blue(), high.blue(), t)};
}

} // namespace assay::ui
