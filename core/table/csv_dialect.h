#pragma once

#include "table/type_inference.h"

#include <string>
#include <string_view>
#include <vector>

namespace assay::table {

// Picks the delimiter among , \t ; | from the first lines of `sample` (which starts at a
// row start): the candidate that splits every sampled row into the same number of fields
// (two or more) wins, the one giving more fields on a tie, then the earlier candidate.
// Without a consistent candidate, the one most rows agree on; ',' when nothing splits.
char sniffDelimiter(std::string_view sample, bool sampleIsWholeFile);

// What the header detection knows about a column.
struct ColumnEvidence {
    std::string firstRowValue;       // the first row's field
    InferredType sampleType;         // inferred from the following rows of the sample
    bool firstValueInSample = false; // the first row's value also occurs in later rows
};

// HeaderMode::Auto. The first row is a header when
//  1. some column whose later rows have a non-string type (int, float, bool, datetime) has
//     a first-row field that is not missing and does not parse as that type (the "age"
//     above numbers), or
//  2. no column has a non-string type, and the first-row values look like names: all
//     non-empty, distinct, not missing tokens, not numbers/bools/datetimes, and none of
//     them occurs again in its column.
// Otherwise the first row is data.
bool looksLikeHeader(const std::vector<ColumnEvidence> &columns);

// Header names as columns: empty names become column_N (1-based position), repeated names
// get .1, .2 suffixes like pandas.
std::vector<std::string> uniqueColumnNames(std::vector<std::string> names);
std::vector<std::string> defaultColumnNames(std::size_t count);

} // namespace assay::table
