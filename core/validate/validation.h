#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "stats/profile.h"
#include "table/reader.h"
#include "validate/anomaly.h"
#include "validate/data_suite.h"
#include "validate/schema.h"
#include "validate/suite_checks.h"
#include "validate/value_scan.h"

#include <optional>
#include <string>
#include <vector>

namespace assay::version {
struct DatasetRef;
}

namespace assay::validate {

struct ValidationReport {
    std::string source;
    std::uint64_t rows = 0;
    std::vector<Anomaly> anomalies;
    std::vector<TestResult> tests; // empty when no suite was given

    // An error-severity anomaly or a failed test: `assay validate` exits 1.
    bool failed() const;
};

// Validates a profile against a schema and, when given, a suite.
Result<ValidationReport> validateProfile(const Schema &schema, const stats::DatasetProfile &profile,
                                         const DataSuite *suite = nullptr,
                                         const ValueStream &values = {});

// Profiles a file or a tracked dataset at a revision ("data/credit.csv@HEAD~1") in one
// streaming pass, then validates it; checks that need every value of a column with more
// than kExactDistinctLimit distinct values read the data again.
Result<ValidationReport> validateDataset(const version::DatasetRef &ref, const Schema &schema,
                                         const DataSuite *suite = nullptr,
                                         const table::ReadOptions &options = {},
                                         const Progress &progress = {});

} // namespace assay::validate
