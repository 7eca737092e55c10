#include "explain/colored_points.h"

#include <algorithm>

namespace assay::ui {

ColoredPoints::ColoredPoints(QCPAxis *keyAxis, QCPAxis *valueAxis)
    : QCPAbstractPlottable(keyAxis, valueAxis)
{
    m_colors.fill(Qt::gray);
    setSelectable(QCP::stNone);
}

void ColoredPoints::setPoints(const std::vector<Point> &points)
{
    for (auto &bucket : m_buckets)
        bucket.clear();
    m_count = points.size();
    bool first = true;
    for (const Point &point : points) {
        m_buckets[std::clamp(point.bucket, 0, kBuckets - 1)].emplace_back(point.key, point.value);
        if (first) {
            m_keyRange = QCPRange(point.key, point.key);
            m_valueRange = QCPRange(point.value, point.value);
            first = false;
        } else {
            m_keyRange.expand(point.key);
            m_valueRange.expand(point.value);
        }
    }
}

double ColoredPoints::selectTest(const QPointF &, bool, QVariant *) const
{
    return -1; // the charts' read-outs find the nearest point themselves
}

QCPRange ColoredPoints::getKeyRange(bool &foundRange, QCP::SignDomain) const
{
    foundRange = m_count > 0;
    return m_keyRange;
}

QCPRange ColoredPoints::getValueRange(bool &foundRange, QCP::SignDomain, const QCPRange &) const
{
    foundRange = m_count > 0;
    return m_valueRange;
}

void ColoredPoints::draw(QCPPainter *painter)
{
    if (m_count == 0)
        return;
    const QRectF clip = clipRect().adjusted(-m_pointSize, -m_pointSize, m_pointSize, m_pointSize);
    QCPAxis *keys = keyAxis();
    QCPAxis *values = valueAxis();
    const bool vertical = keys->orientation() == Qt::Vertical;
    applyDefaultAntialiasingHint(painter);
    for (int slice = 0; slice < kSlices; ++slice) {
        for (int bucket = 0; bucket < kBuckets; ++bucket) {
            const auto &points = m_buckets[std::size_t(bucket)];
            const std::size_t begin = points.size() * std::size_t(slice) / kSlices;
            const std::size_t end = points.size() * std::size_t(slice + 1) / kSlices;
            m_pixels.clear();
            for (std::size_t i = begin; i < end; ++i) {
                const double k = keys->coordToPixel(points[i].x());
                const double v = values->coordToPixel(points[i].y());
                const QPointF pixel = vertical ? QPointF(v, k) : QPointF(k, v);
                if (clip.contains(pixel))
                    m_pixels.push_back(pixel);
            }
            if (m_pixels.empty())
                continue;
            painter->setPen(
                QPen(m_colors[std::size_t(bucket)], m_pointSize, Qt::SolidLine, Qt::RoundCap));
            painter->drawPoints(m_pixels.data(), int(m_pixels.size()));
        }
    }
}

void ColoredPoints::drawLegendIcon(QCPPainter *painter, const QRectF &rect) const
{
    painter->setPen(QPen(m_colors[0], m_pointSize, Qt::SolidLine, Qt::RoundCap));
    painter->drawPoint(rect.center());
}

} // namespace assay::ui
