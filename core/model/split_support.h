#pragma once

// Helpers shared by splitRows and kFolds; internal to core/model.

#include "common/random.h"
#include "common/result.h"
#include "model/splits.h"

#include <cstddef>
#include <span>
#include <vector>

namespace assay::model::splitting {

// A seeded Fisher–Yates shuffle drawing from `random`.
void shuffle(std::vector<std::size_t> &items, Random &random);

// Rows grouped by value: members[g] lists group g's rows ascending, groups in order of first
// appearance; all NaN rows form one group.
std::vector<std::vector<std::size_t>> groupRows(std::span<const double> values);

// Rows of each class: byClass[c] lists the rows whose stratum is c. InvalidInput names a row
// whose class is missing or not a class index.
Result<std::vector<std::vector<std::size_t>>> rowsByClass(std::span<const double> strata);

// `total` items apportioned to parts by `fractions` (summing to 1): floors first, then the
// remaining items one each to the largest remainders (the earlier part on ties).
std::vector<std::size_t> apportion(std::size_t total, std::span<const double> fractions);

// InvalidInput unless strata and groups are each empty or of length `rows`, and not both given.
Status checkOptions(std::size_t rows, const SplitOptions &options);

} // namespace assay::model::splitting
