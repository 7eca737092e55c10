#pragma once

#include <QStyledItemDelegate>

namespace assay::ui {

// The pin / hide toggles of a run row: a pin on the left half of the cell, an eye on the
// right; drawn strong when set, faint otherwise. A click on either half toggles it.
class RunMarksDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static constexpr int preferredWidth = 46;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

signals:
    void pinToggled(const QString &runId);
    void hideToggled(const QString &runId);
};

} // namespace assay::ui
