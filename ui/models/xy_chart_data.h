#pragma once

#include <QColor>
#include <QString>
#include <Qt>

#include <optional>
#include <vector>

namespace assay::ui {

// One series of an XyChart: a line through its points in order, or unconnected points.
struct XySeries {
    enum class Style { Line, LineWithPoints, Points };
    QString name; // the legend entry, e.g. "test (AUC 0.912)"
    QColor color;
    Style style = Style::Line;
    std::vector<double> x;
    std::vector<double> y;
};

// A straight reference line drawn under the data: the diagonal y = x (a perfect ROC chance
// line, perfect calibration, predicted = actual) or y = 0 (no residual).
enum class ReferenceLine { None, Diagonal, Zero };

// Everything an XyChart draws, built from evaluations without any widget.
struct XyChartData {
    QString title;
    QString xLabel;
    QString yLabel;
    std::vector<XySeries> series;
    ReferenceLine reference = ReferenceLine::None;
    bool unitSquare = false; // both axes fixed to [0, 1] (ROC, PR, calibration)
    bool equalAxes = false;  // both axes over the same range, so the diagonal is y = x at 45°
    // The corner of the plot the legend sits in: one the data of such a chart leaves free.
    Qt::Alignment legendCorner = Qt::AlignRight | Qt::AlignBottom;

    bool hasPoints() const;
};

// The data range of all series on one axis, widened a little; [0, 1] when nothing is finite.
struct AxisRange {
    double lower = 0;
    double upper = 1;
};
AxisRange xRangeOf(const XyChartData &chart);
AxisRange yRangeOf(const XyChartData &chart);

} // namespace assay::ui
