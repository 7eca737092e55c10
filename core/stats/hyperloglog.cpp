#include "stats/hyperloglog.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace assay::stats {

namespace {

constexpr int kMaxRank = 64 - HyperLogLog::kPrecision + 1;

double sigma(double x)
{
    if (x == 1.0)
        return std::numeric_limits<double>::infinity();
    double y = 1.0, z = x, previous;
    do {
        x *= x;
        previous = z;
        z += x * y;
        y += y;
    } while (z != previous);
    return z;
}

double tau(double x)
{
    if (x == 0.0 || x == 1.0)
        return 0.0;
    double y = 1.0, z = 1.0 - x, previous;
    do {
        x = std::sqrt(x);
        previous = z;
        y *= 0.5;
        z -= (1.0 - x) * (1.0 - x) * y;
    } while (z != previous);
    return z / 3.0;
}

} // namespace

HyperLogLog::HyperLogLog() : m_registers(std::size_t(1) << kPrecision, 0) {}

void HyperLogLog::merge(const HyperLogLog &other)
{
    for (std::size_t i = 0; i < m_registers.size(); ++i)
        m_registers[i] = std::max(m_registers[i], other.m_registers[i]);
}

double HyperLogLog::estimate() const
{
    std::vector<double> histogram(kMaxRank + 1, 0.0);
    for (std::uint8_t r : m_registers)
        histogram[r] += 1.0;
    const double m = static_cast<double>(m_registers.size());
    double z = m * tau(1.0 - histogram[kMaxRank] / m);
    for (int k = kMaxRank - 1; k >= 1; --k)
        z = 0.5 * (z + histogram[k]);
    z += m * sigma(histogram[0] / m);
    return std::round(m * m / (2.0 * std::log(2.0)) / z);
}

} // namespace assay::stats
