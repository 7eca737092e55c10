#include "runs/run_comparison_delegate.h"

#include "common/theme.h"
#include "runs/run_comparison_model.h"

#include <QApplication>
#include <QPainter>

namespace assay::ui {

namespace {

// The cell's text is "VALUE  DELTA"; the delta is what DeltaTextRole holds.
QString valuePart(const QString &text, const QString &delta)
{
    return text.left(text.size() - delta.size()).trimmed();
}

QColor deltaColor(const QModelIndex &index, const QPalette &palette)
{
    switch (MetricVerdict(index.data(RunComparisonModel::VerdictRole).toInt())) {
    case MetricVerdict::Better:
        return statusColor(StatusTone::Ok, palette);
    case MetricVerdict::Worse:
        return statusColor(StatusTone::Failed, palette);
    case MetricVerdict::Same:
    case MetricVerdict::Unknown:
        break;
    }
    return mutedTextColor(palette);
}

} // namespace

void RunComparisonDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    if (!index.data(RunComparisonModel::TwoLineRole).toBool()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QString delta = index.data(RunComparisonModel::DeltaTextRole).toString();
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString value = valuePart(opt.text, delta);
    opt.text.clear();
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const QRect area =
        style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget).adjusted(2, 2, -2, -2);
    const bool selected = opt.state & QStyle::State_Selected;
    const QColor normal = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const int line = opt.fontMetrics.height();
    const QRect top(area.left(), area.top(), area.width(), line);
    const QRect bottom(area.left(), area.bottom() - line + 1, area.width(), line);

    painter->save();
    painter->setClipRect(opt.rect);
    painter->setFont(opt.font);
    painter->setPen(normal);
    painter->drawText(top, Qt::AlignRight | Qt::AlignVCenter,
                      opt.fontMetrics.elidedText(value, Qt::ElideLeft, top.width()));
    QFont deltaFont = opt.font;
    deltaFont.setBold(false);
    painter->setFont(deltaFont);
    painter->setPen(selected ? normal : deltaColor(index, opt.palette));
    painter->drawText(bottom, Qt::AlignRight | Qt::AlignVCenter,
                      QFontMetrics(deltaFont).elidedText(delta, Qt::ElideLeft, bottom.width()));
    painter->restore();
}

QSize RunComparisonDelegate::sizeHint(const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const
{
    if (!index.data(RunComparisonModel::TwoLineRole).toBool())
        return QStyledItemDelegate::sizeHint(option, index);
    const QString delta = index.data(RunComparisonModel::DeltaTextRole).toString();
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int width = std::max(opt.fontMetrics.horizontalAdvance(valuePart(opt.text, delta)),
                               opt.fontMetrics.horizontalAdvance(delta));
    return {width + 16, twoLineHeight(opt.fontMetrics)};
}

} // namespace assay::ui
