#pragma once

#include <QStyledItemDelegate>

namespace assay::ui {

// Paints a metric cell of the comparison as its value followed by the delta against the
// baseline, the delta in green when better and red when worse (its arrow and the tooltip
// say the same without colour). Other cells are painted as usual.
class RunComparisonDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace assay::ui
