#include "explain/shap_dependence_view.h"

#include "explain/dependence_chart.h"
#include "explain/feature_value_text.h"
#include "explain/shap_statistics.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace assay::ui {

namespace {

constexpr int kNoColor = -1;

} // namespace

ShapDependenceView::ShapDependenceView(QWidget *parent)
    : QWidget(parent), m_feature(new QComboBox(this)), m_colorBy(new QComboBox(this)),
      m_chart(new DependenceChart(this))
{
    m_feature->setObjectName(QStringLiteral("dependenceFeature"));
    m_colorBy->setObjectName(QStringLiteral("dependenceColor"));
    m_feature->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_colorBy->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Feature:"), this));
    controls->addWidget(m_feature);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Colour by:"), this));
    controls->addWidget(m_colorBy);
    controls->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_chart, 1);
    connect(m_feature, &QComboBox::currentIndexChanged, this, [this] {
        fillColorPicker();
        redraw();
    });
    connect(m_colorBy, &QComboBox::currentIndexChanged, this, &ShapDependenceView::redraw);
}

void ShapDependenceView::showShap(const explain::ShapExplanation &shap, std::size_t output,
                                  const QString &unit)
{
    const std::optional<std::size_t> previous =
        m_shap && &shap == m_shap ? feature() : std::nullopt;
    m_shap = &shap;
    m_output = output;
    m_unit = unit;
    {
        const QSignalBlocker blocker(m_feature);
        m_feature->clear();
        for (std::size_t feature : featuresByImportance(meanAbsoluteShap(shap.values, output)))
            m_feature->addItem(featureName(shap.x.features[feature]), qulonglong(feature));
    }
    if (previous)
        m_feature->setCurrentIndex(m_feature->findData(qulonglong(*previous)));
    fillColorPicker();
    redraw();
}

void ShapDependenceView::setFeature(std::size_t feature)
{
    const int index = m_feature->findData(qulonglong(feature));
    if (index >= 0)
        m_feature->setCurrentIndex(index);
}

std::optional<std::size_t> ShapDependenceView::feature() const
{
    if (m_feature->currentIndex() < 0)
        return std::nullopt;
    return std::size_t(m_feature->currentData().toULongLong());
}

std::optional<std::size_t> ShapDependenceView::colorFeature() const
{
    const int chosen = m_colorBy->currentData().toInt();
    if (m_colorBy->currentIndex() < 0 || chosen == kNoColor)
        return std::nullopt;
    return std::size_t(chosen);
}

void ShapDependenceView::fillColorPicker()
{
    const QSignalBlocker blocker(m_colorBy);
    m_colorBy->clear();
    const auto shown = feature();
    if (!m_shap || !shown)
        return;
    const std::optional<std::size_t> strongest = strongestInteraction(*m_shap, m_output, *shown);
    for (std::size_t other = 0; other < m_shap->x.columns(); ++other) {
        if (other == *shown)
            continue;
        QString label = featureName(m_shap->x.features[other]);
        if (strongest && other == *strongest)
            label = tr("%1 (strongest interaction)").arg(label);
        m_colorBy->addItem(label, int(other));
    }
    m_colorBy->addItem(tr("No colour"), kNoColor);
    m_colorBy->setCurrentIndex(strongest ? m_colorBy->findData(int(*strongest))
                                         : m_colorBy->count() - 1);
}

void ShapDependenceView::redraw()
{
    const auto shown = feature();
    if (!m_shap || !shown)
        return;
    m_chart->setDependence(*m_shap, m_output, *shown, colorFeature(), m_unit);
}

} // namespace assay::ui
