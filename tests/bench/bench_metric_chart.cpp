// A metric chart of 20 runs × 100,000 points on a 1400×800 ChartView (run offscreen:
// QT_QPA_PLATFORM=offscreen). Prints JSON: the time to build the lines on the worker path
// (EMA, x keys, containers), the median of 10 full replots, and the median of 10 replots
// after panning the x range by 10 % — for the whole y range, for the range without outliers
// (the default; noisier lines fill more pixels), and with smoothing (40 lines). The first
// build also pays for fresh memory. Target: replots < 100 ms.
// Usage: bench_metric_chart [RUNS] [POINTS]
#include "runs/metric_chart.h"
#include "runs/metric_chart_data.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <random>
#include <vector>

using namespace assay;
using namespace assay::ui;

namespace {

constexpr int kRepeats = 10;

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// A noisy falling loss curve with a few spikes, one point per step, 50 ms apart.
std::vector<RunHistoryInput> syntheticRuns(int runs, int points)
{
    std::mt19937_64 random(42);
    std::normal_distribution<double> noise(0.0, 0.05);
    std::vector<RunHistoryInput> inputs;
    for (int run = 0; run < runs; ++run) {
        std::vector<track::MetricPoint> history(static_cast<std::size_t>(points));
        const double rate = 0.5 + 0.1 * run;
        for (int step = 0; step < points; ++step) {
            double value = 2.0 * std::exp(-rate * step / points * 5) + 0.1 + noise(random);
            if (step % 9973 == 0)
                value *= 5;
            history[std::size_t(step)] = {step, 1'700'000'000'000 + std::int64_t(step) * 50, value};
        }
        inputs.push_back(
            {QStringLiteral("%1").arg(run, 32, 16, QLatin1Char('0')),
             QStringLiteral("run-%1").arg(run),
             std::make_shared<const std::vector<track::MetricPoint>>(std::move(history))});
    }
    return inputs;
}

double millisecondsOf(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e6;
}

QJsonObject measure(const std::vector<RunHistoryInput> &runs, double smoothing, bool ignoreOutliers)
{
    MetricChartOptions options;
    options.smoothing = smoothing;
    options.ignoreOutliers = ignoreOutliers;
    std::vector<double> builds;
    std::shared_ptr<const MetricChartData> data;
    for (int i = 0; i < 3; ++i)
        builds.push_back(millisecondsOf([&] {
            data = std::make_shared<const MetricChartData>(
                buildMetricChartData(QStringLiteral("loss"), runs, options));
        }));

    MetricChart chart;
    chart.resize(1400, 800);
    chart.show();
    QApplication::processEvents();
    const double swapIn = millisecondsOf([&] { chart.setChartData(data); });
    chart.replot(QCustomPlot::rpImmediateRefresh); // first paint allocates the buffers

    std::vector<double> replots;
    for (int i = 0; i < kRepeats; ++i)
        replots.push_back(millisecondsOf([&] { chart.replot(QCustomPlot::rpImmediateRefresh); }));
    // Panning by a tenth of the visible range, back and forth: the whole picture, then
    // zoomed in to half of it (adaptive sampling has fewer points per pixel to merge).
    const auto panReplots = [&chart] {
        std::vector<double> times;
        const double shift = chart.xAxis->range().size() * 0.1;
        for (int i = 0; i < kRepeats; ++i)
            times.push_back(millisecondsOf([&] {
                chart.xAxis->moveRange(i % 2 == 0 ? shift : -shift);
                chart.replot(QCustomPlot::rpImmediateRefresh);
            }));
        return times;
    };
    const std::vector<double> fullPans = panReplots();
    const QCPRange whole = chart.xAxis->range();
    chart.xAxis->setRange(whole.lower, whole.lower + whole.size() / 2);
    const std::vector<double> pans = panReplots();

    QJsonObject result;
    result[QStringLiteral("smoothing")] = smoothing;
    result[QStringLiteral("ignore_outliers")] = options.ignoreOutliers;
    result[QStringLiteral("graphs")] = chart.graphCount();
    result[QStringLiteral("build_ms_median")] = median(builds);
    result[QStringLiteral("swap_in_ms")] = swapIn;
    result[QStringLiteral("replot_ms_median")] = median(replots);
    result[QStringLiteral("pan_whole_view_replot_ms_median")] = median(fullPans);
    result[QStringLiteral("pan_half_view_replot_ms_median")] = median(pans);
    result[QStringLiteral("meets_target")] =
        median(replots) < 100 && median(fullPans) < 100 && median(pans) < 100;
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int runs = argc > 1 ? std::atoi(argv[1]) : 20;
    const int points = argc > 2 ? std::atoi(argv[2]) : 100'000;
    const std::vector<RunHistoryInput> inputs = syntheticRuns(runs, points);
    QJsonObject report;
    report[QStringLiteral("benchmark")] = QStringLiteral("metric_chart_replot");
    report[QStringLiteral("runs")] = runs;
    report[QStringLiteral("points_per_run")] = points;
    report[QStringLiteral("size")] = QStringLiteral("1400x800");
    report[QStringLiteral("target_ms")] = 100;
    report[QStringLiteral("raw_whole_range")] = measure(inputs, 0.0, false);
    report[QStringLiteral("raw")] = measure(inputs, 0.0, true);
    report[QStringLiteral("smoothed")] = measure(inputs, 0.6, true);
    std::printf("%s\n", QJsonDocument(report).toJson(QJsonDocument::Compact).constData());
    return 0;
}
