#pragma once

#include <QHeaderView>

namespace assay::ui {

// Horizontal header for data tables: the model's "name\ntype" header text drawn as the
// column name over its type in a smaller, muted font, aligned like the column's values.
class TypedHeaderView : public QHeaderView {
    Q_OBJECT
public:
    explicit TypedHeaderView(QWidget *parent = nullptr);

protected:
    void paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const override;
    QSize sectionSizeFromContents(int logicalIndex) const override;

private:
    QFont typeFont() const;
};

} // namespace assay::ui
