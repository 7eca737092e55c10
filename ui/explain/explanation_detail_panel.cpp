#include "explain/explanation_detail_panel.h"

#include "common/empty_state.h"
#include "common/format.h"
#include "explain/explanation_list_model.h"
#include "explain/feature_value_text.h"
#include "explain/local_explanation_view.h"
#include "explain/partial_dependence_view.h"
#include "explain/permutation_chart.h"
#include "explain/shap_dependence_view.h"
#include "explain/shap_summary_view.h"
#include "runs/run_palette.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include <memory>
#include <utility>

namespace assay::ui {

namespace {

using Method = explain::ExplainMethod;

constexpr ExplanationDetailPanel::Tab kTabs[] = {
    ExplanationDetailPanel::Tab::Summary, ExplanationDetailPanel::Tab::Dependence,
    ExplanationDetailPanel::Tab::Local, ExplanationDetailPanel::Tab::PartialDependence,
    ExplanationDetailPanel::Tab::Permutation};

std::size_t outputCount(const explain::Explanation &explanation)
{
    if (const auto *shap = std::get_if<explain::ShapExplanation>(&explanation.result))
        return shap->values.outputs;
    if (const auto *pdp = std::get_if<explain::PartialDependenceResult>(&explanation.result))
        return pdp->curves.empty() ? 1 : pdp->curves.front().outputs;
    if (std::holds_alternative<explain::LimeResult>(explanation.result))
        return std::max<std::size_t>(1, explanation.subject.outputs.size());
    return 1; // permutation importance scores the model as a whole
}

std::size_t rowsOf(const explain::Explanation &explanation)
{
    if (const auto *shap = std::get_if<explain::ShapExplanation>(&explanation.result))
        return shap->rowIds.size();
    if (const auto *lime = std::get_if<explain::LimeResult>(&explanation.result))
        return lime->rowIds.size();
    return 0;
}

} // namespace

ExplanationDetailPanel::ExplanationDetailPanel(QWidget *parent)
    : QWidget(parent), m_stack(new QStackedWidget(this)), m_page(new QWidget(m_stack)),
      m_title(new QLabel(m_page)), m_outputLabel(new QLabel(tr("Output:"), m_page)),
      m_output(new QComboBox(m_page)), m_tabs(new QTabWidget(m_page)),
      m_summary(new ShapSummaryView(m_tabs)), m_dependence(new ShapDependenceView(m_tabs)),
      m_local(new LocalExplanationView(m_tabs)), m_pdp(new PartialDependenceView(m_tabs)),
      m_permutation(new PermutationChart(m_tabs)), m_empty(new EmptyState(m_stack))
{
    setObjectName(QStringLiteral("explanationDetails"));
    m_title->setTextFormat(Qt::RichText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_output->setObjectName(QStringLiteral("explainOutput"));
    m_output->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_tabs->setObjectName(QStringLiteral("explanationTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_summary, tr("Summary"));
    m_tabs->addTab(m_dependence, tr("Dependence"));
    m_tabs->addTab(m_local, tr("Local"));
    m_tabs->addTab(m_pdp, tr("Partial dependence"));
    m_tabs->addTab(m_permutation, tr("Permutation importance"));
    connect(m_tabs, &QTabWidget::tabBarClicked, this, [this](int index) {
        for (Tab tab : kTabs) {
            if (m_tabs->indexOf(widgetOf(tab)) == index)
                m_wanted = tab;
        }
    });
    connect(m_output, &QComboBox::currentIndexChanged, this, &ExplanationDetailPanel::showOutput);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_outputLabel);
    header->addWidget(m_output);
    auto *pageLayout = new QVBoxLayout(m_page);
    pageLayout->setContentsMargins(4, 2, 0, 0);
    pageLayout->setSpacing(4);
    pageLayout->addLayout(header);
    pageLayout->addWidget(m_tabs, 1);
    m_stack->addWidget(m_page);
    m_stack->addWidget(m_empty);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    showMessage(tr("No explanation selected"),
                tr("Select an explanation in the list to look at it."));
}

ExplanationDetailPanel::~ExplanationDetailPanel()
{
    delete m_stack; // the views point into m_bundle: they go first
}

bool ExplanationDetailPanel::methodHasTab(explain::ExplainMethod method, Tab tab)
{
    switch (tab) {
    case Tab::Summary:
    case Tab::Dependence:
        return method == Method::TreeShap || method == Method::KernelShap;
    case Tab::Local:
        return method == Method::TreeShap || method == Method::KernelShap || method == Method::Lime;
    case Tab::PartialDependence:
        return method == Method::PartialDependence;
    case Tab::Permutation:
        return method == Method::Permutation;
    }
    return false;
}

QWidget *ExplanationDetailPanel::widgetOf(Tab tab) const
{
    switch (tab) {
    case Tab::Summary:
        return m_summary;
    case Tab::Dependence:
        return m_dependence;
    case Tab::Local:
        return m_local;
    case Tab::PartialDependence:
        return m_pdp;
    case Tab::Permutation:
        return m_permutation;
    }
    return m_summary;
}

void ExplanationDetailPanel::showMessage(const QString &title, const QString &body, bool waiting)
{
    m_empty->setContent(title, body,
                        waiting ? EmptyState::Tone::Waiting : EmptyState::Tone::Neutral);
    if (waiting)
        m_empty->setProgress(-1);
    m_stack->setCurrentWidget(m_empty);
}

bool ExplanationDetailPanel::isShowingMessage() const
{
    return m_stack->currentWidget() == m_empty;
}

void ExplanationDetailPanel::showBundle(ExplanationBundle bundle)
{
    const std::size_t previousOutput = output();
    // The views hold pointers into the bundle: replace it only after they let go of the old one.
    auto next = std::make_unique<ExplanationBundle>(std::move(bundle));
    const explain::Explanation &explanation = next->explanation;
    const explain::ExplanationSubject &subject = explanation.subject;
    const QString model = modelLabel(subject.modelName, subject.runId);
    const QString swatch = subject.runId.empty()
                               ? QString()
                               : QStringLiteral("<span style='color:%1'>■</span> ")
                                     .arg(runColor(QString::fromStdString(subject.runId)).name());
    QString facts = QString::fromStdString(subject.dataName).toHtmlEscaped();
    if (const std::size_t rows = rowsOf(explanation); rows > 0)
        facts += tr(" · %1 rows").arg(formatCount(rows));
    facts += QStringLiteral(" · ") + QDateTime::fromMSecsSinceEpoch(explanation.createdMs)
                                         .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_title->setText(QStringLiteral("%1<b>%2</b> of <b>%3</b> &nbsp;<span>%4</span>")
                         .arg(swatch, QString::fromUtf8(explain::methodTitle(explanation.method)),
                              model.toHtmlEscaped(), facts));
    const std::size_t outputs = outputCount(explanation);
    {
        const QSignalBlocker blocker(m_output);
        m_output->clear();
        m_output->addItems(outputNames(subject, outputs));
        m_output->setCurrentIndex(int(std::min(previousOutput, outputs - 1)));
    }
    m_output->setVisible(outputs > 1);
    m_outputLabel->setVisible(outputs > 1);
    for (Tab tab : kTabs)
        m_tabs->setTabVisible(m_tabs->indexOf(widgetOf(tab)),
                              methodHasTab(explanation.method, tab));
    // The views point into the bundle they show: the old one lives until they show the new.
    const std::unique_ptr<ExplanationBundle> replaced = std::exchange(m_bundle, std::move(next));
    showOutput();
    m_stack->setCurrentWidget(m_page);
    applyWantedTab();
}

void ExplanationDetailPanel::showOutput()
{
    if (!m_bundle)
        return;
    const explain::Explanation &explanation = m_bundle->explanation;
    const std::size_t chosen = output();
    if (const auto *shap = std::get_if<explain::ShapExplanation>(&explanation.result)) {
        const QString unit = shapUnit(explanation);
        m_summary->showShap(*shap, chosen, unit);
        m_dependence->showShap(*shap, chosen, unit);
    }
    if (methodHasTab(explanation.method, Tab::Local))
        m_local->showBundle(*m_bundle, chosen);
    else
        m_local->clear();
    if (std::holds_alternative<explain::PartialDependenceResult>(explanation.result))
        m_pdp->showCurves(explanation, chosen);
    if (const auto *permutation = std::get_if<explain::PermutationResult>(&explanation.result)) {
        QStringList names;
        for (const model::FeatureSpec &feature : explanation.subject.features)
            names << featureName(feature);
        m_permutation->setImportance(permutation->importance, names);
    }
}

void ExplanationDetailPanel::setOutput(std::size_t output)
{
    if (int(output) < m_output->count())
        m_output->setCurrentIndex(int(output));
}

std::size_t ExplanationDetailPanel::output() const
{
    return std::size_t(std::max(0, m_output->currentIndex()));
}

void ExplanationDetailPanel::setCurrentTab(Tab tab)
{
    m_wanted = tab;
    applyWantedTab();
}

void ExplanationDetailPanel::applyWantedTab()
{
    const int wanted = m_tabs->indexOf(widgetOf(m_wanted));
    if (m_tabs->isTabVisible(wanted)) {
        m_tabs->setCurrentIndex(wanted);
        return;
    }
    for (Tab tab : kTabs) { // the first tab this explanation has
        const int index = m_tabs->indexOf(widgetOf(tab));
        if (m_tabs->isTabVisible(index)) {
            m_tabs->setCurrentIndex(index);
            return;
        }
    }
}

ExplanationDetailPanel::Tab ExplanationDetailPanel::currentTab() const
{
    for (Tab tab : kTabs) {
        if (m_tabs->currentWidget() == widgetOf(tab))
            return tab;
    }
    return Tab::Summary;
}

bool ExplanationDetailPanel::isTabVisible(Tab tab) const
{
    return m_tabs->isTabVisible(m_tabs->indexOf(widgetOf(tab)));
}

} // namespace assay::ui
