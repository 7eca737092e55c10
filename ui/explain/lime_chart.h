#pragma once

#include "explain/explain_chart.h"
#include "explain/lime.h"

namespace assay::ui {

// A row's LIME explanation: one horizontal bar per condition ("25 < age <= 35"), its weight
// in the local linear model (red pushes the output up, blue down), the largest at the top;
// the title gives the local fit's R² and its prediction against the model's.
class LimeChart : public ExplainChart {
    Q_OBJECT
public:
    explicit LimeChart(QWidget *parent = nullptr);

    void setExplanation(const explain::LimeExplanation &explanation, const QString &outputName);
    void clearExplanation(const QString &title);
    qsizetype barCount() const { return m_conditions.size(); }

private:
    void setAxesShown(bool shown);
    QString readoutAt(double key, double value) const;
    CsvTable csvTable() const;

    QStringList m_conditions;
    std::vector<double> m_weights;
};

} // namespace assay::ui
