#pragma once

#include "arguments.h"
#include "table/reader.h"

#include <vector>

namespace assay::cli {

// The options every command that reads a table accepts: --format, --delimiter, --header,
// --lenient.
std::vector<OptionSpec> readOptionSpecs();
Result<table::ReadOptions> readOptionsFrom(const Arguments &arguments);
std::string formatName(table::FileFormat format);

} // namespace assay::cli
