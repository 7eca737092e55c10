#pragma once

#include "monitor/window_chart.h"

namespace assay::ui {

// Rows logged per window (bars), the windows too small for their tests in amber with the
// minimum as a dashed line, and how many of the rows have their label yet (a line).
class RowsChart : public WindowChart {
    Q_OBJECT
public:
    explicit RowsChart(QWidget *parent = nullptr);

protected:
    void showReport() override;
};

} // namespace assay::ui
