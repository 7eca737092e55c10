#include "explain/partial_dependence_view.h"

#include "explain/explanation_bundle.h"
#include "explain/feature_value_text.h"
#include "explain/pdp_chart.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace assay::ui {

PartialDependenceView::PartialDependenceView(QWidget *parent)
    : QWidget(parent), m_feature(new QComboBox(this)), m_chart(new PdpChart(this))
{
    m_feature->setObjectName(QStringLiteral("pdpFeature"));
    m_feature->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Feature:"), this));
    controls->addWidget(m_feature);
    controls->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_chart, 1);
    connect(m_feature, &QComboBox::currentIndexChanged, this, &PartialDependenceView::redraw);
}

void PartialDependenceView::showCurves(const explain::Explanation &explanation, std::size_t output)
{
    const auto *result = std::get_if<explain::PartialDependenceResult>(&explanation.result);
    const int previous = m_explanation == &explanation ? m_feature->currentIndex() : 0;
    m_explanation = &explanation;
    m_output = output;
    {
        const QSignalBlocker blocker(m_feature);
        m_feature->clear();
        if (result) {
            for (std::size_t curve = 0; curve < result->curves.size(); ++curve) {
                const std::size_t feature = result->curves[curve].feature;
                m_feature->addItem(featureName(explanation.subject.features.at(feature)),
                                   qulonglong(curve));
            }
        }
        m_feature->setCurrentIndex(std::max(0, std::min(previous, m_feature->count() - 1)));
    }
    redraw();
}

void PartialDependenceView::redraw()
{
    const auto *result = m_explanation
                             ? std::get_if<explain::PartialDependenceResult>(&m_explanation->result)
                             : nullptr;
    if (!result || m_feature->currentIndex() < 0)
        return;
    const explain::PartialDependence &curve =
        result->curves.at(std::size_t(m_feature->currentData().toULongLong()));
    const QStringList outputs = outputNames(m_explanation->subject, curve.outputs);
    m_chart->setCurve(curve, m_explanation->subject.features.at(curve.feature), m_output,
                      outputs.value(qsizetype(m_output)));
}

} // namespace assay::ui
