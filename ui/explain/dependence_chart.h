#pragma once

#include "explain/colored_points.h"
#include "explain/explain_chart.h"
#include "explain/explanation.h"

#include <optional>
#include <vector>

class QCPColorScale;

namespace assay::ui {

// The dependence plot: a feature's value (x) against its SHAP value (y), one point per
// explained row, coloured by another feature's value (the strongest interacting one by
// default). Rows missing the feature are left out (the title says how many); a categorical
// feature's categories are named on the axis and its points spread a little around them.
class DependenceChart : public ExplainChart {
    Q_OBJECT
public:
    explicit DependenceChart(QWidget *parent = nullptr);

    void setDependence(const explain::ShapExplanation &explanation, std::size_t output,
                       std::size_t feature, std::optional<std::size_t> colorBy,
                       const QString &unit);
    std::size_t pointCount() const { return m_points ? m_points->pointCount() : 0; }

private:
    QString readoutAt(double key, double value) const;
    CsvTable csvTable() const;

    ColoredPoints *m_points = nullptr;
    QCPColorScale *m_colorScale;
    std::vector<double> m_x;
    std::vector<double> m_y;
    std::vector<double> m_color;
    QString m_xName;
    QString m_colorName;
};

} // namespace assay::ui
