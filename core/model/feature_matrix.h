#pragma once

#include "common/result.h"
#include "table/table.h"

#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace assay::model {

enum class FeatureKind { Numeric, Categorical };

// One input column of a model, as learned from the training data.
struct FeatureSpec {
    std::string name;
    FeatureKind kind = FeatureKind::Numeric;
    // Categorical: the levels seen in training, sorted; a value's code is its index here.
    std::vector<std::string> categories;

    bool operator==(const FeatureSpec &) const = default;
};

// The model's inputs for a batch of rows: dense, row-major doubles, one column per feature.
// NaN marks a missing value. A Categorical feature holds its category's code (an exact small
// integer), NaN when the value is missing or was not seen in training. Every model reads this
// same matrix; linear models expand categories to indicator columns themselves, trees split on
// the codes natively.
struct FeatureMatrix {
    std::size_t rows = 0;
    std::vector<FeatureSpec> features;
    std::vector<double> values; // rows * features.size()

    std::size_t columns() const { return features.size(); }
    double at(std::size_t row, std::size_t column) const { return values[row * columns() + column]; }
    std::span<const double> row(std::size_t row) const
    {
        return {values.data() + row * columns(), columns()};
    }
    // The rows at `indices`, in that order (a split's part, a fold).
    FeatureMatrix subset(std::span<const std::size_t> indices) const;
};

inline bool isMissing(double value) { return std::isnan(value); }

// Learns the specs of `names` from training data: bool, int, float and datetime columns are
// Numeric; string columns Categorical with their distinct values sorted. NotFound names a
// column that is not in the table.
Result<std::vector<FeatureSpec>> inferFeatures(const table::Table &data,
                                               std::span<const std::string> names);

// Every column except `target` (and any in `exclude`): the default feature list.
std::vector<std::string> defaultFeatureNames(const table::Table &data, std::string_view target,
                                             std::span<const std::string> exclude = {});

// Builds the matrix for `features` from `data`, matching columns by name; columns of `data`
// that are not features are ignored. InvalidInput names a feature the data lacks, or a numeric
// feature whose column holds text in `data` (`dataName` names the data in messages).
Result<FeatureMatrix> buildMatrix(const table::Table &data, const std::vector<FeatureSpec> &features,
                                  std::string_view dataName);

} // namespace assay::model
