#include "explain/waterfall_steps.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace assay::ui {

std::vector<WaterfallStep> waterfallSteps(double base, std::span<const double> contributions,
                                          const std::vector<QString> &labels, std::size_t shown)
{
    std::vector<std::size_t> order(contributions.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&contributions](std::size_t a, std::size_t b) {
        return std::abs(contributions[a]) > std::abs(contributions[b]);
    });
    std::vector<WaterfallStep> steps;
    // Folding a single leftover feature into "1 other feature" would hide its name for nothing.
    const std::size_t named = order.size() <= shown + 1 ? order.size() : shown;
    for (std::size_t i = 0; i < named; ++i)
        steps.push_back({labels[order[i]], 0, contributions[order[i]]});
    if (named < order.size()) {
        double rest = 0;
        for (std::size_t i = named; i < order.size(); ++i)
            rest += contributions[order[i]];
        steps.push_back({QCoreApplication::translate("WaterfallSteps", "%1 other features")
                             .arg(order.size() - named),
                         0, rest});
    }
    double at = base;
    for (auto step = steps.rbegin(); step != steps.rend(); ++step) {
        step->start = at;
        at += step->contribution;
    }
    return steps;
}

} // namespace assay::ui
