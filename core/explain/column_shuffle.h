#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace assay::explain {

// The row order that permutation importance gives column `feature` in repeat `repeat`: a
// Fisher–Yates shuffle of 0 .. rows-1 (from the last position down, each swapped with a
// uniform position at or before it) drawn from assay::Random(deriveSeed(seed, feature,
// repeat)). Shuffled row i takes the column's value from row order[i], as sklearn's
// X[:, col] = X[shuffling_idx, col].
std::vector<std::size_t> shuffledRowOrder(std::size_t rows, std::uint64_t seed, std::size_t feature,
                                          std::size_t repeat);

} // namespace assay::explain
