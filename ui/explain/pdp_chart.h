#pragma once

#include "explain/explain_chart.h"
#include "explain/partial_dependence.h"
#include "model/feature_matrix.h"

namespace assay::ui {

// Partial dependence of one feature: the average prediction over the grid (a thick line in
// the accent colour) over the faint ICE curves of individual rows. A categorical feature's
// grid values are named on the axis and drawn as points.
class PdpChart : public ExplainChart {
    Q_OBJECT
public:
    explicit PdpChart(QWidget *parent = nullptr);

    void setCurve(const explain::PartialDependence &curve, const model::FeatureSpec &feature,
                  std::size_t output, const QString &outputName);
    int iceCurveCount() const { return m_iceCount; }

private:
    QString readoutAt(double key, double value) const;
    CsvTable csvTable() const;

    std::vector<double> m_grid;
    std::vector<double> m_average;
    QString m_featureName;
    int m_iceCount = 0;
};

} // namespace assay::ui
