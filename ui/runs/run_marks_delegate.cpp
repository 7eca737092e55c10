#include "runs/run_marks_delegate.h"

#include "common/theme.h"
#include "runs/runs_table_model.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace assay::ui {

namespace {

QRectF leftHalf(const QRect &cell)
{
    return QRectF(cell.left(), cell.top(), cell.width() / 2.0, cell.height());
}

QRectF rightHalf(const QRect &cell)
{
    return QRectF(cell.left() + cell.width() / 2.0, cell.top(), cell.width() / 2.0, cell.height());
}

// A thumbtack: round head, short needle, leaning right.
void drawPin(QPainter &painter, const QRectF &area, const QColor &colour, bool filled)
{
    const QPointF centre = area.center();
    const QPointF head(centre.x() + 2, centre.y() - 2.5);
    painter.setPen(QPen(colour, 1.4, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(QPointF(head.x() - 2, head.y() + 2), QPointF(centre.x() - 4, centre.y() + 5));
    painter.setBrush(filled ? QBrush(colour) : Qt::NoBrush);
    painter.drawEllipse(head, 3.2, 3.2);
}

// An eye; crossed out when the run is hidden.
void drawEye(QPainter &painter, const QRectF &area, const QColor &colour, bool crossed)
{
    const QPointF centre = area.center();
    QPainterPath outline;
    outline.moveTo(centre.x() - 6, centre.y());
    outline.quadTo(centre.x(), centre.y() - 6, centre.x() + 6, centre.y());
    outline.quadTo(centre.x(), centre.y() + 6, centre.x() - 6, centre.y());
    painter.setPen(QPen(colour, 1.2));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(outline);
    painter.setBrush(colour);
    painter.drawEllipse(centre, 1.8, 1.8);
    if (crossed) {
        painter.setPen(QPen(colour, 1.5, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(QPointF(centre.x() - 6, centre.y() + 5),
                         QPointF(centre.x() + 6, centre.y() - 5));
    }
}

} // namespace

void RunMarksDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    background.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
    if (index.data(RunsTableModel::RunIdRole).toString().isEmpty())
        return; // group rows have nothing to pin

    const bool pinned = index.data(RunsTableModel::PinnedRole).toBool();
    const bool hidden = index.data(RunsTableModel::HiddenRole).toBool();
    const QPalette &palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QColor strong =
        selected ? palette.color(QPalette::HighlightedText) : accentColor(palette);
    QColor faint = selected ? palette.color(QPalette::HighlightedText) : mutedTextColor(palette);
    faint.setAlphaF(0.45f);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    drawPin(*painter, leftHalf(option.rect), pinned ? strong : faint, pinned);
    drawEye(*painter, rightHalf(option.rect),
            hidden ? (selected ? strong : statusColor(StatusTone::Warning, palette)) : faint,
            hidden);
    painter->restore();
}

QSize RunMarksDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(preferredWidth);
    return size;
}

bool RunMarksDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                   const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::MouseButtonRelease)
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    const auto *mouse = static_cast<QMouseEvent *>(event);
    const QString runId = index.data(RunsTableModel::RunIdRole).toString();
    if (mouse->button() != Qt::LeftButton || runId.isEmpty())
        return false;
    if (leftHalf(option.rect).contains(mouse->position()))
        emit pinToggled(runId);
    else if (rightHalf(option.rect).contains(mouse->position()))
        emit hideToggled(runId);
    return true;
}

} // namespace assay::ui
