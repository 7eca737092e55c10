#include "common/icons.h"

#include "common/theme.h"

#include <QGuiApplication>
#include <QImageReader>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace assay::ui {

namespace {

bool svgSupported()
{
    static const bool supported = QImageReader::supportedImageFormats().contains("svg");
    return supported;
}

// Both drawings use a 64×64 design grid, matching the SVG files.
void paintAppIcon(QPainter &p)
{
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x1f, 0x6f, 0xb2));
    p.drawRoundedRect(QRectF(2, 2, 60, 60), 13, 13);
    p.setBrush(Qt::white);
    p.drawRoundedRect(QRectF(14, 34, 8, 16), 2, 2);
    p.drawRoundedRect(QRectF(28, 24, 8, 26), 2, 2);
    p.setBrush(QColor(255, 255, 255, 217));
    p.drawRoundedRect(QRectF(42, 14, 8, 36), 2, 2);
    p.setBrush(QColor(255, 255, 255, 178));
    p.drawRoundedRect(QRectF(11, 52, 42, 3), 1.5, 1.5);
    QPainterPath trend;
    trend.moveTo(12, 22);
    trend.lineTo(26, 15);
    trend.lineTo(38, 19);
    trend.lineTo(52, 9);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(QColor(0x9f, 0xd3, 0xff), 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawPath(trend);
}

void paintDataIcon(QPainter &p, const QColor &ink)
{
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(ink, 4));
    p.drawRoundedRect(QRectF(8, 12, 48, 40), 5, 5);
    p.setPen(Qt::NoPen);
    p.setBrush(ink);
    p.drawRoundedRect(QRectF(8, 12, 48, 12), 5, 5);
    p.drawRect(QRectF(8, 18, 48, 6));
    p.setPen(QPen(ink, 3));
    p.drawLine(QPointF(8, 38), QPointF(56, 38));
    p.drawLine(QPointF(26, 24), QPointF(26, 52));
    p.drawLine(QPointF(41, 24), QPointF(41, 52));
}

QIcon paintedIcon(const QString &name)
{
    QIcon icon;
    const QColor ink = mutedTextColor(QGuiApplication::palette()).darker(130);
    for (const int size : {16, 24, 32, 48, 64, 128, 256}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(size / 64.0, size / 64.0);
        if (name == u"assay")
            paintAppIcon(painter);
        else
            paintDataIcon(painter, ink);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace

QIcon workbenchIcon(const QString &name)
{
    if (svgSupported())
        return QIcon(QStringLiteral(":/icons/%1.svg").arg(name));
    return paintedIcon(name);
}

} // namespace assay::ui
