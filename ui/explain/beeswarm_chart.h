#pragma once

#include "explain/colored_points.h"
#include "explain/explain_chart.h"
#include "explain/explanation.h"

#include <vector>

class QCPColorScale;

namespace assay::ui {

// The beeswarm summary: one row per shown feature, a point per explained row at its SHAP
// value, coloured by the feature's value (low blue → high red, missing grey), with a colour
// bar at the side. Drawn by ColoredPoints, so tens of thousands of points stay fluid.
class BeeswarmChart : public ExplainChart {
    Q_OBJECT
public:
    explicit BeeswarmChart(QWidget *parent = nullptr);

    // `shown`: the features in order, top first. The explanation must outlive the chart's use
    // of it (the detail panel keeps it).
    void setSwarm(const explain::ShapExplanation &explanation, std::size_t output,
                  const std::vector<std::size_t> &shown, const QString &unit);
    std::size_t pointCount() const { return m_points ? m_points->pointCount() : 0; }

private:
    QString readoutAt(double key, double value) const;

    ColoredPoints *m_points = nullptr;
    QCPColorScale *m_colorScale;
    QStringList m_names;
    QString m_unit;
};

// The colour bar's gradient: FeatureColorScale's low to high colours.
QCPColorGradient featureValueGradient();
// The bucket colours ColoredPoints draws the feature values with.
std::array<QColor, ColoredPoints::kBuckets> featureValueColors();

} // namespace assay::ui
