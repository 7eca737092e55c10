#pragma once

#include <cstddef>
#include <cstdint>

namespace assay::explain {

// One element of the feature path TreeSHAP keeps while it descends a tree.
struct PathElement {
    std::int32_t feature = -1;
    double zeroFraction = 0; // the share of cover that follows the path when the feature is unknown
    double oneFraction = 0;  // 1 when the row's value follows the path, else 0
    double weight = 0;       // the permutation weight of the subsets of this path's size
};

// The path operations of Lundberg et al. (2018), Algorithm 2. `length` counts the elements;
// element 0 is the root's placeholder (feature -1, both fractions 1), a null player.

// Adds a feature as element `length` (EXTEND): the weights of the subset sizes are updated for
// the subsets that include it (oneFraction) and those that do not (zeroFraction).
void extendPath(PathElement *path, std::size_t length, double zeroFraction, double oneFraction,
                std::int32_t feature);

// Removes element `index` from a path of `length` elements (UNWIND), undoing its extend.
void unwindPath(PathElement *path, std::size_t length, std::size_t index);

// The total weight the path would have without element `index`, without changing it. With
// both fractions of that element 0 the result is undefined: callers skip such elements (their
// contribution is 0).
double unwoundPathSum(const PathElement *path, std::size_t length, std::size_t index);

} // namespace assay::explain
