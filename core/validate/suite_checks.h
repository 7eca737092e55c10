#pragma once

#include "common/result.h"
#include "stats/profile.h"
#include "validate/data_suite.h"
#include "validate/value_scan.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace assay::validate {

struct TestResult {
    std::string name;
    std::string column; // empty for row_count_between
    CheckKind check = CheckKind::NotNull;
    bool passed = false;
    std::string detail;                       // a sentence for people: what was found
    std::optional<std::uint64_t> failingRows; // rows that broke a per-value check
};

// Runs every test of the suite against a profile, in the suite's order. Unique, regex,
// in_set and between read every value: from the profile's exact value counts, else through
// `values`. A test on a column the data lacks fails. Regex tests need a full match of the
// value as Column::format() writes it; in_set on an int or float column compares numbers
// (so 1 and 1.0 are the same), otherwise text. Missing values are skipped by every check
// but not_null.
Result<std::vector<TestResult>> runSuite(const DataSuite &suite,
                                         const stats::DatasetProfile &profile,
                                         const ValueStream &values = {});

} // namespace assay::validate
