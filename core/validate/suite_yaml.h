#pragma once

#include "common/result.h"
#include "validate/data_suite.h"

#include <filesystem>
#include <string_view>

namespace assay::validate {

// A suite file:
//   tests:
//     - column: age
//       between: {min: 18, max: 99}
//     - column: id
//       unique: true
//       not_null: true
//     - column: email
//       regex: '^[^@]+@[^@]+$'
//       name: emails look like emails
//     - column: income
//       mean_between: {min: 1000, max: 9000}
//     - row_count_between: {min: 100}
// An entry holds a column, an optional name and one or more checks (each becomes a test;
// `not_null: false` and `unique: false` are skipped). Errors name the file, the line:column
// and the key: "checks.yaml:4:16: tests[0].between.min: expected a number, got 'old'".
Result<DataSuite> parseSuite(std::string_view yaml, std::string_view displayName);
Result<DataSuite> loadSuite(const std::filesystem::path &path);

} // namespace assay::validate
