#pragma once

#include <cstdint>
#include <string>

namespace assay::cli {

// Bytes in decimal units as the workbench shows them: "512 B", "3.1 MB".
std::string humanSize(std::uint64_t bytes);

// A number in at most 10 characters with 4 significant digits, but never fewer digits than
// its integer part has below 1e9 ("128066", not "1.281e+05"): "12.35", "-0.001234", "1.235e+10".
std::string compactNumber(double value);

// `text` followed by spaces up to `width` characters (UTF-8 aware), for aligned columns.
std::string padded(std::string text, std::size_t width);
// `text` cut to `width` bytes with "…" when longer, never inside a UTF-8 sequence.
std::string shortened(std::string text, std::size_t width);

} // namespace assay::cli
