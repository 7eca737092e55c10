#include "drift/z_test.h"

#include "drift/normal_distribution.h"

#include <cmath>

namespace assay::drift {

CategoryTestResult twoProportionZTest(const CategoryCounts &counts)
{
    CategoryTestResult result;
    if (counts.size() < 2) {
        result.statistic = 0;
        result.pValue = 1;
        return result;
    }
    const double nRef = double(counts.referenceTotal());
    const double nCur = double(counts.currentTotal());
    const double pRef = double(counts.reference[0]) / nRef;
    const double pCur = double(counts.current[0]) / nCur;
    const double pooled = (double(counts.reference[0]) + double(counts.current[0])) / (nRef + nCur);
    const double z = (pRef - pCur) / std::sqrt(pooled * (1 - pooled) * (1 / nRef + 1 / nCur));
    result.statistic = z;
    result.pValue = twoSidedNormalP(z);
    result.detail = "share of '" + counts.labels[0] + "'";
    return result;
}

} // namespace assay::drift
