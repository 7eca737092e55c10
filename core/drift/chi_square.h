#pragma once

#include "drift/category_counts.h"

namespace assay::drift {

// scipy.stats.chisquare(f_obs=current, f_exp=reference * n_current / n_reference) with
// k - 1 degrees of freedom over the k categories of the union. A category absent from the
// reference makes the statistic infinite and p 0; one category only leaves p undefined (NaN).
CategoryTestResult chiSquareTest(const CategoryCounts &counts);

} // namespace assay::drift
