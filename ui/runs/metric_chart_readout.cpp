#include "runs/metric_chart_readout.h"

#include "common/format.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace assay::ui {

namespace {

constexpr double kReadoutReachPixels = 40;
constexpr qsizetype kNeighbourhood = 3; // points looked at on each side of the key

QString tr(const char *text)
{
    return QCoreApplication::translate("MetricChart", text);
}

QString durationText(double seconds)
{
    const auto total = static_cast<std::int64_t>(std::llround(std::abs(seconds)));
    return QStringLiteral("%1%2:%3:%4")
        .arg(seconds < 0 ? QStringLiteral("−") : QString())
        .arg(total / 3600)
        .arg(total / 60 % 60, 2, 10, QLatin1Char('0'))
        .arg(total % 60, 2, 10, QLatin1Char('0'));
}

struct NearestPoint {
    qsizetype index = -1; // in the graph's data; -1 when there is none
    double distance = 0;  // in pixels
};

NearestPoint nearestPoint(const QCPGraph &graph, QPointF pixel, double key)
{
    const QCPGraphDataContainer &points = *graph.data();
    NearestPoint nearest;
    // Only the points around the key, both sides, skipping gaps: the data is sorted by key.
    const qsizetype centre = points.findBegin(key, false) - points.constBegin();
    const qsizetype end = std::min<qsizetype>(points.size(), centre + kNeighbourhood);
    for (qsizetype i = std::max<qsizetype>(0, centre - kNeighbourhood); i < end; ++i) {
        const QCPGraphData &point = *(points.constBegin() + i);
        if (std::isnan(point.value))
            continue;
        const QPointF at = graph.coordsToPixels(point.key, point.value);
        const double distance = std::hypot(at.x() - pixel.x(), at.y() - pixel.y());
        if (nearest.index < 0 || distance < nearest.distance)
            nearest = {i, distance};
    }
    return nearest;
}

QString numberOrEmpty(double value)
{
    return std::isnan(value) ? QString() : formatNumberFull(value);
}

} // namespace

QString metricKeyText(double key, MetricXAxis axis)
{
    switch (axis) {
    case MetricXAxis::Step:
        return tr("step %1").arg(key >= 0 ? formatCount(std::uint64_t(key)) : formatNumber(key));
    case MetricXAxis::WallTime:
        return QDateTime::fromMSecsSinceEpoch(std::llround(key * 1000))
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case MetricXAxis::RelativeTime:
        return tr("%1 since the first point").arg(durationText(key));
    }
    return {};
}

QString nearestPointReadout(const MetricChartData &data, const std::vector<QCPGraph *> &lines,
                            QPointF pixel, double key)
{
    std::size_t bestSeries = 0;
    NearestPoint best;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const NearestPoint candidate = nearestPoint(*lines[i], pixel, key);
        if (candidate.index >= 0 && (best.index < 0 || candidate.distance < best.distance)) {
            best = candidate;
            bestSeries = i;
        }
    }
    if (best.index < 0 || best.distance > kReadoutReachPixels)
        return {};
    const RunSeries &series = data.series[bestSeries];
    const QCPGraphData &point = *(lines[bestSeries]->data()->constBegin() + best.index);
    QString text =
        QStringLiteral("<b>%1</b><br>%2<br>%3 %4")
            .arg(series.runName.toHtmlEscaped(), metricKeyText(point.key, data.options.xAxis),
                 data.key.toHtmlEscaped(), formatNumber(point.value));
    if (series.smoothed) {
        const double raw = (series.raw->constBegin() + best.index)->value;
        text += tr(" (smoothed; raw %1)").arg(formatNumber(raw));
    }
    return text;
}

CsvTable metricChartCsv(std::shared_ptr<const MetricChartData> data)
{
    CsvTable table;
    if (!data)
        return table;
    static const char *const xNames[] = {"step", "wall_time_s", "relative_time_s"};
    table.header = {QStringLiteral("run"), QStringLiteral("run_id"),
                    QString::fromLatin1(xNames[int(data->options.xAxis)]), data->key};
    if (data->options.smoothing > 0)
        table.header << data->key + QStringLiteral(" (smoothed)");
    // Rows run through the series one after another: a row's series is found by its start row.
    auto starts = std::make_shared<std::vector<qsizetype>>();
    for (const RunSeries &series : data->series) {
        starts->push_back(table.rowCount);
        table.rowCount += series.raw->size();
    }
    table.cell = [data, starts](qsizetype row, qsizetype column) -> QString {
        const auto next = std::upper_bound(starts->begin(), starts->end(), row);
        const auto seriesIndex = std::size_t(next - starts->begin()) - 1;
        const RunSeries &series = data->series[seriesIndex];
        const qsizetype index = row - (*starts)[seriesIndex];
        const QCPGraphData &point = *(series.raw->constBegin() + index);
        switch (column) {
        case 0:
            return series.runName;
        case 1:
            return series.runId;
        case 2:
            return formatNumberFull(point.key);
        case 3:
            return numberOrEmpty(point.value);
        default:
            return numberOrEmpty((series.smoothed->constBegin() + index)->value);
        }
    };
    return table;
}

} // namespace assay::ui
