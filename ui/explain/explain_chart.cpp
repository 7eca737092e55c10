#include "explain/explain_chart.h"

namespace assay::ui {

ExplainChart::ExplainChart(QWidget *parent) : ChartView(parent), m_title(new QCPTextElement(this))
{
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, m_title);
    styleTitle();
}

void ExplainChart::setTitle(const QString &title)
{
    m_title->setText(title);
}

QString ExplainChart::title() const
{
    return m_title->text();
}

void ExplainChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        styleTitle();
    ChartView::changeEvent(event);
}

void ExplainChart::styleTitle()
{
    QFont font = this->font();
    font.setBold(true);
    m_title->setFont(font);
    m_title->setTextColor(palette().color(QPalette::WindowText));
}

void ExplainChart::setCategoryTicks(QCPAxis *axis, const QStringList &labels)
{
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    const qsizetype count = labels.size();
    for (qsizetype i = 0; i < count; ++i)
        ticker->addTick(double(count - 1 - i), elided(labels[i]));
    axis->setTicker(ticker);
    axis->grid()->setVisible(false);
    axis->setRange(-0.6, double(count) - 0.4);
}

QCPItemStraightLine *ExplainChart::addVerticalLine(double x, const QColor &color,
                                                   Qt::PenStyle style)
{
    auto *line = new QCPItemStraightLine(this);
    line->setPen(QPen(color, 1, style));
    line->point1->setCoords(x, 0);
    line->point2->setCoords(x, 1);
    line->setSelectable(false);
    return line;
}

QString elided(const QString &text, int length)
{
    if (text.size() <= length)
        return text;
    return text.left(length - 1) + QChar(0x2026);
}

} // namespace assay::ui
