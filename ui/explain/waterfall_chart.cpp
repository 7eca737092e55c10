#include "explain/waterfall_chart.h"

#include "common/format.h"
#include "common/theme.h"
#include "explain/feature_color_scale.h"

#include <algorithm>
#include <cmath>

namespace assay::ui {

namespace {

constexpr double kBarHalfHeight = 0.32;

QString signedNumber(double value)
{
    return (value >= 0 ? QStringLiteral("+") : QString()) + formatNumber(value);
}

} // namespace

WaterfallChart::WaterfallChart(QWidget *parent) : ExplainChart(parent)
{
    setReadout([this](double key, double value) { return readoutAt(key, value); });
    setCsvSource([this] { return csvTable(); });
}

void WaterfallChart::clearWaterfall(const QString &title)
{
    clearItems();
    m_steps.clear();
    setTitle(title);
    replot(rpQueuedReplot);
}

void WaterfallChart::setWaterfall(const QString &title, double base,
                                  std::vector<WaterfallStep> steps, const QString &unit)
{
    clearItems();
    m_steps = std::move(steps);
    m_base = base;
    setTitle(title);
    const auto count = qsizetype(m_steps.size());
    QStringList labels;
    double lowest = base, highest = base;
    for (const WaterfallStep &step : m_steps) {
        labels << step.label;
        lowest = std::min({lowest, step.start, step.end()});
        highest = std::max({highest, step.start, step.end()});
    }
    setCategoryTicks(yAxis, labels);
    const QColor text = palette().color(QPalette::WindowText);
    const double span = std::max(highest - lowest, 1e-9);
    for (qsizetype i = 0; i < count; ++i) {
        const WaterfallStep &step = m_steps[std::size_t(i)];
        const double y = double(count - 1 - i);
        const QColor color =
            step.contribution >= 0 ? FeatureColorScale::highColor() : FeatureColorScale::lowColor();
        auto *bar = new QCPItemRect(this);
        bar->setPen(Qt::NoPen);
        bar->setBrush(color);
        bar->topLeft->setCoords(std::min(step.start, step.end()), y + kBarHalfHeight);
        bar->bottomRight->setCoords(std::max(step.start, step.end()), y - kBarHalfHeight);
        auto *label = new QCPItemText(this);
        label->setText(signedNumber(step.contribution));
        label->setColor(text);
        const bool up = step.contribution >= 0;
        label->setPositionAlignment(Qt::AlignVCenter | (up ? Qt::AlignLeft : Qt::AlignRight));
        label->position->setCoords(step.end() + (up ? 1 : -1) * span * 0.01, y);
        if (i + 1 < count) { // the connector to the next step's start
            auto *link = new QCPItemLine(this);
            link->setPen(QPen(mutedTextColor(palette()), 1, Qt::DotLine));
            link->start->setCoords(step.start, y - kBarHalfHeight);
            link->end->setCoords(step.start, y - 1 + kBarHalfHeight);
        }
    }
    const double prediction = m_steps.empty() ? base : m_steps.front().end();
    const QColor muted = mutedTextColor(palette());
    addVerticalLine(base, muted, Qt::DashLine);
    addVerticalLine(prediction, text, Qt::DashLine);
    // Room for the value labels beside the bars at both ends.
    xAxis->setRange(lowest - span * 0.35, highest + span * 0.35);
    xAxis->setLabel(tr("E[f(x)] = %1   →   f(x) = %2   (%3)")
                        .arg(formatNumber(base), formatNumber(prediction), unit));
    rememberHomeRanges();
    replot(rpQueuedReplot);
}

QString WaterfallChart::readoutAt(double, double value) const
{
    const auto count = qsizetype(m_steps.size());
    const auto index = count - 1 - qsizetype(std::lround(value));
    if (index < 0 || index >= count)
        return {};
    const WaterfallStep &step = m_steps[std::size_t(index)];
    return QStringLiteral("<b>%1</b><br>contribution: %2<br>%3 → %4")
        .arg(step.label.toHtmlEscaped(), formatNumberFull(step.contribution),
             formatNumber(step.start), formatNumber(step.end()));
}

CsvTable WaterfallChart::csvTable() const
{
    CsvTable table;
    table.header << tr("step") << tr("start") << tr("contribution") << tr("end");
    table.rowCount = qsizetype(m_steps.size());
    table.cell = [steps = m_steps](qsizetype row, qsizetype column) {
        const WaterfallStep &step = steps[std::size_t(row)];
        if (column == 0)
            return step.label;
        const double number =
            column == 1 ? step.start : (column == 2 ? step.contribution : step.end());
        return QString::number(number, 'g', 17);
    };
    return table;
}

} // namespace assay::ui
