#pragma once

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTabWidget;

namespace assay::ui {

class ConfusionMatrixView;
class EmptyState;
class ModelCurvesView;
class ModelMetricsView;
class ModelTestsView;
class ModelTrainingView;
struct ModelResults;

// The right side of the Models area: the model's title and its result tabs — Metrics,
// Curves, Confusion matrix, Training, Tests — showing only the tabs that have something to
// show for this run (no curves for multiclass, no confusion matrix for regression, no
// training tab for trainers without rounds).
class ModelDetailPanel : public QWidget {
    Q_OBJECT
public:
    enum class Tab { Metrics, Curves, Confusion, Training, Tests };

    explicit ModelDetailPanel(QWidget *parent = nullptr);

    void showResults(const ModelResults &results);
    // Nothing selected, loading or an error: an empty state instead of the tabs.
    void showMessage(const QString &title, const QString &body, bool waiting = false);
    QString shownRunId() const { return m_runId; }

    // Shows `tab` when the shown run has it, else remembers it for the next run that does.
    void setCurrentTab(Tab tab);
    bool isTabVisible(Tab tab) const;
    Tab currentTab() const;
    QTabWidget *tabs() const { return m_tabs; }
    ModelMetricsView *metrics() const { return m_metrics; }
    ModelCurvesView *curves() const { return m_curves; }
    ConfusionMatrixView *confusion() const { return m_confusion; }
    ModelTrainingView *training() const { return m_training; }
    ModelTestsView *tests() const { return m_tests; }

private:
    QWidget *widgetOf(Tab tab) const;
    void applyWantedTab();

    QStackedWidget *m_stack;
    QWidget *m_page;
    QLabel *m_title;
    QTabWidget *m_tabs;
    ModelMetricsView *m_metrics;
    ModelCurvesView *m_curves;
    ConfusionMatrixView *m_confusion;
    ModelTrainingView *m_training;
    ModelTestsView *m_tests;
    EmptyState *m_empty;
    QString m_runId;
    Tab m_wanted = Tab::Metrics; // the tab the user (or --view) chose last
};

} // namespace assay::ui
