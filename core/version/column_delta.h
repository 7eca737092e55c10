#pragma once

#include "table/column.h"
#include "version/table_diff.h"

namespace assay::version {

// Mean, missing share and distinct-count deltas (B − A) of one column present in both tables.
ColumnDelta columnDelta(const table::Column &a, const table::Column &b);

} // namespace assay::version
