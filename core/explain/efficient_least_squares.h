#pragma once

#include "explain/coalition_sampler.h"

#include <span>
#include <vector>

namespace assay::explain {

// The KernelSHAP fit: the contributions φ (players × outputs, row-major) minimising
// Σ_i w_i (v_i − empty − mask_i · φ)² subject to Σ φ = full − empty, for every output at once.
// The constraint is met exactly by eliminating the last player; the rest is solved in double by
// a complete orthogonal decomposition, so too few coalitions give the minimum-norm fit.
// `values` holds each coalition's value: count × outputs.
std::vector<double> solveEfficientLeastSquares(const CoalitionSet &coalitions,
                                               std::span<const double> values,
                                               std::span<const double> full,
                                               std::span<const double> empty);

} // namespace assay::explain
