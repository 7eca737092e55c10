#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "explain/background.h"
#include "explain/coalition_sampler.h"
#include "explain/predictor.h"

#include <cstddef>
#include <span>
#include <vector>

namespace assay::explain {

// One row KernelSHAP explains: its values, its players (the features it plays with, as feature
// indices) and the coalitions over those players.
struct CoalitionQuery {
    std::span<const double> row;
    std::vector<std::size_t> players;
    CoalitionSet coalitions;
};

// The value of every coalition of every query: the background-weighted mean prediction of the
// rows that take the query row's values for the coalition's players and a background row's
// for every other feature. Per query, coalitions × outputs, row-major. The predictor sees
// large batches of at most `maxCells` matrix cells (one coalition's rows at least), so an
// external program runs few times.
Result<std::vector<std::vector<double>>>
evaluateCoalitions(Predictor &predictor, const Background &background,
                   std::span<const CoalitionQuery> queries, std::size_t outputs,
                   std::size_t maxCells, const Progress &progress = {});

} // namespace assay::explain
