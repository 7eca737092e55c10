#include "runs/run_swatch.h"

#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace assay::ui {

QIcon runSwatch(const QColor &color)
{
    static QHash<QRgb, QIcon> cache;
    const auto found = cache.constFind(color.rgb());
    if (found != cache.cend())
        return *found;
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(1, 1, 10, 10), 2, 2);
    painter.end();
    return *cache.insert(color.rgb(), QIcon(pixmap));
}

} // namespace assay::ui
