#include "common/distribution_delegate.h"

#include "common/theme.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>
#include <numeric>

namespace assay::ui {

DistributionDelegate::DistributionDelegate(Lookup lookup, QObject *parent)
    : QStyledItemDelegate(parent), m_lookup(std::move(lookup))
{
}

QSize DistributionDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    return {std::max(size.width(), 120), size.height()};
}

void DistributionDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &background, painter);

    const DistributionData *data = m_lookup(index);
    if (!data || data->series.empty())
        return;
    const std::size_t bins = data->series.front().counts.size();
    if (bins == 0)
        return;
    const QRectF area = QRectF(option.rect).adjusted(4, 3, -4, -3);
    std::vector<std::vector<double>> shares;
    double highest = 0;
    for (const auto &series : data->series) {
        const double total = std::accumulate(series.counts.begin(), series.counts.end(), 0.0);
        std::vector<double> s(series.counts.size(), 0.0);
        for (std::size_t i = 0; i < s.size() && total > 0; ++i) {
            s[i] = series.counts[i] / total;
            highest = std::max(highest, s[i]);
        }
        shares.push_back(std::move(s));
    }
    if (highest <= 0)
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    const double slot = area.width() / double(bins);
    for (std::size_t s = 0; s < shares.size(); ++s) {
        QColor color = s == 0 ? mutedTextColor(option.palette) : accentColor(option.palette);
        color.setAlpha(s == 0 ? 150 : 200);
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        for (std::size_t b = 0; b < shares[s].size() && b < bins; ++b) {
            const double h = area.height() * shares[s][b] / highest;
            if (h <= 0)
                continue;
            // Two series side by side inside each slot, so neither hides the other.
            const double width = shares.size() > 1 ? slot / 2.0 : slot;
            const double x = area.left() + slot * double(b) + (shares.size() > 1 ? width * double(s) : 0.0);
            painter->drawRect(QRectF(x + 0.5, area.bottom() - h, std::max(1.0, width - 1.0), h));
        }
    }
    painter->restore();
}

} // namespace assay::ui
