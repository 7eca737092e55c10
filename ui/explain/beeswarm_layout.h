#pragma once

#include "explain/colored_points.h"
#include "explain/explanation.h"
#include "explain/feature_color_scale.h"

#include <cstddef>
#include <vector>

namespace assay::ui {

// The colour scale of a feature's values: category codes for a categorical feature, the
// values' percentile range for a numeric one.
FeatureColorScale colorScaleOf(const model::FeatureMatrix &x, std::size_t feature);

// The points of the beeswarm summary: one horizontal row per feature in `shown` (the first at
// the top, at value shown.size() - 1, the last at 0), each row's points at their SHAP value,
// spread vertically within ±0.4 of the row in proportion to how many points share their
// neighbourhood (so the row's thickness shows the density), coloured by the feature's value.
// The spread is seeded by the feature, so the picture is the same every time.
std::vector<ColoredPoints::Point> beeswarmPoints(const explain::ShapExplanation &explanation,
                                                 std::size_t output,
                                                 const std::vector<std::size_t> &shown);

} // namespace assay::ui
