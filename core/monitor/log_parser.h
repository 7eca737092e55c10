#pragma once

#include "monitor/flat_json.h"
#include "monitor/log_record.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay::monitor {

// Why one line could not be read; `column` is 1-based within the line (0 when unknown).
struct LineError {
    std::size_t column = 0;
    std::string reason;
};

// Reads the lines serving systems write, one JSON document per line, in any of these shapes
// (unwrapped in this order, then combined):
//   * Fluentd's "TIME<TAB>TAG<TAB>{json}" lines: the JSON part is read;
//   * CloudEvents envelopes ({"specversion", "type", "source", "id", "time", "data": {...}}):
//     "data" (or "data_base64" holding JSON) is the record, "time" its timestamp when it has none;
//   * flat records: {"timestamp": ..., "id": ..., "age": 41, "income": 5200.0, "prediction": 0.83};
//   * features under "features"/"inputs"/"input"/"request" as an object;
//   * MLflow scoring requests: "dataframe_records" [{...}], "dataframe_split"
//     {"columns", "data"}, "instances" [{...}] or [[...]] with "columns";
//   * KServe V1 {"instances": [...]} with {"predictions": [...]}; KServe V2 "inputs"/"outputs"
//     tensors ([{"name", "shape", "datatype", "data"}]), one tensor per feature or one 2-D
//     tensor with "names"/"parameters.feature_names";
//   * Seldon {"data": {"names": [...], "ndarray": [[...]]}} (and "tensor": {"shape", "values"}).
// Request and response may sit side by side or under "request"/"response".
// Timestamps come from "timestamp", "time", "ts", "@timestamp" or "date": ISO 8601 (with or
// without zone; no zone is UTC) or epoch seconds, milliseconds, microseconds or nanoseconds,
// told apart by magnitude. Ids from "id", "request_id", "requestId", "prediction_id",
// "event_id" or "uuid". Predictions from "prediction", "predictions", "score", "probability",
// "proba", "probabilities", "outputs", "output": a number is the score; a pair or a
// {"0": p0, "1": p1} / {"no": .., "yes": ..} object gives the positive class's probability
// (the last class, or `positiveClass` when set); a string or integer class is the predicted
// class. Labels from "label", "target", "actual", "ground_truth", "y_true", or the model's
// target column name. A batch request becomes one record per instance; when its instances
// carry no ids of their own they get the line's id with "/ITEM" appended.
class LogLineParser {
public:
    struct Options {
        std::string targetColumn;  // the model's target, also read as a label key
        std::string positiveClass; // which probability is the score; "" = the last one
        // Names for features logged by position only (KServe/MLflow/Seldon rows without
        // names): usually the model's features; beyond them positions are named "0", "1", ...
        std::vector<std::string> featureNames;
    };
    explicit LogLineParser(Options options = {});

    // Appends this line's records to `out`; on failure appends nothing and fills `error`.
    // A blank line gives no record and no error.
    bool parse(std::string_view line, std::vector<LogRecord> &out, LineError &error);

private:
    bool parseRecord(std::string_view json, std::size_t base, std::optional<std::int64_t> envelopeTime,
                     std::vector<LogRecord> &out, LineError &error);

    Options m_options;
    FlatJson m_json;    // reused line after line
    FlatJson m_payload; // CloudEvents data_base64 or data given as a JSON string
    std::string m_decoded;
};

// Parses an ISO 8601 date-time or an epoch number (seconds, ms, µs or ns by magnitude) into
// UTC nanoseconds; empty when it is neither.
std::optional<std::int64_t> parseLogTimestamp(std::string_view text);

} // namespace assay::monitor
