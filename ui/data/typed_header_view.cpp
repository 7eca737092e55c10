#include "data/typed_header_view.h"

#include "common/theme.h"

#include <QPainter>
#include <QStyleOptionHeader>

namespace assay::ui {

namespace {
constexpr int horizontalPadding = 6;
constexpr int verticalPadding = 4;
} // namespace

TypedHeaderView::TypedHeaderView(QWidget *parent) : QHeaderView(Qt::Horizontal, parent)
{
    setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

QFont TypedHeaderView::typeFont() const
{
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    return small;
}

QSize TypedHeaderView::sectionSizeFromContents(int logicalIndex) const
{
    const QStringList lines =
        model() ? model()->headerData(logicalIndex, orientation()).toString().split(u'\n')
                : QStringList();
    const QFontMetrics nameMetrics(font());
    const QFontMetrics typeMetrics(typeFont());
    const int width = std::max(nameMetrics.horizontalAdvance(lines.value(0)),
                               typeMetrics.horizontalAdvance(lines.value(1)));
    return {width + 2 * horizontalPadding,
            nameMetrics.height() + typeMetrics.height() + 2 * verticalPadding};
}

void TypedHeaderView::paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const
{
    if (!rect.isValid() || !model())
        return;
    QStyleOptionHeader option;
    initStyleOption(&option);
    option.rect = rect;
    option.section = logicalIndex;
    option.text.clear();
    option.state |= QStyle::State_Enabled | QStyle::State_Raised;
    if (isSortIndicatorShown() && sortIndicatorSection() == logicalIndex)
        option.sortIndicator = sortIndicatorOrder() == Qt::AscendingOrder
                                   ? QStyleOptionHeader::SortDown
                                   : QStyleOptionHeader::SortUp;
    // The style leaves its own clip behind; keep it away from the text.
    painter->save();
    style()->drawControl(QStyle::CE_Header, &option, painter, this);
    painter->restore();

    const QStringList lines =
        model()->headerData(logicalIndex, orientation()).toString().split(u'\n');
    const QVariant alignmentValue =
        model()->headerData(logicalIndex, orientation(), Qt::TextAlignmentRole);
    // Models return Qt::Alignment (Qt 6.4+) or a plain int (older habit).
    const auto alignment = alignmentValue.metaType() == QMetaType::fromType<Qt::Alignment>()
                               ? alignmentValue.value<Qt::Alignment>()
                               : Qt::Alignment(alignmentValue.toInt());
    const Qt::Alignment horizontal = (alignment & Qt::AlignHorizontal_Mask)
                                         ? (alignment & Qt::AlignHorizontal_Mask)
                                         : Qt::AlignLeft;
    // The style draws the sort arrow at the right edge: keep the text clear of it.
    const int arrowRoom = option.sortIndicator != QStyleOptionHeader::None
                              ? style()->pixelMetric(QStyle::PM_HeaderMarkSize, &option, this) +
                                    horizontalPadding
                              : 0;
    const QRect text = rect.adjusted(horizontalPadding, verticalPadding,
                                     -horizontalPadding - arrowRoom, -verticalPadding);
    const QFontMetrics nameMetrics(font());
    const QRect nameRect(text.left(), text.top(), text.width(), nameMetrics.height());
    const QRect typeRect(text.left(), nameRect.bottom() + 1, text.width(),
                         text.bottom() - nameRect.bottom());

    painter->save();
    painter->setFont(font());
    painter->setPen(palette().color(QPalette::ButtonText));
    painter->drawText(nameRect, int(horizontal | Qt::AlignVCenter),
                      nameMetrics.elidedText(lines.value(0), Qt::ElideRight, nameRect.width()));
    if (lines.size() > 1) {
        const QFont small = typeFont();
        painter->setFont(small);
        painter->setPen(mutedTextColor(palette()));
        painter->drawText(
            typeRect, int(horizontal | Qt::AlignTop),
            QFontMetrics(small).elidedText(lines.value(1), Qt::ElideRight, typeRect.width()));
    }
    painter->restore();
}

} // namespace assay::ui
