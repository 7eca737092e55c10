#include "table/datetime_parse.h"

#include <cstdio>
#include <limits>

namespace assay::table {

namespace {

constexpr std::int64_t kNanosPerSecond = 1'000'000'000;
constexpr std::int64_t kSecondsPerDay = 86'400;

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t daysFromCivil(std::int64_t year, unsigned month, unsigned day)
{
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto yearOfEra = static_cast<unsigned>(year - era * 400);
    const unsigned dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + static_cast<std::int64_t>(dayOfEra) - 719468;
}

void civilFromDays(std::int64_t days, std::int64_t &year, unsigned &month, unsigned &day)
{
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto dayOfEra = static_cast<unsigned>(days - era * 146097);
    const unsigned yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const unsigned dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const unsigned monthIndex = (5 * dayOfYear + 2) / 153;
    day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
    month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
    year = static_cast<std::int64_t>(yearOfEra) + era * 400 + (month <= 2 ? 1 : 0);
}

bool isLeapYear(std::int64_t year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned daysInMonth(std::int64_t year, unsigned month)
{
    static constexpr unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

// Reads exactly `count` digits at `pos`; advances `pos` on success.
bool readDigits(std::string_view text, std::size_t &pos, int count, unsigned &value)
{
    if (pos + static_cast<std::size_t>(count) > text.size())
        return false;
    unsigned result = 0;
    for (int i = 0; i < count; ++i) {
        const char c = text[pos + static_cast<std::size_t>(i)];
        if (c < '0' || c > '9')
            return false;
        result = result * 10 + static_cast<unsigned>(c - '0');
    }
    pos += static_cast<std::size_t>(count);
    value = result;
    return true;
}

bool expect(std::string_view text, std::size_t &pos, char c)
{
    if (pos >= text.size() || text[pos] != c)
        return false;
    ++pos;
    return true;
}

} // namespace

std::optional<std::int64_t> parseIsoDatetime(std::string_view text)
{
    // Cheap rejection first: every accepted form starts with "dddd-dd-dd".
    if (text.size() < 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    std::size_t pos = 0;
    unsigned year = 0, month = 0, day = 0;
    if (!readDigits(text, pos, 4, year) || !expect(text, pos, '-')
        || !readDigits(text, pos, 2, month) || !expect(text, pos, '-')
        || !readDigits(text, pos, 2, day))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
        return std::nullopt;

    unsigned hour = 0, minute = 0, second = 0;
    std::int64_t fractionNanos = 0;
    std::int64_t offsetSeconds = 0;
    if (pos < text.size()) {
        if (text[pos] != 'T' && text[pos] != ' ')
            return std::nullopt;
        ++pos;
        if (!readDigits(text, pos, 2, hour) || !expect(text, pos, ':')
            || !readDigits(text, pos, 2, minute))
            return std::nullopt;
        if (pos < text.size() && text[pos] == ':') {
            ++pos;
            if (!readDigits(text, pos, 2, second))
                return std::nullopt;
            if (pos < text.size() && text[pos] == '.') {
                ++pos;
                int digits = 0;
                while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
                    if (digits < 9) {
                        fractionNanos = fractionNanos * 10 + (text[pos] - '0');
                        ++digits;
                    }
                    ++pos;
                }
                if (digits == 0)
                    return std::nullopt;
                for (; digits < 9; ++digits)
                    fractionNanos *= 10;
            }
        }
        if (hour > 23 || minute > 59 || second > 59)
            return std::nullopt;
        if (pos < text.size()) {
            const char sign = text[pos];
            if (sign == 'Z') {
                ++pos;
            } else if (sign == '+' || sign == '-') {
                ++pos;
                unsigned offsetHours = 0, offsetMinutes = 0;
                if (!readDigits(text, pos, 2, offsetHours) || !expect(text, pos, ':')
                    || !readDigits(text, pos, 2, offsetMinutes) || offsetHours > 23
                    || offsetMinutes > 59)
                    return std::nullopt;
                offsetSeconds = static_cast<std::int64_t>(offsetHours * 3600 + offsetMinutes * 60);
                if (sign == '-')
                    offsetSeconds = -offsetSeconds;
            } else {
                return std::nullopt;
            }
        }
        if (pos != text.size())
            return std::nullopt;
    }

    const std::int64_t seconds = daysFromCivil(year, month, day) * kSecondsPerDay
                                 + hour * 3600 + minute * 60 + second - offsetSeconds;
    // int64 nanoseconds cover roughly 1677-09-21 .. 2262-04-11.
    constexpr std::int64_t kMaxSeconds = std::numeric_limits<std::int64_t>::max() / kNanosPerSecond - 1;
    if (seconds > kMaxSeconds || seconds < -kMaxSeconds)
        return std::nullopt;
    return seconds * kNanosPerSecond + fractionNanos;
}

std::string formatIsoDatetime(std::int64_t nanosecondsSinceEpoch)
{
    std::int64_t seconds = nanosecondsSinceEpoch / kNanosPerSecond;
    std::int64_t nanos = nanosecondsSinceEpoch % kNanosPerSecond;
    if (nanos < 0) {
        nanos += kNanosPerSecond;
        --seconds;
    }
    std::int64_t days = seconds / kSecondsPerDay;
    std::int64_t secondOfDay = seconds % kSecondsPerDay;
    if (secondOfDay < 0) {
        secondOfDay += kSecondsPerDay;
        --days;
    }
    std::int64_t year = 0;
    unsigned month = 0, day = 0;
    civilFromDays(days, year, month, day);

    char buffer[48];
    int length = std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02u",
                               static_cast<long long>(year), month, day);
    if (secondOfDay != 0 || nanos != 0) {
        length += std::snprintf(buffer + length, sizeof buffer - static_cast<std::size_t>(length),
                                "T%02lld:%02lld:%02lld",
                                static_cast<long long>(secondOfDay / 3600),
                                static_cast<long long>(secondOfDay / 60 % 60),
                                static_cast<long long>(secondOfDay % 60));
        if (nanos != 0) {
            char fraction[16];
            std::snprintf(fraction, sizeof fraction, ".%09lld", static_cast<long long>(nanos));
            int end = 10;
            while (end > 1 && fraction[end - 1] == '0')
                --end;
            fraction[end] = '\0';
            length += std::snprintf(buffer + length,
                                    sizeof buffer - static_cast<std::size_t>(length), "%s",
                                    fraction);
        }
    }
    return std::string(buffer, static_cast<std::size_t>(length));
}

} // namespace assay::table
