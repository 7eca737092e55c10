#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace assay::monitor {

// One feature value as a serving system logged it.
struct LoggedValue {
    enum class Kind : std::uint8_t { Missing, Number, Text };
    Kind kind = Kind::Missing;
    double number = 0;  // Number (JSON true/false become 1/0)
    std::string text;   // Text

    static LoggedValue missing() { return {}; }
    static LoggedValue of(double value) { return {.kind = Kind::Number, .number = value, .text = {}}; }
    static LoggedValue of(std::string value)
    {
        return {.kind = Kind::Text, .number = 0, .text = std::move(value)};
    }
};

// One prediction (or one late label) read from a log. A batch request gives one record per
// instance, numbered by `item`. A record holding only an id and a label is a label record.
struct LogRecord {
    std::optional<std::int64_t> timestampNs; // UTC; empty when the line carried none
    std::string id;                          // the request or row id; "" when none was logged
    std::vector<std::pair<std::string, LoggedValue>> features; // in logged order
    std::optional<double> score;             // positive-class probability, or a regression value
    std::optional<std::string> predictedClass;
    std::optional<std::string> label;        // the true outcome, when known
    std::uint32_t item = 0;                  // index of the instance within its line

    bool isLabelOnly() const { return features.empty() && !score && !predictedClass && label.has_value(); }
};

} // namespace assay::monitor
