#include "common/theme.h"

#include <QApplication>
#include <QPainter>
#include <QPixmap>
#include <QStyleFactory>

namespace assay::ui {

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor accentColor(const QPalette &palette)
{
    return isDarkPalette(palette) ? QColor(0x4d, 0x9d, 0xe0) : QColor(0x1f, 0x6f, 0xb2);
}

QColor statusColor(StatusTone tone, const QPalette &palette)
{
    const bool dark = isDarkPalette(palette);
    switch (tone) {
    case StatusTone::Ok:
        return dark ? QColor(0x5c, 0xc2, 0x6e) : QColor(0x1e, 0x84, 0x3a);
    case StatusTone::Failed:
        return dark ? QColor(0xf0, 0x6a, 0x5f) : QColor(0xc0, 0x2b, 0x2b);
    case StatusTone::Warning:
        return dark ? QColor(0xf2, 0xb4, 0x3c) : QColor(0xa8, 0x62, 0x00);
    case StatusTone::Unknown:
        break;
    }
    return mutedTextColor(palette);
}

QColor statusTint(StatusTone tone, const QPalette &palette)
{
    QColor tint = statusColor(tone, palette);
    tint.setAlpha(isDarkPalette(palette) ? 70 : 48);
    return tint;
}

QColor mutedTextColor(const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    const auto mix = [](int fore, int back) { return (fore * 9 + back * 7) / 16; };
    return QColor(mix(text.red(), base.red()), mix(text.green(), base.green()),
                  mix(text.blue(), base.blue()));
}

void applyWorkbenchStyle(QApplication &app)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));

    QPalette palette = app.palette();
    const QColor accent = accentColor(palette);
    for (const auto group : {QPalette::Active, QPalette::Inactive}) {
        palette.setColor(group, QPalette::Highlight, accent);
        palette.setColor(group, QPalette::HighlightedText, Qt::white);
        palette.setColor(group, QPalette::Link, accent);
    }
    app.setPalette(palette);
}

QIcon statusDot(StatusTone tone, const QPalette &palette)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(statusColor(tone, palette));
    painter.drawEllipse(QRectF(2, 2, 8, 8));
    return QIcon(pixmap);
}

} // namespace assay::ui
