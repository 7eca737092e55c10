#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>

namespace assay::stats {

// Count, mean, sum of squared deviations, min, max and zeros of a set of numbers. Two sets
// combine exactly in count/min/max/zeros and stably in mean/m2 (Chan et al.'s parallel
// formula), so a column can be summarised chunk by chunk.
struct NumericMoments {
    std::uint64_t count = 0;
    double mean = 0;
    double m2 = 0; // sum of squared deviations from the mean
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    std::uint64_t zeros = 0;

    void merge(const NumericMoments &other)
    {
        if (other.count == 0)
            return;
        if (count == 0) {
            *this = other;
            return;
        }
        const double n = static_cast<double>(count + other.count);
        const double delta = other.mean - mean;
        const double otherShare = static_cast<double>(other.count) / n;
        mean += delta * otherShare;
        m2 += other.m2 + delta * delta * static_cast<double>(count) * otherShare;
        count += other.count;
        min = std::min(min, other.min);
        max = std::max(max, other.max);
        zeros += other.zeros;
    }

    // Sample variance (n - 1); meaningful when count >= 2.
    double variance() const { return count < 2 ? 0.0 : m2 / static_cast<double>(count - 1); }
};

} // namespace assay::stats
