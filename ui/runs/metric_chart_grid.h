#pragma once

#include "runs/metric_chart_data.h"

#include <QWidget>

#include <memory>
#include <vector>

class QGridLayout;
class QLabel;

namespace assay::ui {

class MetricChart;

// Every metric of the selected runs as small charts, three to a row, scrolling; a legend
// of the runs above them (each chart has the same colours). Clicking a chart emits
// metricChosen; each chart exports itself from its context menu.
class MetricChartGrid : public QWidget {
    Q_OBJECT
public:
    static constexpr int kColumns = 3;

    explicit MetricChartGrid(QWidget *parent = nullptr);

    void setCharts(std::vector<std::shared_ptr<const MetricChartData>> charts);
    const std::vector<MetricChart *> &charts() const { return m_charts; }
    MetricChart *chartOf(const QString &key) const;

signals:
    void metricChosen(const QString &key);

private:
    void showLegend();

    QLabel *m_legend;
    QWidget *m_content;
    QGridLayout *m_layout;
    std::vector<MetricChart *> m_charts;
};

} // namespace assay::ui
