#pragma once

#include <vector>

namespace assay::drift {

// Sorts finite doubles ascending with an LSD radix sort on their IEEE-754 bits (stable,
// O(n), several times faster than std::sort on millions of values). -0.0 sorts before 0.0;
// NaN must not occur.
void radixSort(std::vector<double> &values);

// The values of all `pieces` together, sorted ascending as radixSort does; the pieces are
// read once, never concatenated first.
std::vector<double> radixSorted(const std::vector<std::vector<double>> &pieces);

} // namespace assay::drift
