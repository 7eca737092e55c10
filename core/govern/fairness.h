#pragma once

#include "common/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace assay::govern {

// Metrics of one group of the sensitive column, for a binary classifier whose predictions
// are 0/1 after thresholding. Rates are NaN when their denominator is zero.
struct GroupMetrics {
    std::string group;           // the sensitive value; "(missing)" for missing values
    std::int64_t count = 0;
    double selectionRate = 0;    // P(ŷ = 1)
    double truePositiveRate = 0; // P(ŷ = 1 | y = 1)
    double falsePositiveRate = 0; // P(ŷ = 1 | y = 0)
    double accuracy = 0;
};

// Fairlearn's definitions: the difference is max − min over groups, the ratio min / max;
// equalized odds difference is the larger of the TPR difference and the FPR difference.
struct FairnessReport {
    std::string sensitiveColumn;
    std::string positiveLabel;
    double threshold = 0.5;
    std::vector<GroupMetrics> groups; // ordered by group value
    GroupMetrics overall;
    double demographicParityDifference = 0;
    double demographicParityRatio = 0;
    double equalizedOddsDifference = 0;
    double truePositiveRateDifference = 0;
    double falsePositiveRateDifference = 0;
};

// From aligned vectors: y in {0, 1}, ŷ in {0, 1}, the group of each row.
Result<FairnessReport> computeFairness(const std::vector<int> &truth, const std::vector<int> &predicted,
                                       const std::vector<std::string> &groups);

} // namespace assay::govern
