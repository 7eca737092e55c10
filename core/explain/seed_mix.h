#pragma once

#include "common/random.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <span>

namespace assay::explain {

// One seed for each (seed, a, b): the explainers seed every row, feature or repeat from it, so a
// result does not depend on the batch, the thread count or what else was explained.
inline std::uint64_t deriveSeed(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0)
{
    std::uint64_t h = splitMix64(seed + 0x9e3779b97f4a7c15ULL);
    h = splitMix64(h ^ (a + 0x632be59bd9b4e019ULL));
    return splitMix64(h ^ (b + 0x8cb92ba72f3d8dd7ULL));
}

// A seed from `seed` and a row's values, so a row gets the same draws whichever rows it is
// explained with and in whatever order. Equal values give equal seeds: every NaN counts as one
// NaN and -0.0 as +0.0.
inline std::uint64_t rowSeed(std::uint64_t seed, std::span<const double> row)
{
    std::uint64_t h = splitMix64(seed + 0x9e3779b97f4a7c15ULL);
    for (const double value : row) {
        const double canonical = std::isnan(value) ? std::nan("") : value + 0.0;
        h = splitMix64(h ^ std::bit_cast<std::uint64_t>(canonical));
    }
    return h;
}

} // namespace assay::explain
