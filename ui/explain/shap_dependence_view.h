#pragma once

#include "explain/explanation.h"

#include <QWidget>

#include <optional>

class QComboBox;

namespace assay::ui {

class DependenceChart;

// The Dependence tab: a feature picker (the most important first), a colour-by picker that
// starts on the feature's strongest interacting feature, and the dependence plot.
class ShapDependenceView : public QWidget {
    Q_OBJECT
public:
    explicit ShapDependenceView(QWidget *parent = nullptr);

    // The explanation must outlive its use here (the detail panel keeps it).
    void showShap(const explain::ShapExplanation &shap, std::size_t output, const QString &unit);
    void setFeature(std::size_t feature);
    std::optional<std::size_t> feature() const;
    // The feature colouring the points; nothing for "no colour".
    std::optional<std::size_t> colorFeature() const;
    QComboBox *featurePicker() const { return m_feature; }
    QComboBox *colorPicker() const { return m_colorBy; }
    DependenceChart *chart() const { return m_chart; }

private:
    void fillColorPicker();
    void redraw();

    const explain::ShapExplanation *m_shap = nullptr;
    std::size_t m_output = 0;
    QString m_unit;
    QComboBox *m_feature;
    QComboBox *m_colorBy;
    DependenceChart *m_chart;
};

} // namespace assay::ui
