#include "monitor/log_parser.h"

#include "table/datetime_parse.h"
#include "table/number_parse.h"

#include <cmath>

namespace assay::monitor {

namespace {

// Epoch numbers are told apart by magnitude: 1e11 seconds is the year 5138, 1e11 ms is 1973.
std::optional<std::int64_t> epochToNs(double value)
{
    const double magnitude = std::fabs(value);
    double ns = 0;
    if (magnitude < 1e11)
        ns = value * 1e9;
    else if (magnitude < 1e14)
        ns = value * 1e6;
    else if (magnitude < 1e17)
        ns = value * 1e3;
    else
        ns = value;
    if (!std::isfinite(ns) || std::fabs(ns) >= 9.2e18)
        return std::nullopt;
    return static_cast<std::int64_t>(std::llround(ns));
}

std::optional<std::int64_t> epochIntegerToNs(std::int64_t value)
{
    const std::int64_t magnitude = value < 0 ? -value : value;
    constexpr std::int64_t kLimit = 9'200'000'000;
    if (magnitude < 100'000'000'000LL)
        return magnitude < kLimit ? std::optional(value * 1'000'000'000LL) : std::nullopt;
    if (magnitude < 100'000'000'000'000LL)
        return value * 1'000'000LL;
    if (magnitude < 100'000'000'000'000'000LL)
        return value * 1'000LL;
    return value;
}

// "+0200" and "+02" offsets, a lower-case "t"/"z" and a trailing " UTC" are rewritten into the
// form table::parseIsoDatetime reads.
std::optional<std::int64_t> parseLooseIso(std::string_view text)
{
    if (auto parsed = table::parseIsoDatetime(text))
        return parsed;
    if (text.size() < 11 || text.size() > 64)
        return std::nullopt;
    std::string fixed(text);
    if (fixed.size() > 4 && fixed.compare(fixed.size() - 4, 4, " UTC") == 0)
        fixed.replace(fixed.size() - 4, 4, "Z");
    if (fixed[10] == 't')
        fixed[10] = 'T';
    if (fixed.back() == 'z')
        fixed.back() = 'Z';
    // Find a zone sign after the time of day (past "yyyy-mm-ddThh:mm").
    const std::size_t sign = fixed.find_first_of("+-", 16);
    if (sign != std::string::npos) {
        const std::string zone = fixed.substr(sign + 1);
        if (zone.size() == 4 && zone.find(':') == std::string::npos)
            fixed = fixed.substr(0, sign + 1) + zone.substr(0, 2) + ":" + zone.substr(2);
        else if (zone.size() == 2)
            fixed += ":00";
    }
    return table::parseIsoDatetime(fixed);
}

} // namespace

std::optional<std::int64_t> parseLogTimestamp(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    if (text.empty())
        return std::nullopt;
    if (text.size() >= 10 && text[4] == '-')
        return parseLooseIso(text);
    std::int64_t integer = 0;
    if (table::parseInt64(text, integer) == table::IntParse::Ok)
        return epochIntegerToNs(integer);
    double number = 0;
    if (table::parseDouble(text, number) && std::isfinite(number))
        return epochToNs(number);
    return std::nullopt;
}

} // namespace assay::monitor
