#include "monitor/window_spec.h"

#include <charconv>

namespace assay::monitor {

namespace {

constexpr std::int64_t kHourNs = 3'600'000'000'000;
constexpr std::int64_t kDayNs = 24 * kHourNs;
constexpr std::int64_t kWeekNs = 7 * kDayNs;
// 1970-01-01 was a Thursday; Monday 1970-01-05 starts the first whole week.
constexpr std::int64_t kFirstMondayNs = 4 * kDayNs;

std::int64_t floorTo(std::int64_t ns, std::int64_t origin, std::int64_t length)
{
    std::int64_t offset = ns - origin;
    std::int64_t periods = offset / length;
    if (offset % length != 0 && offset < 0)
        --periods;
    return origin + periods * length;
}

std::int64_t lengthOf(WindowSpec::Kind kind)
{
    switch (kind) {
    case WindowSpec::Kind::Hour:
        return kHourNs;
    case WindowSpec::Kind::Week:
        return kWeekNs;
    default:
        return kDayNs;
    }
}

Result<std::uint64_t> countAfter(std::string_view text, std::string_view prefix)
{
    const std::string_view digits = text.substr(prefix.size());
    std::uint64_t count = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
    if (error != std::errc() || end != digits.data() + digits.size() || count == 0)
        return Error::invalidInput("'" + std::string(text) + "': expected a positive whole number after '" +
                                   std::string(prefix) + "'");
    return count;
}

} // namespace

Result<WindowSpec> parseWindowSpec(std::string_view text)
{
    if (text == "hour")
        return WindowSpec{.kind = WindowSpec::Kind::Hour};
    if (text == "day")
        return WindowSpec{.kind = WindowSpec::Kind::Day};
    if (text == "week")
        return WindowSpec{.kind = WindowSpec::Kind::Week};
    for (const auto &[prefix, kind] : {std::pair{std::string_view("rows:"), WindowSpec::Kind::Rows},
                                       std::pair{std::string_view("chunks:"), WindowSpec::Kind::Chunks}}) {
        if (text.starts_with(prefix)) {
            auto count = countAfter(text, prefix);
            if (!count)
                return count.error();
            return WindowSpec{.kind = kind, .count = *count};
        }
    }
    return Error::invalidInput("unknown window '" + std::string(text) +
                               "' (hour, day, week, rows:N or chunks:N)");
}

std::string windowSpecText(const WindowSpec &spec)
{
    switch (spec.kind) {
    case WindowSpec::Kind::Hour:
        return "hour";
    case WindowSpec::Kind::Day:
        return "day";
    case WindowSpec::Kind::Week:
        return "week";
    case WindowSpec::Kind::Rows:
        return "rows:" + std::to_string(spec.count);
    case WindowSpec::Kind::Chunks:
        return "chunks:" + std::to_string(spec.count);
    }
    return "day";
}

std::int64_t periodStart(WindowSpec::Kind kind, std::int64_t ns)
{
    return floorTo(ns, kind == WindowSpec::Kind::Week ? kFirstMondayNs : 0, lengthOf(kind));
}

std::int64_t nextPeriodStart(WindowSpec::Kind kind, std::int64_t start)
{
    return start + lengthOf(kind);
}

} // namespace assay::monitor
