#pragma once

#include "common/result.h"
#include "stats/profile.h"
#include "validate/schema.h"
#include "validate/value_scan.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay::validate {

enum class AnomalyKind {
    MissingColumn,    // in the schema, not in the data
    NewColumn,        // in the data, not in the schema
    TypeMismatch,     // values that are not of the schema's type
    OutOfRange,       // numbers outside [min, max]
    UnexpectedValues, // values outside the domain
    LowPresence,      // too many missing values
    RowCount,         // row count outside the declared bounds
};

enum class Severity { Warning, Error };

// Above this share of rows, unexpected values are an error rather than a warning.
inline constexpr double kUnexpectedValuesErrorShare = 0.01;

// One way the data departs from its schema.
struct Anomaly {
    std::string column; // empty for RowCount
    AnomalyKind kind = AnomalyKind::MissingColumn;
    Severity severity = Severity::Error;
    std::string detail; // a sentence for people, naming the column and the values

    // Rows concerned and their share of all rows, when the kind counts values.
    std::optional<std::uint64_t> count;
    std::optional<double> share;
    std::vector<stats::ValueCount> values; // the most frequent offending values (at most 5)
};

// "missing_column", "new_column", "type_mismatch", "out_of_range", "unexpected_values",
// "low_presence", "row_count".
std::string_view kindName(AnomalyKind kind);
// "error", "warning".
std::string_view severityName(Severity severity);

// Compares a profile with a schema. The anomalies come in a stable order: row count, then
// the schema's columns in order, then new columns in the data's order. `values` is called
// only for columns whose profile lacks exact value counts; an error from it is returned.
// Severities: missing_column error when required (else warning), new_column warning,
// type_mismatch error (int data in a float column and anything in a string column are
// fine), out_of_range error, unexpected_values error above kUnexpectedValuesErrorShare of
// the rows (else warning), low_presence error, row_count error.
Result<std::vector<Anomaly>> detectAnomalies(const Schema &schema,
                                             const stats::DatasetProfile &profile,
                                             const ValueStream &values = {});

} // namespace assay::validate
