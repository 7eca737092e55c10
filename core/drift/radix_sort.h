#pragma once

#include <vector>

namespace assay::drift {

// Sorts finite doubles ascending with an LSD radix sort on their IEEE-754 bits (stable,
// O(n), several times faster than std::sort on millions of values). -0.0 sorts before 0.0;
// NaN must not occur.
void radixSort(std::vector<double> &values);

} // namespace assay::drift
