#pragma once

#include <cstdint>
#include <vector>

namespace assay::drift {

// Jensen-Shannon distance in bits, as scipy.spatial.distance.jensenshannon(p, q, base=2)
// on the two count vectors normalised to shares: sqrt((KL(p||m) + KL(q||m)) / 2 / ln 2)
// with m = (p + q) / 2. 0 for identical shares, 1 for disjoint ones.
double jensenShannonDistance(const std::vector<std::uint64_t> &reference,
                             const std::vector<std::uint64_t> &current);

} // namespace assay::drift
