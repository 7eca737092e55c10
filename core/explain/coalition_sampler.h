#pragma once

#include "common/random.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace assay::explain {

// Coalitions of `players` features for KernelSHAP, each a 0/1 mask with its Shapley-kernel
// weight; the empty and the full coalition are left out (the efficiency constraint and the
// bias stand for them).
struct CoalitionSet {
    std::size_t players = 0;
    std::vector<std::uint8_t> masks; // count() × players
    std::vector<double> weights;

    std::size_t count() const { return weights.size(); }
    std::span<const std::uint8_t> mask(std::size_t index) const
    {
        return {masks.data() + index * players, players};
    }
};

// Up to `budget` coalitions, chosen as the reference KernelExplainer does: coalition sizes s
// and players − s are enumerated completely, from the smallest, while the budget covers their
// share of the kernel weight; the remaining sizes are sampled under the kernel, each sample
// with its complement, repeats adding weight. A budget of at least 2^players − 2 enumerates
// every coalition, which makes the fit the exact Shapley values.
CoalitionSet sampleCoalitions(std::size_t players, std::size_t budget, Random &random);

} // namespace assay::explain
