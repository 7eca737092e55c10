#pragma once

#include "explain/explain_chart.h"
#include "explain/waterfall_steps.h"

#include <vector>

namespace assay::ui {

// A row's SHAP waterfall: from the base value (the expected output, at the bottom) each
// feature's contribution pushes the output up (red) or down (blue) until the row's
// prediction at the top; the largest contributions are named, the rest summed.
class WaterfallChart : public ExplainChart {
    Q_OBJECT
public:
    explicit WaterfallChart(QWidget *parent = nullptr);

    void setWaterfall(const QString &title, double base, std::vector<WaterfallStep> steps,
                      const QString &unit);
    const std::vector<WaterfallStep> &steps() const { return m_steps; }
    void clearWaterfall(const QString &title);

private:
    QString readoutAt(double key, double value) const;
    CsvTable csvTable() const;

    std::vector<WaterfallStep> m_steps;
    double m_base = 0;
};

} // namespace assay::ui
