#pragma once

#include "model/task.h"
#include "model/tree_ensemble.h"

#include <cstddef>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

namespace assay::model {

class WorkerPool;

// The loss gradient boosting minimises: its first and second derivatives by the margin, the
// margin to start from, and the link that turns margins into predictions. Margins are
// row-major, rows × outputs(); gradients and hessians output-major, outputs() × rows, so
// each tree reads its own contiguous block.
class BoostingObjective {
public:
    virtual ~BoostingObjective() = default;

    virtual std::size_t outputs() const = 0; // trees per round
    virtual OutputLink link() const = 0;
    // "logloss", "mlogloss", "rmse": the name the iteration report uses.
    virtual std::string_view metricName() const = 0;
    // Log-odds of the positive share, log class shares, or the mean.
    virtual std::vector<float> baseMargin(std::span<const double> y) const = 0;

    // Gradients and hessians of rows [begin, end).
    virtual void gradients(std::span<const float> margins, std::span<const double> y,
                           std::size_t begin, std::size_t end, std::span<double> grad,
                           std::span<double> hess) const = 0;

    // The metric over all rows (mean log loss, or the root of the mean squared error),
    // summed in fixed blocks so it does not depend on the thread count.
    double metric(std::span<const float> margins, std::span<const double> y,
                  WorkerPool &pool) const;

protected:
    // Sum of the per-row losses of rows [begin, end).
    virtual double lossSum(std::span<const float> margins, std::span<const double> y,
                           std::size_t begin, std::size_t end) const = 0;
    // Mean per-row loss → metric (the square root for RMSE).
    virtual double finish(double meanLoss) const { return meanLoss; }
};

std::unique_ptr<BoostingObjective> makeBoostingObjective(Task task, std::size_t classes);

} // namespace assay::model
