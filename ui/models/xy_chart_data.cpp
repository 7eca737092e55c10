#include "models/xy_chart_data.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace assay::ui {

namespace {

AxisRange rangeOf(const XyChartData &chart, bool xAxis)
{
    double lower = std::numeric_limits<double>::infinity();
    double upper = -lower;
    for (const XySeries &series : chart.series) {
        for (double value : xAxis ? series.x : series.y) {
            if (std::isfinite(value)) {
                lower = std::min(lower, value);
                upper = std::max(upper, value);
            }
        }
    }
    if (!(lower <= upper))
        return {};
    const double margin =
        upper > lower ? (upper - lower) * 0.04 : std::max(1.0, std::abs(lower)) * 0.5;
    return {lower - margin, upper + margin};
}

} // namespace

bool XyChartData::hasPoints() const
{
    return std::any_of(series.begin(), series.end(),
                       [](const XySeries &s) { return !s.x.empty(); });
}

AxisRange xRangeOf(const XyChartData &chart)
{
    return rangeOf(chart, true);
}

AxisRange yRangeOf(const XyChartData &chart)
{
    return rangeOf(chart, false);
}

} // namespace assay::ui
