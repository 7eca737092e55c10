#include "models/evaluation_charts.h"

#include "common/format.h"

#include <QCoreApplication>

#include <array>

namespace assay::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("assay::ui::EvaluationCharts", text);
}

// Okabe & Ito's colour-blind-safe set, without black (it is the text colour).
constexpr std::array<QRgb, 7> kPartColors{0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7,
                                          0x56B4E9, 0xD55E00, 0xF0E442};

QString nameWithMetric(const EvaluatedPart &part, const char *metric, const QString &label)
{
    const auto found = part.evaluation.metrics.find(metric);
    if (found == part.evaluation.metrics.end())
        return part.name;
    return QStringLiteral("%1 · %2 %3").arg(part.name, label, formatNumber(found->second));
}

XySeries seriesOf(const EvaluatedPart &part, XySeries::Style style)
{
    XySeries series;
    series.name = part.name;
    series.color = partColor(part.name);
    series.style = style;
    return series;
}

} // namespace

QColor partColor(const QString &part)
{
    if (part == QLatin1String("test"))
        return QColor(kPartColors[0]);
    if (part == QLatin1String("valid"))
        return QColor(kPartColors[1]);
    if (part == QLatin1String("train"))
        return QColor(kPartColors[2]);
    if (part.startsWith(QLatin1String("fold "))) {
        const int fold = part.mid(5).toInt();
        return QColor(kPartColors[std::size_t(std::max(0, fold - 1)) % kPartColors.size()]);
    }
    return QColor(kPartColors[3]);
}

std::vector<const EvaluatedPart *> heldOutParts(const ModelResults &results)
{
    std::vector<const EvaluatedPart *> parts;
    if (results.isCrossValidation()) {
        for (const EvaluatedPart &fold : results.evaluations.folds)
            parts.push_back(&fold);
        return parts;
    }
    for (const EvaluatedPart &part : results.evaluations.parts) {
        if (part.name != QLatin1String("train"))
            parts.push_back(&part);
    }
    if (parts.empty() && !results.evaluations.parts.empty())
        parts.push_back(&results.evaluations.parts.front());
    return parts;
}

namespace {

// One line per part from a ranking curve of its evaluation, named with the curve's summary.
void addCurves(XyChartData &chart, const std::vector<const EvaluatedPart *> &parts,
               model::Curve model::Evaluation::*curve, const char *metric, const QString &label)
{
    for (const EvaluatedPart *part : parts) {
        const model::Curve &points = part->evaluation.*curve;
        if (points.x.empty())
            continue;
        XySeries series = seriesOf(*part, XySeries::Style::Line);
        series.name = nameWithMetric(*part, metric, label);
        series.x = points.x;
        series.y = points.y;
        chart.series.push_back(std::move(series));
    }
}

} // namespace

XyChartData rocChart(const std::vector<const EvaluatedPart *> &parts)
{
    XyChartData chart;
    chart.title = tr("ROC curve");
    chart.xLabel = tr("False positive rate");
    chart.yLabel = tr("True positive rate");
    chart.reference = ReferenceLine::Diagonal;
    chart.unitSquare = true;
    addCurves(chart, parts, &model::Evaluation::roc, "roc_auc", tr("AUC"));
    return chart;
}

XyChartData precisionRecallChart(const std::vector<const EvaluatedPart *> &parts)
{
    XyChartData chart;
    chart.title = tr("Precision–recall curve");
    chart.xLabel = tr("Recall");
    chart.yLabel = tr("Precision");
    chart.unitSquare = true;
    chart.legendCorner = Qt::AlignRight | Qt::AlignTop; // precision falls as recall grows
    addCurves(chart, parts, &model::Evaluation::pr, "pr_auc", tr("AP"));
    return chart;
}

XyChartData calibrationChart(const std::vector<const EvaluatedPart *> &parts)
{
    XyChartData chart;
    chart.title = tr("Calibration");
    chart.xLabel = tr("Mean predicted probability");
    chart.yLabel = tr("Observed share of positives");
    chart.reference = ReferenceLine::Diagonal;
    chart.unitSquare = true;
    chart.legendCorner = Qt::AlignLeft | Qt::AlignTop; // calibrated curves hug the diagonal
    for (const EvaluatedPart *part : parts) {
        if (part->evaluation.calibration.empty())
            continue;
        XySeries series = seriesOf(*part, XySeries::Style::LineWithPoints);
        series.name = nameWithMetric(*part, "brier", tr("Brier"));
        for (const model::CalibrationBin &bin : part->evaluation.calibration) {
            series.x.push_back(bin.meanPredicted);
            series.y.push_back(bin.observedFraction);
        }
        chart.series.push_back(std::move(series));
    }
    return chart;
}

XyChartData predictedVsActualChart(const std::vector<const EvaluatedPart *> &parts)
{
    XyChartData chart;
    chart.title = tr("Predicted vs actual");
    chart.xLabel = tr("Actual");
    chart.yLabel = tr("Predicted");
    chart.reference = ReferenceLine::Diagonal;
    chart.equalAxes = true;
    for (const EvaluatedPart *part : parts) {
        if (part->actual.empty())
            continue;
        XySeries series = seriesOf(*part, XySeries::Style::Points);
        series.name = nameWithMetric(*part, "r2", tr("R²"));
        series.x = part->actual;
        series.y = part->predicted;
        chart.series.push_back(std::move(series));
    }
    return chart;
}

XyChartData residualsChart(const std::vector<const EvaluatedPart *> &parts)
{
    XyChartData chart;
    chart.title = tr("Residuals");
    chart.xLabel = tr("Predicted");
    chart.yLabel = tr("Residual (actual − predicted)");
    chart.reference = ReferenceLine::Zero;
    for (const EvaluatedPart *part : parts) {
        if (part->actual.empty())
            continue;
        XySeries series = seriesOf(*part, XySeries::Style::Points);
        series.name = nameWithMetric(*part, "rmse", tr("RMSE"));
        series.x = part->predicted;
        for (std::size_t i = 0; i < part->actual.size(); ++i)
            series.y.push_back(part->actual[i] - part->predicted[i]);
        chart.series.push_back(std::move(series));
    }
    return chart;
}

QStringList trainingMetrics(const std::vector<TrainingCurve> &curves)
{
    QStringList losses;
    QStringList others;
    for (const TrainingCurve &curve : curves) {
        const bool loss = curve.metric.contains(QLatin1String("loss")) ||
                          curve.metric == QLatin1String("rmse") ||
                          curve.metric == QLatin1String("mae");
        QStringList &list = loss ? losses : others;
        if (!list.contains(curve.metric))
            list.append(curve.metric);
    }
    losses.sort();
    others.sort();
    return losses + others;
}

XyChartData trainingChart(const std::vector<TrainingCurve> &curves, const QString &metric)
{
    XyChartData chart;
    chart.title = metric;
    chart.xLabel = tr("Round");
    chart.yLabel = metric;
    chart.legendCorner = Qt::AlignRight | Qt::AlignTop; // losses fall towards the bottom
    for (const char *part : {"train", "valid"}) {
        for (const TrainingCurve &curve : curves) {
            if (curve.metric != metric || curve.part != QLatin1String(part))
                continue;
            XySeries series;
            series.name = curve.part;
            series.color = partColor(curve.part);
            series.x = curve.rounds;
            series.y = curve.values;
            chart.series.push_back(std::move(series));
        }
    }
    return chart;
}

} // namespace assay::ui
