#pragma once

#include "explain/explanation.h"

#include <QWidget>

namespace assay::ui {

class BeeswarmChart;
class ShapBarChart;

// The Summary tab: the mean |SHAP| bars and the beeswarm side by side, the same features
// (the most important first, at most kShownFeatures) in the same rows.
class ShapSummaryView : public QWidget {
    Q_OBJECT
public:
    static constexpr std::size_t kShownFeatures = 20;

    explicit ShapSummaryView(QWidget *parent = nullptr);

    void showShap(const explain::ShapExplanation &shap, std::size_t output, const QString &unit);
    ShapBarChart *bars() const { return m_bars; }
    BeeswarmChart *beeswarm() const { return m_beeswarm; }

private:
    ShapBarChart *m_bars;
    BeeswarmChart *m_beeswarm;
};

} // namespace assay::ui
