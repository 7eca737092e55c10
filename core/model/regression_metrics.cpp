#include "model/metric_parts.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace assay::model::metrics {

void addRegressionMetrics(std::span<const double> y, std::span<const double> predictions,
                          std::map<std::string, double> &metrics)
{
    const double n = double(y.size());
    double mean = 0;
    for (double value : y)
        mean += value;
    mean /= n;
    constexpr double eps = std::numeric_limits<double>::epsilon();
    double squared = 0;
    double absolute = 0;
    double percentage = 0;
    double variation = 0;
    for (std::size_t row = 0; row < y.size(); ++row) {
        const double error = predictions[row] - y[row];
        squared += error * error;
        absolute += std::abs(error);
        // sklearn's mean_absolute_percentage_error: |y| below machine epsilon counts as eps.
        percentage += std::abs(error) / std::max(std::abs(y[row]), eps);
        variation += (y[row] - mean) * (y[row] - mean);
    }
    metrics["rmse"] = std::sqrt(squared / n);
    metrics["mae"] = absolute / n;
    metrics["mape"] = percentage / n;
    // A constant target: 1 for a perfect fit, else 0 (sklearn's force_finite default).
    metrics["r2"] = variation == 0 ? (squared == 0 ? 1.0 : 0.0) : 1 - squared / variation;
}

} // namespace assay::model::metrics
