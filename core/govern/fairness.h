#pragma once

#include "common/result.h"

#include <QJsonObject>

#include <cstdint>
#include <string>
#include <vector>

namespace assay::workspace {
class Workspace;
}

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
// A group whose rate is NaN (no positives for TPR, no negatives for FPR) is left out of that
// rate's difference, as pandas' max/min skip NaN. (Fairlearn itself scores such a group 0,
// through sklearn's normalised confusion matrix, which turns an undefined rate into a large
// spurious gap.) A difference is NaN only when no group defines the rate; the equalized odds
// difference then falls back to the other one. The parity ratio is NaN when every selection
// rate is 0.
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

// {"sensitive_column", "positive_label", "threshold", "groups": [{"group", "count",
// "selection_rate", "true_positive_rate", "false_positive_rate", "accuracy"}], "overall": {…},
// "demographic_parity_difference", "demographic_parity_ratio", "equalized_odds_difference",
// "true_positive_rate_difference", "false_positive_rate_difference"}; NaN as null.
QJsonObject fairnessReportToJson(const FairnessReport &report);

// From aligned vectors: y in {0, 1}, ŷ in {0, 1}, the group of each row.
Result<FairnessReport> computeFairness(const std::vector<int> &truth, const std::vector<int> &predicted,
                                       const std::vector<std::string> &groups);

// A binary classifier's fairness on a dataset: the model as `model::openModel` takes it (a
// file, a run id, prefix or name, or a registry reference "NAME:VERSION"), the data as a
// dataset ref ("data/credit.csv", "data/credit.csv@v1"). The prediction is 1 when the
// positive class's probability is at least `threshold`; the positive label defaults to the
// model's positive class. Rows without a target value are left out; missing sensitive values
// form their own group "(missing)". Errors (InvalidInput) name a missing column, a model that
// is not binary, a target label the model does not know, a positive label that is not one of
// the model's classes, or a threshold outside [0, 1].
struct FairnessRequest {
    std::string model;
    std::string data;
    std::string target;
    std::string sensitive;
    std::string positiveLabel;
    double threshold = 0.5;
};
Result<FairnessReport> modelFairness(workspace::Workspace &workspace, const FairnessRequest &request);
// The same where no workspace may be open (`workspace` null): then the model must be a file.
Result<FairnessReport> modelFairness(workspace::Workspace *workspace,
                                     const FairnessRequest &request);

} // namespace assay::govern
