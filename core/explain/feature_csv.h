#pragma once

#include "model/feature_matrix.h"

#include <cstddef>
#include <string>

namespace assay::explain {

// Rows [begin, end) of `x` as CSV for an external program: a header line with the feature
// names, then one line per row; numbers in the shortest form that reads back exactly, a
// categorical feature as its category label, a missing value (or an unknown code) as an empty
// field. Fields holding a comma, a quote or a line break are quoted (RFC 4180).
std::string featureRowsCsv(const model::FeatureMatrix &x, std::size_t begin, std::size_t end);

} // namespace assay::explain
