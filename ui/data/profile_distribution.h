#pragma once

#include "common/distribution_chart.h"
#include "stats/profile.h"

namespace assay::ui {

// Int, float and datetime columns are drawn as histograms; strings and bools as categories.
bool isNumericProfile(const stats::ColumnProfile &column);

// The column's distribution as a chart draws it. With `other` (the same column in a second
// profile), both on shared bins: the histograms are spread evenly over the union of both
// ranges, or the categories are the most frequent of either, with the rest as "(other)".
DistributionData columnDistribution(const stats::ColumnProfile &column, const QString &name,
                                    const stats::ColumnProfile *other = nullptr,
                                    const QString &otherName = {});

// Jensen–Shannon distance (base 2, 0 same … 1 disjoint) between the two series' shares;
// NaN when there are not two series with values.
double distributionDistance(const DistributionData &data);

} // namespace assay::ui
