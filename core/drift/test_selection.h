#pragma once

#include "drift/drift_test.h"

#include <cstdint>

namespace assay::drift {

// Reference columns with at most this many values are compared as in Evidently: the
// p-value tests; larger ones with distances.
inline constexpr std::uint64_t kSmallReferenceRows = 1000;
// Numbers with at most this many distinct reference values are treated as categories:
// auto picks a categorical test for them, and jensenshannon and psi compare their value
// shares instead of bins.
inline constexpr std::uint64_t kCategoricalDistinctLimit = 5;

struct ColumnFacts {
    bool numeric = false;                // int, float or datetime (bool and string are categories)
    std::uint64_t referenceValues = 0;   // non-missing values in the reference
    std::uint64_t referenceDistinct = 0; // distinct non-missing reference values
    std::uint64_t unionDistinct = 0;     // distinct non-missing values over both sides
};

bool comparedAsCategories(const ColumnFacts &facts);

// The test `auto` picks, as Evidently does: reference <= 1000 values -> ks for numbers with
// more than 5 distinct values, else chi2 when the two sides hold more than 2 values
// between them, else z; reference > 1000 values -> wasserstein for such numbers, else
// jensenshannon. Counts exclude missing values.
DriftTest chooseTest(const ColumnFacts &facts);

} // namespace assay::drift
