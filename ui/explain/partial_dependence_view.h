#pragma once

#include "explain/explanation.h"

#include <QWidget>

class QComboBox;

namespace assay::ui {

class PdpChart;

// The Partial dependence tab: a picker of the explained features and the chosen one's
// PDP line over its ICE curves.
class PartialDependenceView : public QWidget {
    Q_OBJECT
public:
    explicit PartialDependenceView(QWidget *parent = nullptr);

    // The explanation must outlive its use here (the detail panel keeps it).
    void showCurves(const explain::Explanation &explanation, std::size_t output);
    QComboBox *featurePicker() const { return m_feature; }
    PdpChart *chart() const { return m_chart; }

private:
    void redraw();

    const explain::Explanation *m_explanation = nullptr;
    std::size_t m_output = 0;
    QComboBox *m_feature;
    PdpChart *m_chart;
};

} // namespace assay::ui
