#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace assay::table {

// Parses the ISO 8601 forms the readers accept: `2024-01-15`, `2024-01-15T10:30:00`,
// `2024-01-15 10:30` (seconds optional), fractional seconds up to nanoseconds, and an
// optional `Z` or `±hh:mm` offset. Returns nanoseconds since the Unix epoch in UTC, or
// nullopt when the text is not such a datetime or falls outside the int64 range.
std::optional<std::int64_t> parseIsoDatetime(std::string_view text);

// `2024-01-15` when the time of day is midnight, otherwise `2024-01-15T10:30:00` with the
// fraction of a second (trailing zeros removed) when there is one. Always UTC.
std::string formatIsoDatetime(std::int64_t nanosecondsSinceEpoch);

} // namespace assay::table
