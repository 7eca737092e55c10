#pragma once

// Streams a monitor's logged rows in time order, window by window, decoding each row's
// features straight into columns typed like the reference's, so memory holds one window.
#include "common/progress.h"
#include "common/result.h"
#include "monitor/monitor_reference.h"
#include "monitor/window_spec.h"
#include "table/table.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace assay::workspace {
class Database;
}

namespace assay::monitor {

struct WindowBatch {
    std::int64_t startNs = 0;
    std::int64_t endNs = 0;
    table::Table features;           // the reference's feature columns and types
    std::vector<double> scores;      // NaN where no score was logged
    std::vector<std::int8_t> labels; // 1/0 by the label coding, -1 without a (known) label
    std::vector<std::string> labelTexts; // only when WindowRead::keepLabelTexts
    std::uint64_t unfitValues = 0;   // values that did not fit the reference's type (made missing)
    std::uint64_t corruptRows = 0;   // feature blobs that could not be decoded

    std::size_t rows() const { return scores.size(); }
};

struct WindowRead {
    std::int64_t monitorId = 0;
    WindowSpec spec;
    const table::Table *reference = nullptr; // the columns (names, types) each window gets
    LabelCoding labels;
    std::optional<std::int64_t> fromNs; // limits the rows read: [fromNs, toNs)
    std::optional<std::int64_t> toNs;
    std::uint64_t maxRows = 0;          // 0: every row
    bool keepLabelTexts = false;
};

// Calls `onWindow` for each window with rows, oldest first; stops at its first error.
// Windows by period hold one UTC hour/day/week; rows:N windows N rows (the last may hold
// fewer); chunks:N cuts the rows into N nearly equal runs. Reports progress by rows read.
Status forEachWindow(workspace::Database &database, const WindowRead &read,
                     const std::function<Status(WindowBatch &)> &onWindow, const Progress &progress = {});

// How many rows the monitor has logged in [fromNs, toNs).
Result<std::uint64_t> countLoggedRows(workspace::Database &database, std::int64_t monitorId,
                                      std::optional<std::int64_t> fromNs = {}, std::optional<std::int64_t> toNs = {});

} // namespace assay::monitor
