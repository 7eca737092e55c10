#pragma once

#include "explain/explain_chart.h"
#include "explain/permutation_importance.h"

namespace assay::ui {

// Permutation importance: one horizontal bar per feature, the mean drop of the metric when
// the feature is shuffled, with ± one standard deviation over the repeats as error bars;
// the most important at the top.
class PermutationChart : public ExplainChart {
    Q_OBJECT
public:
    explicit PermutationChart(QWidget *parent = nullptr);

    // `names`: the model's features, in its order.
    void setImportance(const explain::PermutationImportance &importance, const QStringList &names);
    const QStringList &shownNames() const { return m_names; }

private:
    QString readoutAt(double key, double value) const;
    CsvTable csvTable() const;

    QStringList m_names; // in the order shown
    std::vector<double> m_means;
    std::vector<double> m_stds;
};

} // namespace assay::ui
