#pragma once

#include <QString>

#include <cstddef>
#include <span>
#include <vector>

namespace assay::ui {

// One bar of a waterfall: a contribution from `start` to `start + contribution`.
struct WaterfallStep {
    QString label;
    double start = 0;
    double contribution = 0;
    double end() const { return start + contribution; }
};

// The steps from `base` to base + Σ contributions, the largest |contribution| first (top of
// the chart) and at most `shown` of them; the rest are summed into one last step labelled
// "N other features". The steps are cumulative from the bottom: the last step starts at
// `base`, the first ends at the prediction.
std::vector<WaterfallStep> waterfallSteps(double base, std::span<const double> contributions,
                                          const std::vector<QString> &labels, std::size_t shown);

} // namespace assay::ui
