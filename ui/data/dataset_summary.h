#pragma once

#include "workspace/dataset_catalog.h"

#include <QString>

#include <cstdint>

namespace assay::ui {

// "24,000 rows × 19 columns · 3.1 MB · tracked (md5 1a2b3c4d)"
QString datasetSummary(const workspace::DatasetEntry &entry, std::uint64_t rows,
                       std::uint64_t columns);

} // namespace assay::ui
