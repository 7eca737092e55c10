#pragma once

#include <span>
#include <vector>

namespace assay::monitor {

// Isotonic (non-decreasing) regression of outcomes on scores, as scikit-learn's
// IsotonicRegression(increasing=True, out_of_bounds="clip") fits it: equal scores are merged
// first (their outcomes averaged with their weights), then pool-adjacent-violators; between
// the fitted points the map is linear, outside them it is clipped to the end values.
class IsotonicCalibrator {
public:
    // `outcomes` are 0/1 (or any values); sizes must match; NaN scores are skipped.
    static IsotonicCalibrator fit(std::span<const double> scores, std::span<const double> outcomes);

    double operator()(double score) const;
    bool empty() const { return m_x.empty(); }
    // The fitted points (scikit-learn's X_thresholds_ and y_thresholds_).
    const std::vector<double> &thresholds() const { return m_x; }
    const std::vector<double> &values() const { return m_y; }

private:
    std::vector<double> m_x;
    std::vector<double> m_y;
};

} // namespace assay::monitor
