#pragma once

#include "monitor/window_chart.h"

#include <optional>

class QCPColorMap;
class QCPColorScale;

namespace assay::ui {

// Drift score per feature × window (the drift module's severity: 1 or more means drifted),
// the prediction's drift in the top row. Feature names on the y axis, window starts on x; a
// colour scale beside it whose colour turns from pale to red at 1. Hover reads the cell out.
class DriftHeatmap : public WindowChart {
    Q_OBJECT
public:
    explicit DriftHeatmap(QWidget *parent = nullptr);

    // The rows from bottom to top: the features in the reference's order, then "prediction".
    const QStringList &rowNames() const { return m_rows; }
    // The score drawn in the cell of `row` (index in rowNames) and `window`; empty when the
    // feature was not tested in that window.
    std::optional<double> cellValue(int row, int window) const;
    QCPColorMap *colorMap() const { return m_map; }

    // The scale's upper end: scores at or above it share the darkest colour.
    static constexpr double kScaleMax = 3.0;

protected:
    void showReport() override;

private:
    const monitor::FeatureWindowDrift *cell(int row, int window) const;

    QCPColorScale *m_scale;
    QCPColorMap *m_map = nullptr;
    QStringList m_rows;
};

} // namespace assay::ui
