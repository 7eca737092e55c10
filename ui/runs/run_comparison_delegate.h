#pragma once

#include <QStyledItemDelegate>

namespace assay::ui {

// Paints a metric cell of the comparison on two lines: the value, and under it the delta
// against the baseline, green when better and red when worse (its arrow and the tooltip
// say the same without colour). Other cells are painted as usual.
class RunComparisonDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The height of a row whose cells hold two lines.
    static int twoLineHeight(const QFontMetrics &metrics) { return 2 * metrics.height() + 6; }
};

} // namespace assay::ui
