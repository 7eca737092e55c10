#pragma once

#include "runs/run_comparison_field.h"

#include <vector>

namespace assay::ui {

// One vertical axis of a parallel-coordinates chart: a field and where each run lies on it.
struct ParallelAxis {
    RunField field;
    FieldScale scale;
};

// The axes shown before the user picks: every param whose value differs across the runs,
// then the first metric (alphabetically) at the right.
std::vector<RunField> defaultParallelFields(const std::vector<const track::RunRecord *> &runs);

std::vector<ParallelAxis> parallelAxes(const std::vector<const track::RunRecord *> &runs,
                                       const std::vector<RunField> &fields);

} // namespace assay::ui
