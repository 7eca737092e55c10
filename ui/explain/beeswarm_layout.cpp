#include "explain/beeswarm_layout.h"

#include "common/random.h"
#include "explain/shap_statistics.h"

#include <algorithm>
#include <cmath>

namespace assay::ui {

namespace {

constexpr int kDensityBins = 100;
constexpr double kHalfHeight = 0.4;

} // namespace

FeatureColorScale colorScaleOf(const model::FeatureMatrix &x, std::size_t feature)
{
    const model::FeatureSpec &spec = x.features[feature];
    if (spec.kind == model::FeatureKind::Categorical)
        return FeatureColorScale::forCategories(int(spec.categories.size()));
    const std::vector<double> values = featureColumn(x, feature);
    return FeatureColorScale::fit(values);
}

std::vector<ColoredPoints::Point> beeswarmPoints(const explain::ShapExplanation &explanation,
                                                 std::size_t output,
                                                 const std::vector<std::size_t> &shown)
{
    const explain::ShapValues &shap = explanation.values;
    std::vector<ColoredPoints::Point> points;
    points.reserve(shap.rows * shown.size());
    for (std::size_t position = 0; position < shown.size(); ++position) {
        const std::size_t feature = shown[position];
        const double row = double(shown.size() - 1 - position);
        const std::vector<double> values = shapColumn(shap, output, feature);
        const auto [lowest, highest] = std::minmax_element(values.begin(), values.end());
        if (lowest == values.end())
            continue;
        const double span = std::max(*highest - *lowest, 1e-12);
        const auto binOf = [&](double value) {
            return std::min(kDensityBins - 1, int((value - *lowest) / span * kDensityBins));
        };
        std::vector<int> counts(kDensityBins, 0);
        for (double value : values)
            ++counts[std::size_t(binOf(value))];
        const double densest = *std::max_element(counts.begin(), counts.end());
        const FeatureColorScale scale = colorScaleOf(explanation.x, feature);
        Random random(0x5eed0000ULL + feature);
        for (std::size_t r = 0; r < values.size(); ++r) {
            const double share = counts[std::size_t(binOf(values[r]))] / densest;
            // sqrt: a bin with a quarter of the densest's points still spreads half as wide.
            const double offset = kHalfHeight * std::sqrt(share) * random.uniform(-1, 1);
            points.push_back({values[r], row + offset, scale.step(explanation.x.at(r, feature))});
        }
    }
    return points;
}

} // namespace assay::ui
