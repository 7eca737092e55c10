#pragma once

#include "drift/category_counts.h"

namespace assay::drift {

// TFDV's L-infinity distance: max over categories of |reference share - current share|;
// the detail names the category (the first in label order on ties).
CategoryTestResult linfDistance(const CategoryCounts &counts);

} // namespace assay::drift
