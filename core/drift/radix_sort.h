#pragma once

#include <span>
#include <vector>

namespace assay::drift {

// Sorts finite doubles ascending with an LSD radix sort on their IEEE-754 bits (stable,
// O(n), several times faster than std::sort on millions of values). -0.0 sorts before 0.0;
// NaN must not occur.
void radixSort(std::vector<double> &values);

// Writes the values of all `pieces` together, ascending, into `out` (resized to their
// count; its capacity is reused, so a caller sorting many columns keeps one buffer and
// spares the page faults of fresh memory). The pieces are read once, never concatenated.
void radixSortInto(std::span<const std::span<const double>> pieces, std::vector<double> &out);

} // namespace assay::drift
