#pragma once

#include "common/result.h"
#include "model/task.h"
#include "table/table.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay::model {

// The target column, encoded for training and evaluation. For classification `values` holds
// class indices (0 .. classes.size()-1) into `classes`, the labels sorted (numerically when
// they are numbers, so "2" < "10"); for binary tasks classes[1] is the positive class. For
// regression `values` holds the numbers and `classes` is empty. Rows whose target is missing
// are listed in `missingRows` and hold NaN.
struct Target {
    std::string name;
    Task task = Task::Regression;
    std::vector<std::string> classes;
    std::vector<double> values;
    std::vector<std::size_t> missingRows;
};

// Encodes `name` of `data`. With no task given: string and bool columns are classification,
// int columns with at most 20 distinct values too, everything else regression.
// InvalidInput (naming the column) for: an unknown column, a single class, a regression target
// that is not numeric, a multiclass target with more than 1000 classes.
Result<Target> encodeTarget(const table::Table &data, std::string_view name,
                            std::optional<Task> task = std::nullopt);

// Encodes column `name` of other data for a model that was trained with `task` and `classes`;
// a label that is not among `classes` is an InvalidInput naming it and its row.
Result<Target> encodeTargetFor(const table::Table &data, std::string_view name, Task task,
                               const std::vector<std::string> &classes, std::string_view dataName);

} // namespace assay::model
