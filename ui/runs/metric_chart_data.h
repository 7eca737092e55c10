#pragma once

#include "runs/metric_chart_math.h"
#include "track/run_record.h"

#include <QSharedPointer>
#include <QString>

#include <qcustomplot.h>

#include <memory>
#include <vector>

namespace assay::ui {

// One metric across the runs, or every metric as small multiples.
enum class MetricChartMode { Single, Grid };

// How the metric charts draw: the same for every chart of the panel.
struct MetricChartOptions {
    MetricXAxis xAxis = MetricXAxis::Step;
    double smoothing = 0; // EMA weight in [0, 0.99]
    bool logScale = false;
    bool ignoreOutliers = true; // as TensorBoard: a diverged run does not flatten the rest

    bool operator==(const MetricChartOptions &) const = default;
};

// One logged series, read once and shared read-only between the cache and the workers.
using MetricHistory = std::shared_ptr<const std::vector<track::MetricPoint>>;

// The history of one run to chart, with what the legend and read-out call it.
struct RunHistoryInput {
    QString runId;
    QString runName;
    MetricHistory history;
};

// One run's line(s), built off the GUI thread, ready to hand to QCPGraph::setData. Both
// containers are sorted by key; a point that cannot be drawn (NaN, ±inf, or ≤ 0 on a log
// scale) is kept with a NaN value, so the line shows a gap there.
struct RunSeries {
    QString runId;
    QString runName;
    QSharedPointer<QCPGraphDataContainer> raw;
    QSharedPointer<QCPGraphDataContainer> smoothed; // null when smoothing is off
    qsizetype pointCount = 0;
    qsizetype nonFiniteCount = 0;   // NaN or ±inf as logged
    qsizetype nonPositiveCount = 0; // left out on a log scale
};

// Everything one chart draws: a line per run, and the ranges to show them in.
struct MetricChartData {
    QString key;
    MetricChartOptions options;
    std::vector<RunSeries> series; // in the order of the runs asked for
    QCPRange keyRange;
    QCPRange valueRange;
    bool hasPoints = false; // at least one drawable point

    qsizetype nonFiniteCount() const;
    qsizetype nonPositiveCount() const;
};

// Builds the lines of one run (EMA, x conversion, gaps). Runs on a worker thread.
RunSeries buildRunSeries(const RunHistoryInput &input, const MetricChartOptions &options);

// Builds every run's line for `key` and the ranges: all plottable values, or their robust
// bounds when outliers are ignored.
MetricChartData buildMetricChartData(const QString &key, const std::vector<RunHistoryInput> &runs,
                                     const MetricChartOptions &options);

} // namespace assay::ui
