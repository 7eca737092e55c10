// TEMPORARY stand-in until the math helper's isotonic_calibrator.cpp is merged.
#include "monitor/isotonic_calibrator.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace assay::monitor {

IsotonicCalibrator IsotonicCalibrator::fit(std::span<const double> scores, std::span<const double> outcomes)
{
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < scores.size() && i < outcomes.size(); ++i)
        if (!std::isnan(scores[i]))
            order.push_back(i);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    std::vector<double> x, y, w;
    for (std::size_t i : order) {
        if (!x.empty() && x.back() == scores[i]) {
            y.back() = (y.back() * w.back() + outcomes[i]) / (w.back() + 1);
            w.back() += 1;
        } else {
            x.push_back(scores[i]);
            y.push_back(outcomes[i]);
            w.push_back(1);
        }
    }
    // pool adjacent violators over blocks
    std::vector<double> by, bw;
    std::vector<std::size_t> bstart;
    for (std::size_t i = 0; i < x.size(); ++i) {
        by.push_back(y[i]);
        bw.push_back(w[i]);
        bstart.push_back(i);
        while (by.size() > 1 && by[by.size() - 2] > by.back()) {
            const double weight = bw[bw.size() - 2] + bw.back();
            const double value = (by[by.size() - 2] * bw[bw.size() - 2] + by.back() * bw.back()) / weight;
            by.pop_back();
            bw.pop_back();
            bstart.pop_back();
            by.back() = value;
            bw.back() = weight;
        }
    }
    IsotonicCalibrator result;
    for (std::size_t b = 0; b < by.size(); ++b) {
        const std::size_t end = b + 1 < by.size() ? bstart[b + 1] : x.size();
        for (std::size_t i = bstart[b]; i < end; ++i) {
            result.m_x.push_back(x[i]);
            result.m_y.push_back(by[b]);
        }
    }
    return result;
}

double IsotonicCalibrator::operator()(double score) const
{
    if (m_x.empty() || std::isnan(score))
        return std::nan("");
    if (score <= m_x.front())
        return m_y.front();
    if (score >= m_x.back())
        return m_y.back();
    const auto upper = std::upper_bound(m_x.begin(), m_x.end(), score);
    const std::size_t hi = static_cast<std::size_t>(upper - m_x.begin());
    const std::size_t lo = hi - 1;
    const double t = (score - m_x[lo]) / (m_x[hi] - m_x[lo]);
    return m_y[lo] + t * (m_y[hi] - m_y[lo]);
}

} // namespace assay::monitor
