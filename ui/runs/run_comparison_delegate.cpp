#include "runs/run_comparison_delegate.h"

#include "common/theme.h"
#include "runs/run_comparison_model.h"

#include <QApplication>
#include <QPainter>

namespace assay::ui {

void RunComparisonDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    const QString delta = index.data(RunComparisonModel::DeltaTextRole).toString();
    if (delta.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    const QString value = text.left(text.size() - delta.size());
    opt.text.clear();
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const QRect area = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget)
                           .adjusted(2, 0, -2, 0);
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette &palette = opt.palette;
    const QColor normal = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const auto verdict = MetricVerdict(index.data(RunComparisonModel::VerdictRole).toInt());
    QColor deltaColor = mutedTextColor(palette);
    if (verdict == MetricVerdict::Better)
        deltaColor = statusColor(StatusTone::Ok, palette);
    else if (verdict == MetricVerdict::Worse)
        deltaColor = statusColor(StatusTone::Failed, palette);
    if (selected)
        deltaColor = normal;

    painter->save();
    painter->setFont(opt.font);
    painter->setClipRect(opt.rect);
    const int deltaWidth = opt.fontMetrics.horizontalAdvance(delta);
    QRect deltaRect = area;
    deltaRect.setLeft(area.right() - deltaWidth);
    painter->setPen(deltaColor);
    painter->drawText(deltaRect, Qt::AlignRight | Qt::AlignVCenter, delta);
    QRect valueRect = area;
    valueRect.setRight(deltaRect.left() - 1);
    painter->setPen(normal);
    painter->drawText(valueRect, Qt::AlignRight | Qt::AlignVCenter, value);
    painter->restore();
}

} // namespace assay::ui
