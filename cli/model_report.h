#pragma once

#include "model/metrics.h"

#include <set>
#include <string>
#include <vector>

namespace assay::cli {

// A named column of metrics for the text report: "train", "valid", "test", "fold 1", …
struct MetricColumn {
    std::string title;
    const model::Evaluation *evaluation = nullptr;
};

// Metrics as rows, the columns side by side, in the order users read them first (the
// headline metrics of the task, then the rest alphabetically):
//            train     valid     test
//   roc_auc  0.9121    0.8712    0.8680
std::string metricTable(const std::vector<MetricColumn> &columns);

// Metric names in reading order: the task's headline metrics first, then the rest sorted.
std::vector<std::string> metricReadingOrder(model::Task task, const std::set<std::string> &names);

// The confusion matrix with class labels, rows = true class.
std::string confusionTable(const model::Evaluation &evaluation,
                           const std::vector<std::string> &classes);

} // namespace assay::cli
