#include "runs/run_comparison_metrics.h"

#include "common/format.h"

#include <QObject>

#include <algorithm>
#include <cmath>
#include <limits>

namespace assay::ui {

namespace {

QString signedNumber(double value, int significantDigits = 4)
{
    const QString text = formatNumber(value, significantDigits);
    return value > 0 ? QStringLiteral("+") + text : text;
}

} // namespace

MetricDelta metricDelta(double value, double baseline, track::MetricGoal goal)
{
    MetricDelta delta;
    if (!std::isfinite(value) || !std::isfinite(baseline)) {
        delta.absolute = delta.percent = std::numeric_limits<double>::quiet_NaN();
        return delta;
    }
    delta.absolute = value - baseline;
    delta.percent = baseline == 0 ? std::numeric_limits<double>::quiet_NaN()
                                  : delta.absolute / std::abs(baseline) * 100.0;
    if (delta.absolute == 0)
        delta.verdict = MetricVerdict::Same;
    else if ((delta.absolute < 0) == (goal == track::MetricGoal::Minimize))
        delta.verdict = MetricVerdict::Better;
    else
        delta.verdict = MetricVerdict::Worse;
    return delta;
}

QString deltaText(const MetricDelta &delta)
{
    if (delta.verdict == MetricVerdict::Unknown)
        return {};
    if (delta.verdict == MetricVerdict::Same)
        return QStringLiteral("±0");
    QString text = signedNumber(delta.absolute);
    if (std::isfinite(delta.percent))
        text += QStringLiteral(" (%1 %)").arg(signedNumber(delta.percent, 3));
    text += delta.absolute > 0 ? QStringLiteral(" ▲") : QStringLiteral(" ▼");
    return text;
}

std::vector<bool> bestValues(const std::vector<double> &values, track::MetricGoal goal)
{
    std::vector<bool> best(values.size(), false);
    const bool lowerIsBetter = goal == track::MetricGoal::Minimize;
    double bestValue = std::numeric_limits<double>::quiet_NaN();
    bool distinct = false;
    for (double value : values) {
        if (!std::isfinite(value))
            continue;
        if (std::isnan(bestValue)) {
            bestValue = value;
            continue;
        }
        distinct = distinct || value != bestValue;
        if (lowerIsBetter ? value < bestValue : value > bestValue)
            bestValue = value;
    }
    if (!distinct)
        return best;
    for (std::size_t i = 0; i < values.size(); ++i)
        best[i] = values[i] == bestValue;
    return best;
}

QString goalText(track::MetricGoal goal)
{
    return goal == track::MetricGoal::Minimize ? QObject::tr("lower is better")
                                               : QObject::tr("higher is better");
}

} // namespace assay::ui
