#pragma once

#include "stats/profile.h"

#include <QJsonObject>

namespace assay::cli {

// The `assay profile --json` document: {"source", "rows", "columns": [...]}, each column with
// only the keys that apply to its type (see `assay help profile`).
QJsonObject profileToJson(const stats::DatasetProfile &profile);

} // namespace assay::cli
