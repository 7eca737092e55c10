#pragma once

#include "explain/explain_chart.h"

#include <vector>

namespace assay::ui {

// Global importance: one horizontal bar per feature, its mean |SHAP value|, the most
// important at the top.
class ShapBarChart : public ExplainChart {
    Q_OBJECT
public:
    explicit ShapBarChart(QWidget *parent = nullptr);

    // `names` and `importance` in the order shown, top first.
    void setImportance(const QStringList &names, const std::vector<double> &importance,
                       const QString &unit);
    const std::vector<double> &importance() const { return m_importance; }

private:
    QString readoutAt(double key, double value) const;
    CsvTable csvTable() const;

    QStringList m_names;
    std::vector<double> m_importance;
    QString m_unit;
};

} // namespace assay::ui
