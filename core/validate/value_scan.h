#pragma once

#include "common/result.h"
#include "stats/profile.h"
#include "table/table.h"

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace assay::validate {

// Visits every non-missing value of one column, formatted as Column::format() writes it.
using ValueVisitor = std::function<void(std::string_view value)>;
// Streams a column of the data being validated to a visitor; checks that need every value
// call it when the profile's value counts are capped (more than kExactDistinctLimit distinct).
using ValueStream = std::function<Status(std::string_view column, const ValueVisitor &visit)>;

// A stream over a table in memory (tests, small data).
ValueStream streamOfTable(const table::Table &table);

// Whether the profile holds every distinct value of the column with its count.
bool hasExactValueCounts(const stats::ColumnProfile &column);

// Values of a column that a predicate refuses, counted exactly.
struct RejectedValues {
    std::uint64_t count = 0; // rows
    std::vector<stats::ValueCount>
        examples;               // by count descending then value; at most `maxExamples`
    std::uint64_t distinct = 0; // distinct refused values (a lower bound past 10,000)
};

// From the exact value counts when the profile has them, else by streaming every value.
Result<RejectedValues> rejectedValues(const stats::ColumnProfile &column, const ValueStream &stream,
                                      const std::function<bool(std::string_view)> &accept,
                                      std::size_t maxExamples = 5);

// Values that occur more than once.
struct DuplicatedValues {
    std::uint64_t rows = 0; // rows holding a value seen before (count - distinct)
    std::vector<stats::ValueCount> examples;
};
Result<DuplicatedValues> duplicatedValues(const stats::ColumnProfile &column,
                                          const ValueStream &stream, std::size_t maxExamples = 5);

// "'Lisbon' (2), 'Porto' (1)", with ", …" when `total` distinct values are more than shown.
std::string describeValues(const std::vector<stats::ValueCount> &values, std::uint64_t total);
// A share of rows for people: "0.4%", "<0.1%", "12%".
std::string describeShare(double share);
// A number for people: "18", "1.5", "1.2346e+06".
std::string describeNumber(double value);

} // namespace assay::validate
