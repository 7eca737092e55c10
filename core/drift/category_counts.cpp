#include "drift/category_counts.h"

#include <numeric>

namespace assay::drift {

std::uint64_t CategoryCounts::referenceTotal() const
{
    return std::accumulate(reference.begin(), reference.end(), std::uint64_t(0));
}

std::uint64_t CategoryCounts::currentTotal() const
{
    return std::accumulate(current.begin(), current.end(), std::uint64_t(0));
}

} // namespace assay::drift
