#pragma once

#include "common/chart_view.h"

#include <QStringList>

class QCPTextElement;

namespace assay::ui {

// The base of the Explain area's charts: a ChartView with a bold title row (exported with
// the picture) and helpers for a categorical axis of feature names.
class ExplainChart : public ChartView {
    Q_OBJECT
public:
    explicit ExplainChart(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    QString title() const;

protected:
    void changeEvent(QEvent *event) override;
    // Puts `labels` on `axis` from the top (or left) down: the first label at
    // labels.size() - 1, the last at 0, with half a step of room at both ends.
    static void setCategoryTicks(QCPAxis *axis, const QStringList &labels);
    // A thin vertical line at key `x` across the whole value range (zero, the base value).
    QCPItemStraightLine *addVerticalLine(double x, const QColor &color,
                                         Qt::PenStyle style = Qt::SolidLine);

private:
    void styleTitle();

    QCPTextElement *m_title;
};

// `text` shortened to `length` characters with an ellipsis (long feature names in tick labels).
QString elided(const QString &text, int length = 28);

} // namespace assay::ui
