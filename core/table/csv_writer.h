#pragma once

#include "common/result.h"
#include "table/table.h"

#include <filesystem>
#include <string>

namespace assay::table {

// Writes a header row and the values as CSV (',' delimiter, LF line ends). Fields are
// quoted when they hold the delimiter, a quote, a line break or surrounding spaces;
// missing values are empty fields; floats keep a '.' or exponent so they read back as
// floats; datetimes are ISO 8601. Written to a temporary file that is renamed into place.
Status writeCsv(const Table &table, const std::filesystem::path &path);

// The same CSV text in memory.
std::string toCsv(const Table &table);

} // namespace assay::table
