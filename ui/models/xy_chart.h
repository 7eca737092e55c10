#pragma once

#include "common/chart_view.h"
#include "models/xy_chart_data.h"

class QCPTextElement;

namespace assay::ui {

// A chart of a model's evaluation: lines (ROC, PR, calibration, training curves) or points
// (predicted vs actual, residuals) in their parts' colours, a dashed reference line beneath,
// a title, axis titles, a legend in a corner the data leaves free, a read-out of the nearest
// point and CSV export of the plotted numbers.
class XyChart : public ChartView {
    Q_OBJECT
public:
    explicit XyChart(QWidget *parent = nullptr);

    void setChartData(XyChartData content);
    const XyChartData &chartData() const { return m_data; }
    // The read-out for the point nearest to plot coordinates (key, value); empty when none is
    // within a few pixels.
    QString readoutAt(double key, double value) const;
    CsvTable csvTable() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void addReferenceLine();
    void addSeries(const XySeries &series);
    void styleTitle();

    XyChartData m_data;
    QCPTextElement *m_title;
};

} // namespace assay::ui
