#include "models/model_detail_panel.h"

#include "common/empty_state.h"
#include "models/confusion_matrix_view.h"
#include "models/model_curves_view.h"
#include "models/model_metrics_view.h"
#include "models/model_results.h"
#include "models/model_tests_view.h"
#include "models/model_training_view.h"
#include "runs/run_palette.h"

#include <QLabel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace assay::ui {

ModelDetailPanel::ModelDetailPanel(QWidget *parent)
    : QWidget(parent), m_stack(new QStackedWidget(this)), m_page(new QWidget(m_stack)),
      m_title(new QLabel(m_page)), m_tabs(new QTabWidget(m_page)),
      m_metrics(new ModelMetricsView(m_tabs)), m_curves(new ModelCurvesView(m_tabs)),
      m_confusion(new ConfusionMatrixView(m_tabs)), m_training(new ModelTrainingView(m_tabs)),
      m_tests(new ModelTestsView(m_tabs)), m_empty(new EmptyState(m_stack))
{
    setObjectName(QStringLiteral("modelDetails"));
    m_title->setTextFormat(Qt::RichText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tabs->setObjectName(QStringLiteral("modelDetailTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_metrics, tr("Metrics"));
    m_tabs->addTab(m_curves, tr("Curves"));
    m_tabs->addTab(m_confusion, tr("Confusion matrix"));
    m_tabs->addTab(m_training, tr("Training"));
    m_tabs->addTab(m_tests, tr("Tests"));
    connect(m_tabs, &QTabWidget::tabBarClicked, this, [this](int index) {
        for (Tab tab : {Tab::Metrics, Tab::Curves, Tab::Confusion, Tab::Training, Tab::Tests}) {
            if (m_tabs->indexOf(widgetOf(tab)) == index)
                m_wanted = tab;
        }
    });

    auto *pageLayout = new QVBoxLayout(m_page);
    pageLayout->setContentsMargins(4, 2, 0, 0);
    pageLayout->setSpacing(4);
    pageLayout->addWidget(m_title);
    pageLayout->addWidget(m_tabs, 1);
    m_stack->addWidget(m_page);
    m_stack->addWidget(m_empty);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    showMessage(tr("No model selected"), tr("Select a model in the list to see its results."));
}

QWidget *ModelDetailPanel::widgetOf(Tab tab) const
{
    switch (tab) {
    case Tab::Metrics:
        return m_metrics;
    case Tab::Curves:
        return m_curves;
    case Tab::Confusion:
        return m_confusion;
    case Tab::Training:
        return m_training;
    case Tab::Tests:
        return m_tests;
    }
    return m_metrics;
}

void ModelDetailPanel::showMessage(const QString &title, const QString &body, bool waiting)
{
    m_runId.clear();
    m_empty->setContent(title, body,
                        waiting ? EmptyState::Tone::Waiting : EmptyState::Tone::Neutral);
    if (waiting)
        m_empty->setProgress(-1);
    m_stack->setCurrentWidget(m_empty);
}

void ModelDetailPanel::showResults(const ModelResults &results)
{
    m_runId = QString::fromStdString(results.run.info.runId);
    const QString name = results.run.info.name.empty()
                             ? m_runId.left(8)
                             : QString::fromStdString(results.run.info.name);
    m_title->setText(
        QStringLiteral("<span style='color:%1'>■</span> <b>%2</b> &nbsp;<span>%3</span>")
            .arg(runColor(m_runId).name(), name.toHtmlEscaped(), m_runId));
    m_metrics->showResults(results);
    m_tabs->setTabVisible(m_tabs->indexOf(m_curves), ModelCurvesView::hasCurves(results));
    if (ModelCurvesView::hasCurves(results))
        m_curves->showResults(results);
    const bool confusion = ConfusionMatrixView::hasMatrix(results);
    m_tabs->setTabVisible(m_tabs->indexOf(m_confusion), confusion);
    if (confusion)
        m_confusion->showResults(results);
    const bool training = ModelTrainingView::hasCurves(results);
    m_tabs->setTabVisible(m_tabs->indexOf(m_training), training);
    if (training)
        m_training->showResults(results);
    m_tests->showResults(results);
    m_stack->setCurrentWidget(m_page);
    applyWantedTab();
}

void ModelDetailPanel::setCurrentTab(Tab tab)
{
    m_wanted = tab;
    applyWantedTab();
}

void ModelDetailPanel::applyWantedTab()
{
    const int index = m_tabs->indexOf(widgetOf(m_wanted));
    // A run without the chosen tab shows its metrics (not whichever tab Qt moved to).
    m_tabs->setCurrentIndex(m_tabs->isTabVisible(index) ? index : m_tabs->indexOf(m_metrics));
}

bool ModelDetailPanel::isTabVisible(Tab tab) const
{
    return m_tabs->isTabVisible(m_tabs->indexOf(widgetOf(tab)));
}

ModelDetailPanel::Tab ModelDetailPanel::currentTab() const
{
    for (Tab tab : {Tab::Metrics, Tab::Curves, Tab::Confusion, Tab::Training, Tab::Tests}) {
        if (m_tabs->currentWidget() == widgetOf(tab))
            return tab;
    }
    return Tab::Metrics;
}

} // namespace assay::ui
