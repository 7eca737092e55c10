#pragma once

#include <QString>

#include <cstdint>

namespace assay::ui {

// Compact display of a floating-point value: 4 significant digits by default, but never
// fewer digits than the integer part has (52341.7 shows as "52342", not "5.234e+04");
// exponent notation only for very large or very small magnitudes.
QString formatNumber(double value, int significantDigits = 4);

// The shortest text that reads back as exactly `value` (for tooltips and copying).
QString formatNumberFull(double value);

// "24,000": thousands separated with a comma, independent of the user's locale so
// screenshots and tests read the same everywhere.
QString formatCount(std::uint64_t count);

// "3.1 MB", "812 kB", "17 B" (SI units, as file managers show them).
QString formatBytes(std::uint64_t bytes);

// "just now", "5 min ago", "3 h ago", "2 days ago", "4 months ago": how long before
// `nowSeconds` the moment `seconds` was (both since the epoch); "in the future" otherwise.
QString formatRelativeTime(std::int64_t seconds, std::int64_t nowSeconds);

} // namespace assay::ui
