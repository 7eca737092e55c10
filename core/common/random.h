#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>

namespace assay {

// splitmix64's finaliser: scrambles a 64-bit word so that nearby inputs give unrelated outputs.
// Random's seeding and the explainers' per-row seeds use it.
inline std::uint64_t splitMix64(std::uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// xoshiro256** seeded through splitmix64: fast, and the same sequence on every platform
// (std::normal_distribution and friends are implementation-defined, so we avoid them).
class Random {
public:
    explicit Random(std::uint64_t seed)
    {
        for (auto &word : m_state) {
            seed += 0x9e3779b97f4a7c15ULL;
            word = splitMix64(seed);
        }
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    // Uniform in [0, 1).
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double low, double high) { return low + (high - low) * uniform(); }
    int integer(int low, int high) // inclusive
    {
        return low + static_cast<int>(uniform() * (high - low + 1));
    }
    bool chance(double probability) { return uniform() < probability; }
    double normal(double mean, double sd)
    {
        const double u1 = 1.0 - uniform(); // (0, 1]
        const double u2 = uniform();
        return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }
    // Index drawn with the given relative weights.
    template <typename Weights>
    std::size_t pick(const Weights &weights)
    {
        double total = 0;
        for (double w : weights)
            total += w;
        double point = uniform() * total;
        std::size_t index = 0;
        for (double w : weights) {
            if (point < w)
                return index;
            point -= w;
            ++index;
        }
        return index - 1;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_state[4];
};

} // namespace assay
