#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay::validate {

// The declarative data tests a suite file may hold (Great Expectations' most used ones).
enum class CheckKind {
    NotNull,         // no missing value
    Unique,          // no non-missing value occurs twice
    Between,         // every value within [min, max]
    InSet,           // every non-missing value is one of a list
    Regex,           // every non-missing value fully matches a pattern
    MeanBetween,     // the column's mean within [min, max]
    StdBetween,      // the column's sample standard deviation within [min, max]
    RowCountBetween, // the dataset's row count within [min, max]
};

// "not_null", "unique", "between", "in_set", "regex", "mean_between", "std_between",
// "row_count_between": the keys of the suite file.
std::string_view checkName(CheckKind kind);
std::optional<CheckKind> checkFromName(std::string_view name);

// Inclusive bounds; an empty side is not checked.
struct Bounds {
    std::optional<double> min;
    std::optional<double> max;
};

struct DataTest {
    std::string name;   // given in the file, else "COLUMN CHECK" (or just CHECK)
    std::string column; // empty for RowCountBetween
    CheckKind check = CheckKind::NotNull;
    Bounds bounds;                   // Between, MeanBetween, StdBetween, RowCountBetween
    std::vector<std::string> values; // InSet, as written in the file
    std::string pattern;             // Regex
};

struct DataSuite {
    std::vector<DataTest> tests;
};

} // namespace assay::validate
