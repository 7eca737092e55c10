#pragma once

#include "common/distribution_chart.h"

#include <QStyledItemDelegate>

#include <functional>

namespace assay::ui {

// Paints a small bar chart of a distribution in a table cell: the first series in grey,
// the second overlaid in the accent colour, each as shares of its own total.
class DistributionDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using Lookup = std::function<const DistributionData *(const QModelIndex &index)>;

    DistributionDelegate(Lookup lookup, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    Lookup m_lookup;
};

} // namespace assay::ui
