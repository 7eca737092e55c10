#pragma once

#include <cstddef>
#include <string_view>

namespace assay::table {

// Offset just past the last newline of `bytes` that ends a CSV row, i.e. a newline outside
// quoted fields; 0 when there is none. `bytes` must start at a row start. Uses the same
// quote rules as CsvTokenizer: a quote opens a quoted field only at the start of a field.
// A quote as the very last byte is treated as still open (it may be half of a doubled
// quote whose second half is in the next block).
std::size_t findLastCsvRowBoundary(std::string_view bytes, char delimiter);

// Offset just past the last newline (JSON Lines rows never contain a raw newline).
std::size_t findLastLineBoundary(std::string_view bytes);

} // namespace assay::table
