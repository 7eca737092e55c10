#include "runs/metric_chart_data.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace assay::ui {

namespace {

constexpr double kRangeMargin = 0.05;

QSharedPointer<QCPGraphDataContainer> containerOf(const QVector<QCPGraphData> &points)
{
    auto container = QSharedPointer<QCPGraphDataContainer>::create();
    container->set(points, true);
    return container;
}

// Keys in order of time need not follow step order (a run may re-log a step later):
// sorts both lines by key, keeping each raw point beside its smoothed one.
void sortByKey(QVector<QCPGraphData> &raw, QVector<QCPGraphData> &smoothed)
{
    const auto byKey = [](const QCPGraphData &a, const QCPGraphData &b) { return a.key < b.key; };
    if (std::is_sorted(raw.begin(), raw.end(), byKey))
        return;
    std::vector<qsizetype> order(std::size_t(raw.size()));
    std::iota(order.begin(), order.end(), qsizetype(0));
    std::stable_sort(order.begin(), order.end(),
                     [&raw](qsizetype a, qsizetype b) { return raw[a].key < raw[b].key; });
    const auto permuted = [&order](const QVector<QCPGraphData> &points) {
        QVector<QCPGraphData> result;
        result.reserve(points.size());
        for (qsizetype index : order)
            result.append(points[index]);
        return result;
    };
    raw = permuted(raw);
    if (!smoothed.isEmpty())
        smoothed = permuted(smoothed);
}

QCPRange padded(QCPRange range, bool logScale)
{
    if (logScale) {
        const double factor = std::pow(range.upper / range.lower, kRangeMargin);
        return {range.lower / factor, range.upper * factor};
    }
    const double margin = (range.upper - range.lower) * kRangeMargin;
    return {range.lower - margin, range.upper + margin};
}

// Widens a range of one value (a flat line) so the line shows in the middle.
QCPRange nonEmpty(QCPRange range, bool logScale)
{
    if (range.upper > range.lower)
        return range;
    if (logScale)
        return {range.lower / 2, range.upper * 2};
    const double half = range.lower == 0 ? 1 : std::abs(range.lower) * 0.5;
    return {range.lower - half, range.upper + half};
}

} // namespace

qsizetype MetricChartData::nonFiniteCount() const
{
    qsizetype count = 0;
    for (const RunSeries &run : series)
        count += run.nonFiniteCount;
    return count;
}

qsizetype MetricChartData::nonPositiveCount() const
{
    qsizetype count = 0;
    for (const RunSeries &run : series)
        count += run.nonPositiveCount;
    return count;
}

RunSeries buildRunSeries(const RunHistoryInput &input, const MetricChartOptions &options)
{
    RunSeries series;
    series.runId = input.runId;
    series.runName = input.runName;
    const std::vector<track::MetricPoint> empty;
    const std::vector<track::MetricPoint> &history = input.history ? *input.history : empty;
    series.pointCount = qsizetype(history.size());

    const bool smoothing = options.smoothing > 0;
    DebiasedEma ema(options.smoothing);
    const std::int64_t firstMs = firstTimestampMs(history);
    constexpr double gap = std::numeric_limits<double>::quiet_NaN();

    QVector<QCPGraphData> raw(series.pointCount);
    QVector<QCPGraphData> smoothed(smoothing ? series.pointCount : 0);
    // Written through plain pointers: QVector's operator[] checks for sharing on every call.
    QCPGraphData *rawPoints = raw.data();
    QCPGraphData *smoothedPoints = smoothed.data();
    for (std::size_t i = 0; i < history.size(); ++i) {
        const double key = metricXKey(history[i], options.xAxis, firstMs);
        const double value = history[i].value;
        if (!std::isfinite(value))
            ++series.nonFiniteCount;
        else if (options.logScale && value <= 0)
            ++series.nonPositiveCount;
        rawPoints[i] = {key, isPlottable(value, options.logScale) ? value : gap};
        if (smoothing) {
            const double average = ema.next(value);
            smoothedPoints[i] = {key, isPlottable(average, options.logScale) ? average : gap};
        }
    }
    if (options.xAxis != MetricXAxis::Step)
        sortByKey(raw, smoothed);
    series.raw = containerOf(raw);
    if (smoothing)
        series.smoothed = containerOf(smoothed);
    return series;
}

MetricChartData buildMetricChartData(const QString &key, const std::vector<RunHistoryInput> &runs,
                                     const MetricChartOptions &options)
{
    MetricChartData data;
    data.key = key;
    data.options = options;
    data.series.reserve(runs.size());
    // Every drawn value is kept only for the percentiles of ignoring outliers.
    std::vector<double> drawnValues;
    if (options.ignoreOutliers) {
        std::size_t pointCount = 0;
        for (const RunHistoryInput &run : runs)
            pointCount += run.history ? run.history->size() : 0;
        drawnValues.reserve(pointCount);
    }
    ValueBounds bounds;
    double lowestKey = std::numeric_limits<double>::infinity();
    double highestKey = -lowestKey;
    for (const RunHistoryInput &run : runs) {
        RunSeries series = buildRunSeries(run, options);
        const QCPGraphDataContainer &raw = *series.raw;
        for (auto point = raw.constBegin(); point != raw.constEnd(); ++point) {
            if (std::isnan(point->value))
                continue;
            if (options.ignoreOutliers)
                drawnValues.push_back(point->value);
            bounds.lower = bounds.valid ? std::min(bounds.lower, point->value) : point->value;
            bounds.upper = bounds.valid ? std::max(bounds.upper, point->value) : point->value;
            bounds.valid = true;
            lowestKey = std::min(lowestKey, point->key);
            highestKey = std::max(highestKey, point->key);
        }
        data.series.push_back(std::move(series));
    }
    data.hasPoints = bounds.valid;
    if (!data.hasPoints)
        return data;
    if (options.ignoreOutliers)
        bounds = robustBounds(drawnValues, options.logScale);
    data.keyRange = nonEmpty({lowestKey, highestKey}, false);
    data.valueRange =
        padded(nonEmpty({bounds.lower, bounds.upper}, options.logScale), options.logScale);
    return data;
}

} // namespace assay::ui
