#include "models/train_columns.h"

#include "table/table.h"

#include <QCoreApplication>

#include <unordered_set>

namespace assay::ui {

namespace {

bool allDistinct(const table::Column &column)
{
    if (column.size() < 2 || column.missingCount() > 0)
        return false;
    switch (column.type()) {
    case table::ColumnType::Int: {
        std::unordered_set<std::int64_t> seen;
        seen.reserve(column.size());
        for (std::int64_t value : column.ints())
            if (!seen.insert(value).second)
                return false;
        return true;
    }
    case table::ColumnType::String:
        // Dictionary-encoded: distinct values are distinct dictionary entries.
        return column.dictionary().size() == column.size();
    default:
        // Measurements (floats) are often all different without identifying anything.
        return false;
    }
}

} // namespace

std::vector<TrainColumn> describeColumns(const table::Table &data)
{
    std::vector<TrainColumn> columns;
    columns.reserve(data.columns().size());
    for (const table::Column &column : data.columns())
        columns.push_back(
            {QString::fromStdString(column.name()), column.type(), allDistinct(column)});
    return columns;
}

bool suggestedAsFeature(const TrainColumn &column)
{
    return !column.idLike && column.type != table::ColumnType::Datetime;
}

QString whyNotSuggested(const TrainColumn &column)
{
    if (column.idLike)
        return QCoreApplication::translate(
            "assay::ui::TrainColumns",
            "Unchecked by default: every value is different, like an id, so a model would only "
            "memorise it.");
    if (column.type == table::ColumnType::Datetime)
        return QCoreApplication::translate(
            "assay::ui::TrainColumns",
            "Unchecked by default: a date or time rarely generalises to rows from another "
            "period.");
    return {};
}

} // namespace assay::ui
