#pragma once

#include <cstdint>

namespace assay::explain {

// One seed for each (seed, a, b): the explainers seed every row, feature or repeat from it, so a
// result does not depend on the batch, the thread count or what else was explained.
inline std::uint64_t deriveSeed(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0)
{
    const auto mix = [](std::uint64_t z) {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    };
    std::uint64_t h = mix(seed + 0x9e3779b97f4a7c15ULL);
    h = mix(h ^ (a + 0x632be59bd9b4e019ULL));
    return mix(h ^ (b + 0x8cb92ba72f3d8dd7ULL));
}

} // namespace assay::explain
