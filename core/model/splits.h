#pragma once

#include "common/result.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace assay::model {

// Row indices (into the rows being split) of each part, ascending.
struct ThreeWaySplit {
    std::vector<std::size_t> train;
    std::vector<std::size_t> validation;
    std::vector<std::size_t> test;
};

// One round of cross-validation: the model learns `train` and is measured on `test`.
struct Fold {
    int repeat = 0;                 // which repetition of k-fold
    int index = 0;                  // which fold within the repetition
    std::vector<std::size_t> train; // ascending
    std::vector<std::size_t> test;  // ascending
};

// How rows are kept together or balanced. Both spans are empty or hold one value per row.
struct SplitOptions {
    std::uint64_t seed = 0;
    // Class index per row: each part (fold) gets each class's share of the rows.
    std::span<const double> strata = {};
    // Group per row (any number; equal numbers are one group, NaN is one group too): a group's
    // rows all land in the same part (fold).
    std::span<const double> groups = {};
};

// Splits `rows` rows into train/validation/test in the proportions given (each in [0, 1],
// summing to 1; validation may be 0). Sizes are the fractions of the rows rounded by largest
// remainder; stratified, that is done per class, so each part holds each class's share within
// one row. Grouped, whole groups are dealt to the parts in a seeded order, so the sizes are as
// close to the fractions as the groups allow. InvalidInput for fractions out of range or not
// summing to 1, a part with a positive fraction that would be empty, strata and groups
// together, and strata/groups whose length is not `rows`.
Result<ThreeWaySplit> splitRows(std::size_t rows, double trainFraction, double validationFraction,
                                double testFraction, const SplitOptions &options);

// k folds, repeated `repeats` times with fresh shuffles; every row is tested exactly once per
// repeat. Plain: a seeded shuffle cut into k parts of sizes differing by at most one.
// Stratified: each class's rows shuffled and dealt round the folds in turn, so each fold holds
// each class's count within one row. Grouped: groups (largest first, equal sizes in a seeded
// order) each go to the fold with the fewest rows so far, as sklearn's GroupKFold does; then
// `repeats` must be 1. InvalidInput for k < 2, k > rows (or > groups), repeats < 1, strata and
// groups together, and for stratified folds a class with fewer than k rows — sklearn only warns
// then, but such a class cannot be in every fold's test part, so per-fold metrics of that class
// are undefined and the stratification promise cannot hold: the message names the class and
// asks for a smaller k.
Result<std::vector<Fold>> kFolds(std::size_t rows, int k, int repeats, const SplitOptions &options);

} // namespace assay::model
