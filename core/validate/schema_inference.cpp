#include "validate/schema_inference.h"

#include <algorithm>
#include <cmath>

namespace assay::validate {

namespace {

double presenceRoundedDown(std::uint64_t count, std::uint64_t rows)
{
    if (rows == 0)
        return 0;
    // The epsilon keeps 0.29 (stored as 0.28999...) from dropping to 0.28.
    const double fraction = static_cast<double>(count) / static_cast<double>(rows);
    return std::floor(fraction * 100 + 1e-9) / 100;
}

std::optional<std::vector<std::string>> inferDomain(const stats::ColumnProfile &column,
                                                    const InferenceOptions &options)
{
    const bool exact = column.distinctExact && column.valueCounts.size() == column.distinct;
    if (column.type != table::ColumnType::String || !exact || column.distinct == 0 ||
        column.distinct > options.maxDomainSize ||
        static_cast<double>(column.count) <
            options.minMeanCountPerValue * static_cast<double>(column.distinct))
        return std::nullopt;
    std::vector<std::string> values;
    for (const auto &entry : column.valueCounts)
        values.push_back(entry.value);
    std::sort(values.begin(), values.end());
    return values;
}

} // namespace

Schema inferSchema(const stats::DatasetProfile &profile, const InferenceOptions &options)
{
    Schema schema;
    if (profile.rows > 0)
        schema.rowCount.min = 1;
    for (const auto &column : profile.columns) {
        ColumnSchema c;
        c.name = column.name;
        c.type = column.type;
        c.required = profile.rows > 0 && column.missing == 0;
        c.minPresence = c.required ? 1.0 : presenceRoundedDown(column.count, profile.rows);
        if (typeHasRange(column.type) && column.count > 0) {
            c.min = column.min;
            c.max = column.max;
        }
        c.domain = inferDomain(column, options);
        schema.columns.push_back(std::move(c));
    }
    return schema;
}

} // namespace assay::validate
