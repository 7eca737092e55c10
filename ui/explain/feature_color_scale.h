#pragma once

#include <QColor>

#include <span>

namespace assay::ui {

// The beeswarm's and the dependence plot's colouring of a feature's values: low blue through
// purple to high red, over the 5th to 95th percentile of the values so one outlier does not
// wash every other point into one colour. Missing values are grey.
class FeatureColorScale {
public:
    static constexpr int kSteps = 32; // distinct colours drawn (points are bucketed by them)

    FeatureColorScale() = default;
    // Fits the range to `values` (NaN = missing). A categorical feature's codes are coloured
    // from the first category (blue) to the last (red) over `categoryCount` levels.
    static FeatureColorScale fit(std::span<const double> values);
    static FeatureColorScale forCategories(int categoryCount);

    double low() const { return m_low; }
    double high() const { return m_high; }
    // 0 (low) .. 1 (high), clamped; NaN for a missing value.
    double position(double value) const;
    // The colour bucket of a value, 0..kSteps-1, or kSteps for a missing value.
    int step(double value) const;
    static QColor colorOfStep(int step);
    QColor colorOf(double value) const { return colorOfStep(step(value)); }
    static QColor lowColor();
    static QColor highColor();
    static QColor missingColor();

private:
    FeatureColorScale(double low, double high) : m_low(low), m_high(high) {}

    double m_low = 0;
    double m_high = 1;
};

} // namespace assay::ui
