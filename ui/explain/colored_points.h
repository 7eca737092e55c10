#pragma once

#include <qcustomplot.h>

#include <array>
#include <vector>

namespace assay::ui {

// Thousands of points, each in one of a few colours (FeatureColorScale steps), drawn fast:
// the points are kept bucketed by colour and each bucket is drawn with one pen as a single
// drawPoints call, instead of one scatter symbol per point as QCPGraph does. The points of
// the buckets are interleaved by draw order, so no colour hides another systematically.
class ColoredPoints : public QCPAbstractPlottable {
    Q_OBJECT
public:
    static constexpr int kBuckets = 33; // FeatureColorScale::kSteps + missing

    struct Point {
        double key = 0;
        double value = 0;
        int bucket = 0;
    };

    ColoredPoints(QCPAxis *keyAxis, QCPAxis *valueAxis);

    void setPoints(const std::vector<Point> &points);
    void setBucketColors(const std::array<QColor, kBuckets> &colors) { m_colors = colors; }
    // Diameter in pixels.
    void setPointSize(double size) { m_pointSize = size; }
    std::size_t pointCount() const { return m_count; }

    double selectTest(const QPointF &pos, bool onlySelectable,
                      QVariant *details = nullptr) const override;
    QCPRange getKeyRange(bool &foundRange,
                         QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool &foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange &inKeyRange = QCPRange()) const override;

protected:
    void draw(QCPPainter *painter) override;
    void drawLegendIcon(QCPPainter *painter, const QRectF &rect) const override;

private:
    // Each bucket's points are drawn in slices, the buckets taking turns, so that the last
    // colour drawn does not cover all the others.
    static constexpr int kSlices = 8;

    std::array<std::vector<QPointF>, kBuckets> m_buckets; // (key, value) per point
    std::array<QColor, kBuckets> m_colors;
    std::vector<QPointF> m_pixels; // reused between draws
    std::size_t m_count = 0;
    QCPRange m_keyRange;
    QCPRange m_valueRange;
    double m_pointSize = 4;
};

} // namespace assay::ui
