#include "drift/linf.h"

#include <cmath>
#include <cstdio>

namespace assay::drift {

CategoryTestResult linfDistance(const CategoryCounts &counts)
{
    const double nRef = double(counts.referenceTotal());
    const double nCur = double(counts.currentTotal());
    CategoryTestResult result;
    result.pValue = std::nan("");
    std::size_t largest = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const double gap = std::abs(double(counts.reference[i]) / nRef - double(counts.current[i]) / nCur);
        if (gap > result.statistic) {
            result.statistic = gap;
            largest = i;
        }
    }
    if (!counts.labels.empty()) {
        char shares[96];
        std::snprintf(shares, sizeof shares, " (%.4g → %.4g)", double(counts.reference[largest]) / nRef,
                      double(counts.current[largest]) / nCur);
        result.detail = "'" + counts.labels[largest] + "'" + shares;
    }
    return result;
}

} // namespace assay::drift
