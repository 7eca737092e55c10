#include "common/format.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace assay::ui {

QString formatNumber(double value, int significantDigits)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    if (value == 0.0)
        return QStringLiteral("0");

    const double magnitude = std::abs(value);
    if (magnitude >= 1e15 || magnitude < 1e-4)
        return QString::number(value, 'g', significantDigits);

    const int integerDigits = static_cast<int>(std::floor(std::log10(magnitude))) + 1;
    const int decimals = std::max(0, significantDigits - integerDigits);
    QString text = QString::number(value, 'f', decimals);
    if (decimals > 0) {
        // Trailing zeros add noise without information: 0.5000 -> 0.5.
        qsizetype end = text.size();
        while (end > 0 && text.at(end - 1) == u'0')
            --end;
        if (end > 0 && text.at(end - 1) == u'.')
            --end;
        text.truncate(end);
    }
    if (text == u"-0")
        return QStringLiteral("0");
    return text;
}

QString formatNumberFull(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString formatCount(std::uint64_t count)
{
    QString digits = QString::number(count);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, u',');
    return digits;
}

QString formatBytes(std::uint64_t bytes)
{
    if (bytes < 1000)
        return QStringLiteral("%1 B").arg(bytes);
    static constexpr const char16_t *units[] = {u"kB", u"MB", u"GB", u"TB", u"PB"};
    double value = static_cast<double>(bytes);
    int unit = -1;
    while (value >= 1000.0 && unit < 4) {
        value /= 1000.0;
        ++unit;
    }
    const int decimals = value < 10.0 ? 1 : 0;
    return QStringLiteral("%1 %2").arg(QString::number(value, 'f', decimals),
                                       QString::fromUtf16(units[unit]));
}

QString formatRelativeTime(std::int64_t seconds, std::int64_t nowSeconds)
{
    const std::int64_t ago = nowSeconds - seconds;
    if (ago < -60)
        return QStringLiteral("in the future");
    if (ago < 60)
        return QStringLiteral("just now");
    constexpr std::int64_t minute = 60, hour = 60 * minute, day = 24 * hour;
    const auto plural = [](std::int64_t count, const char16_t *one, const char16_t *many) {
        return QStringLiteral("%1 %2 ago")
            .arg(count)
            .arg(QString::fromUtf16(count == 1 ? one : many));
    };
    if (ago < hour)
        return QStringLiteral("%1 min ago").arg(ago / minute);
    if (ago < day)
        return QStringLiteral("%1 h ago").arg(ago / hour);
    if (ago < 60 * day)
        return plural(ago / day, u"day", u"days");
    if (ago < 365 * day)
        return plural(ago / (30 * day), u"month", u"months");
    return plural(ago / (365 * day), u"year", u"years");
}

} // namespace assay::ui
