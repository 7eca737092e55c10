#pragma once

#include "stats/profile.h"

#include <string_view>

namespace assay::validate {

// The profile of the column with this name, or null.
inline const stats::ColumnProfile *findColumn(const stats::DatasetProfile &profile,
                                              std::string_view name)
{
    for (const auto &column : profile.columns) {
        if (column.name == name)
            return &column;
    }
    return nullptr;
}

} // namespace assay::validate
