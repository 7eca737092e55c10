#include "drift/psi.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace assay::drift {

double populationStabilityIndex(const std::vector<std::uint64_t> &reference,
                                const std::vector<std::uint64_t> &current)
{
    const double nRef = double(std::accumulate(reference.begin(), reference.end(), std::uint64_t(0)));
    const double nCur = double(std::accumulate(current.begin(), current.end(), std::uint64_t(0)));
    double psi = 0;
    for (std::size_t i = 0; i < reference.size(); ++i) {
        const double r = std::max(double(reference[i]) / nRef, kPsiShareFloor);
        const double c = std::max(double(current[i]) / nCur, kPsiShareFloor);
        psi += (c - r) * std::log(c / r);
    }
    return psi;
}

std::vector<double> psiDecileEdges(std::span<const double> sorted)
{
    std::vector<double> edges;
    const double last = double(sorted.size() - 1);
    for (int k = 1; k <= 9; ++k) {
        // numpy.quantile(method='linear'): virtual index q (n - 1), then a lerp that is
        // exact at both ends (b - (b - a)(1 - t) from t = 0.5 on).
        const double position = last * (k / 10.0);
        const double below = std::floor(position);
        const double t = position - below;
        const auto i = std::size_t(below);
        if (position >= last) {
            edges.push_back(sorted.back());
            continue;
        }
        const double a = sorted[i], b = sorted[i + 1];
        const double gap = b - a;
        edges.push_back(t >= 0.5 ? b - gap * (1 - t) : a + gap * t);
    }
    return edges;
}

std::vector<std::uint64_t> countsAtMostEdges(std::span<const double> sorted,
                                             const std::vector<double> &edges)
{
    std::vector<std::uint64_t> counts;
    std::size_t before = 0;
    for (double edge : edges) {
        const auto upTo = std::size_t(std::upper_bound(sorted.begin(), sorted.end(), edge) - sorted.begin());
        counts.push_back(upTo - before);
        before = upTo;
    }
    counts.push_back(sorted.size() - before);
    return counts;
}

} // namespace assay::drift
