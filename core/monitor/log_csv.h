#pragma once

#include "monitor/log_parser.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay::monitor {

// Turns the rows of a CSV prediction log into LogRecords: the header names the columns, which
// are read by the same key names as JSON records (timestamp, id, prediction, label ...);
// every other column is a feature. Empty, NA and null cells are missing values.
class CsvLogLayout {
public:
    // InvalidInput-style reason in `error` when the timestamp column asked for is absent.
    bool setHeader(const std::vector<std::string_view> &header, const std::optional<std::string> &timestampColumn,
                   const std::string &targetColumn, std::string &error);
    bool read(const std::vector<std::string_view> &fields, LogRecord &record, LineError &error) const;

private:
    enum class Use : std::uint8_t { Feature, Timestamp, Id, Prediction, Score, Label, Ignore };
    std::vector<std::string> m_names;
    std::vector<Use> m_uses;
};

} // namespace assay::monitor
