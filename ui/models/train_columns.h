#pragma once

#include "table/column_type.h"

#include <QString>

#include <vector>

namespace assay::table {
class Table;
}

namespace assay::ui {

// A column of the training data as the train dialog offers it: a target or a feature.
struct TrainColumn {
    QString name;
    table::ColumnType type = table::ColumnType::String;
    // Every value present and different from every other (an int or text column): an id,
    // which a model would only memorise.
    bool idLike = false;
};

// The columns of `data` in their order, id-like ones marked. Reads every value once.
std::vector<TrainColumn> describeColumns(const table::Table &data);

// Whether the dialog checks `column` as a feature by default: not ids, not datetimes.
bool suggestedAsFeature(const TrainColumn &column);

// Why a column is unchecked by default, for its tooltip; empty when it is suggested.
QString whyNotSuggested(const TrainColumn &column);

} // namespace assay::ui
