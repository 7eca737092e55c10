#pragma once

#include "drift/category_counts.h"

namespace assay::drift {

// Two-proportion z-test with pooled proportion for a column of at most two values:
// z = (p_ref - p_cur) / sqrt(P (1 - P) (1/n_ref + 1/n_cur)) where p is the share of the
// first category and P the pooled share; p-value 2 P(Z >= |z|). When both sides hold the
// same single value, z = 0 and p = 1.
CategoryTestResult twoProportionZTest(const CategoryCounts &counts);

} // namespace assay::drift
