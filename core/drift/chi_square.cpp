#include "drift/chi_square.h"

#include "drift/incomplete_gamma.h"

#include <limits>

namespace assay::drift {

CategoryTestResult chiSquareTest(const CategoryCounts &counts)
{
    const double scale = double(counts.currentTotal()) / double(counts.referenceTotal());
    double statistic = 0;
    std::size_t largest = 0;
    double largestTerm = -1;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const double expected = double(counts.reference[i]) * scale;
        const double observed = double(counts.current[i]);
        const double term = expected == 0 ? std::numeric_limits<double>::infinity()
                                          : (observed - expected) * (observed - expected) / expected;
        statistic += term;
        if (term > largestTerm) {
            largestTerm = term;
            largest = i;
        }
    }
    CategoryTestResult result;
    result.statistic = statistic;
    result.pValue = chiSquareSf(statistic, double(counts.size()) - 1);
    if (!counts.labels.empty())
        result.detail = counts.reference[largest] == 0
                            ? "'" + counts.labels[largest] + "' is new in current"
                            : "largest contribution: '" + counts.labels[largest] + "'";
    return result;
}

} // namespace assay::drift
