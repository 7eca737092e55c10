#pragma once

#include "explain/explanation_bundle.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QStackedWidget;
class QTabWidget;

namespace assay::ui {

class EmptyState;
class LocalExplanationView;
class PartialDependenceView;
class PermutationChart;
class ShapDependenceView;
class ShapSummaryView;

// The right side of the Explain area: what was explained (model, data, method, rows), an
// output picker for multiclass models, and the tabs the explanation has something for —
// SHAP: Summary, Dependence, Local; LIME: Local; partial dependence; permutation importance.
class ExplanationDetailPanel : public QWidget {
    Q_OBJECT
public:
    enum class Tab { Summary, Dependence, Local, PartialDependence, Permutation };

    explicit ExplanationDetailPanel(QWidget *parent = nullptr);
    ~ExplanationDetailPanel() override;

    void showBundle(ExplanationBundle bundle);
    void showMessage(const QString &title, const QString &body, bool waiting = false);
    const ExplanationBundle *bundle() const { return m_bundle.get(); }
    bool isShowingMessage() const;

    void setCurrentTab(Tab tab);
    Tab currentTab() const;
    bool isTabVisible(Tab tab) const;
    void setOutput(std::size_t output);
    std::size_t output() const;

    QTabWidget *tabs() const { return m_tabs; }
    QComboBox *outputPicker() const { return m_output; }
    ShapSummaryView *summary() const { return m_summary; }
    ShapDependenceView *dependence() const { return m_dependence; }
    LocalExplanationView *local() const { return m_local; }
    PartialDependenceView *partialDependence() const { return m_pdp; }
    PermutationChart *permutation() const { return m_permutation; }

    // Whether an explanation of `method` has something for `tab`.
    static bool methodHasTab(explain::ExplainMethod method, Tab tab);

private:
    QWidget *widgetOf(Tab tab) const;
    void showOutput();
    void applyWantedTab();

    QStackedWidget *m_stack;
    QWidget *m_page;
    QLabel *m_title;
    QLabel *m_outputLabel;
    QComboBox *m_output;
    QTabWidget *m_tabs;
    ShapSummaryView *m_summary;
    ShapDependenceView *m_dependence;
    LocalExplanationView *m_local;
    PartialDependenceView *m_pdp;
    PermutationChart *m_permutation;
    EmptyState *m_empty;
    std::unique_ptr<ExplanationBundle> m_bundle;
    Tab m_wanted = Tab::Summary;
};

} // namespace assay::ui
