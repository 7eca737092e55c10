#include "monitor/isotonic_calibrator.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>

namespace assay::monitor {

namespace {

struct Point {
    double x;
    double y;
};

// Scores closer than this to the first score of a group join it (scikit-learn's _make_unique
// merges with numpy's float64 resolution, 1e-15).
constexpr double kMergeResolution = 1e-15;

// Sorted points → unique x with the mean y of each group and the group's size as its weight.
void mergeEqualScores(const std::vector<Point> &points, std::vector<double> &x,
                      std::vector<double> &y, std::vector<double> &weight)
{
    double currentX = points.front().x;
    double sumY = 0;
    double count = 0;
    for (const Point &point : points) {
        if (point.x - currentX >= kMergeResolution) {
            x.push_back(currentX);
            y.push_back(sumY / count);
            weight.push_back(count);
            currentX = point.x;
            sumY = 0;
            count = 0;
        }
        sumY += point.y;
        count += 1;
    }
    x.push_back(currentX);
    y.push_back(sumY / count);
    weight.push_back(count);
}

// Pool adjacent violators in place, in one pass with backtracking. Blocks are kept as
// end[start] = last and end[last] = start, so a block's first index finds its last and back.
// Equal neighbouring blocks are pooled too, as scikit-learn does.
void poolAdjacentViolators(std::vector<double> &y, std::vector<double> &w)
{
    const std::size_t n = y.size();
    std::vector<std::size_t> end(n);
    std::iota(end.begin(), end.end(), std::size_t{0});
    std::size_t i = 0;
    while (i < n) {
        std::size_t k = end[i] + 1;
        if (k == n)
            break;
        if (y[i] < y[k]) {
            i = k;
            continue;
        }
        double sumWy = w[i] * y[i];
        double sumW = w[i];
        while (true) {
            const double previous = y[k];
            sumWy += w[k] * y[k];
            sumW += w[k];
            k = end[k] + 1;
            if (k == n || previous < y[k]) {
                y[i] = sumWy / sumW;
                w[i] = sumW;
                end[i] = k - 1;
                end[k - 1] = i;
                if (i > 0)
                    i = end[i - 1];
                break;
            }
        }
    }
    for (i = 0; i < n;) {
        const std::size_t next = end[i] + 1;
        std::fill(y.begin() + std::ptrdiff_t(i) + 1, y.begin() + std::ptrdiff_t(next), y[i]);
        i = next;
    }
}

} // namespace

IsotonicCalibrator IsotonicCalibrator::fit(std::span<const double> scores,
                                           std::span<const double> outcomes)
{
    std::vector<Point> points;
    const std::size_t n = std::min(scores.size(), outcomes.size());
    points.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        if (!std::isnan(scores[i]) && !std::isnan(outcomes[i]))
            points.push_back({.x = scores[i], .y = outcomes[i]});
    IsotonicCalibrator calibrator;
    if (points.empty())
        return calibrator;
    std::sort(points.begin(), points.end(), [](const Point &a, const Point &b) {
        return a.x < b.x || (a.x == b.x && a.y < b.y);
    });

    std::vector<double> x, y, weight;
    mergeEqualScores(points, x, y, weight);
    poolAdjacentViolators(y, weight);

    // Drop the interior points of constant runs: they change nothing in the interpolation.
    for (std::size_t i = 0; i < x.size(); ++i) {
        const bool interior = i > 0 && i + 1 < x.size();
        if (interior && y[i] == y[i - 1] && y[i] == y[i + 1])
            continue;
        calibrator.m_x.push_back(x[i]);
        calibrator.m_y.push_back(y[i]);
    }
    return calibrator;
}

double IsotonicCalibrator::operator()(double score) const
{
    if (m_x.empty() || std::isnan(score))
        return std::numeric_limits<double>::quiet_NaN();
    if (score <= m_x.front())
        return m_y.front();
    if (score >= m_x.back())
        return m_y.back();
    // m_x[hi - 1] <= score < m_x[hi]
    const auto hi = std::size_t(std::upper_bound(m_x.begin(), m_x.end(), score) - m_x.begin());
    const std::size_t lo = hi - 1;
    const double slope = (m_y[hi] - m_y[lo]) / (m_x[hi] - m_x[lo]);
    return slope * (score - m_x[lo]) + m_y[lo];
}

} // namespace assay::monitor
