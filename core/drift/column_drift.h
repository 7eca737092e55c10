#pragma once

#include "drift/column_sample.h"
#include "drift/drift.h"

namespace assay::drift {

// Tests one column shared by both sides; takes the samples' numbers (see
// ColumnSample::takeSortedNumbers), so each column is compared once — except a reference
// whose numbers were kept (ColumnSample::keepSortedNumbers), which is only read. The kinds
// must agree (checked before); a side without values gives test None.
ColumnDrift compareColumn(ColumnSample &reference, ColumnSample &current, const DriftOptions &options);

} // namespace assay::drift
