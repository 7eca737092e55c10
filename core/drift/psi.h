#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace assay::drift {

inline constexpr double kPsiShareFloor = 0.0001;

// Population stability index over matching bins: both sides' shares floored at 0.0001,
// then sum over bins of (current - reference) * ln(current / reference).
double populationStabilityIndex(const std::vector<std::uint64_t> &reference,
                                const std::vector<std::uint64_t> &current);

// The numeric PSI bins: inner edges are the reference's 10%, 20%, ..., 90% quantiles
// (numpy's default linear interpolation), the bins (-inf, q1], (q1, q2], ..., (q9, inf).
// Both samples ascending and non-empty. Returns the nine edges.
std::vector<double> psiDecileEdges(std::span<const double> sortedReference);

// How many values of an ascending sample fall in each of (-inf, e1], (e1, e2], ..., (ek, inf).
std::vector<std::uint64_t> countsAtMostEdges(std::span<const double> sorted,
                                             const std::vector<double> &edges);

} // namespace assay::drift
