#pragma once

#include "monitor/window_chart.h"

namespace assay::ui {

// The share of tested features that drifted in each window, with the dataset-drift threshold
// (the rule on dataset_drift_share, else the drift module's 0.5) as a dashed line and the
// windows that raised any alert marked above the bars.
class DriftShareChart : public WindowChart {
    Q_OBJECT
public:
    explicit DriftShareChart(QWidget *parent = nullptr);

    double threshold() const { return m_threshold; }

protected:
    void showReport() override;

private:
    double m_threshold = 0.5;
};

// The threshold the report's rules put on `metric` (the first fixed-value rule), if any.
std::optional<double> ruleThreshold(const monitor::MonitorReport &report, const std::string &metric);

} // namespace assay::ui
