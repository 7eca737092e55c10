#pragma once

#include "common/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace assay::monitor {

// How logged rows are cut into windows: calendar periods in UTC (weeks start on Monday),
// consecutive runs of `count` rows in time order, or `count` chunks of nearly equal size.
struct WindowSpec {
    enum class Kind { Hour, Day, Week, Rows, Chunks };
    Kind kind = Kind::Day;
    std::uint64_t count = 0; // Rows and Chunks only

    bool byPeriod() const { return kind == Kind::Hour || kind == Kind::Day || kind == Kind::Week; }
};

// "hour", "day", "week", "rows:5000", "chunks:10"; InvalidInput lists the forms.
Result<WindowSpec> parseWindowSpec(std::string_view text);
std::string windowSpecText(const WindowSpec &spec);

// The start of the period holding `ns` (UTC nanoseconds) and of the next one.
std::int64_t periodStart(WindowSpec::Kind kind, std::int64_t ns);
std::int64_t nextPeriodStart(WindowSpec::Kind kind, std::int64_t start);

// Windows with fewer rows than this get a warning: too few for their drift tests.
inline constexpr std::uint64_t kMinWindowRows = 300;

} // namespace assay::monitor
