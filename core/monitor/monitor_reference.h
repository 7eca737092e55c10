#pragma once

// The reference a monitor's windows are compared with, prepared once per evaluation.
#include "common/progress.h"
#include "common/result.h"
#include "model/task.h"
#include "monitor/isotonic_calibrator.h"
#include "monitor/monitor_config.h"
#include "monitor/reconstruction_error.h"
#include "table/table.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace assay::monitor {

// How a logged label text becomes 1 (the model's positive class) or 0; -1 when it is neither.
struct LabelCoding {
    std::string positive; // classes[1] of a binary model
    std::string negative; // classes[0]

    std::int8_t code(std::string_view label) const;
};

struct MonitorReference {
    std::string label;               // "data/credit.csv@3f2a9c1"
    table::Table data;               // as read: features, target and anything else
    std::vector<std::string> features; // the model's features the reference holds, model order
    table::Table featureTable;       // just those columns, for drift and windows' types
    model::Task task = model::Task::Regression;
    LabelCoding labels;              // binary only
    std::vector<double> scores;      // the model's output per row (binary: positive probability)
    std::vector<std::int8_t> outcomes; // binary: 1/0 per row, -1 where the target is missing
    IsotonicCalibrator calibrator;   // binary with outcomes; empty otherwise
    std::optional<ReconstructionModel> reconstruction; // empty with fewer than 2 features
    double threshold = 0.5;

    std::size_t rows() const { return data.rowCount(); }
};

// Reads the reference (MonitorConfig::reference, else the run's "test" dataset, else its
// training data), scores it with the model and fits the calibrator and the reconstruction
// model. InvalidInput when the reference holds none of the model's features.
Result<MonitorReference> loadMonitorReference(workspace::Workspace &workspace, const MonitorConfig &config,
                                              const MonitoredModel &monitored, const Progress &progress = {});

// Rows [begin, end) of `table`, every column.
table::Table sliceRows(const table::Table &table, std::size_t begin, std::size_t end);
// Every row but [begin, end).
table::Table withoutRows(const table::Table &table, std::size_t begin, std::size_t end);

} // namespace assay::monitor
