#pragma once

#include "data/dataset_comparison.h"

#include <QString>

namespace assay::ui {

// "+120 added · −80 removed · ~1,204 modified · 22,596 unchanged" (modified only for keyed
// diffs, where rows can be matched).
QString diffCountsText(const DatasetComparison &comparison);

// Rich text for the diff banner's schema line: "Columns: +score (float) · −city ·
// income int → float", or "Same columns (19)" when nothing changed.
QString schemaChangesHtml(const DatasetComparison &comparison);

// "Showing the first 200,000 of 240,000 changed rows" when the list was cut; else "".
QString truncationText(const DatasetComparison &comparison);

} // namespace assay::ui
