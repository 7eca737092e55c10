#pragma once

#include "common/result.h"
#include "explain/predictor.h"

#include <cstddef>
#include <string_view>

namespace assay::explain {

// Reads an external program's output: one line per row, each one number or one comma-separated
// number per output, the same count on every line. Trailing blank lines are ignored. Errors
// (InvalidInput) name the output line (1-based) and the row it answers, `firstRow` being
// the row of line 1: the wrong line count, an empty line, a value that is not a finite
// number, a line with another count than line 1.
Result<Predictions> parsePredictionLines(std::string_view output, std::size_t expectedRows,
                                         std::size_t firstRow);

} // namespace assay::explain
