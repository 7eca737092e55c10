#pragma once

#include "common/result.h"
#include "model/model_document.h"
#include "track/run_record.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace assay::workspace {
class Workspace;
class Database;
} // namespace assay::workspace

namespace assay::monitor {

// A monitor watches one model's prediction logs. Its name labels everything it produces (the
// CLI's --model, the Prometheus `model` label): the registered model's name for a registry
// reference ("credit-risk", "credit-risk@champion" → "credit-risk"), else the run's name.
struct MonitorConfig {
    std::int64_t id = 0;
    std::string name;
    std::string modelRef;   // as given: "credit-risk", "credit-risk:2", a run id or name
    std::string reference;  // dataset ref; "" = the run's "test" dataset, else its training data
    std::string window = "day";   // window spec text (window_spec.h)
    std::string rulesJson = "[]"; // alert rules (alert_rules.h); "[]" = the default rules
    std::int64_t generation = 0;  // bumped by every ingest that stored rows and every change here
    std::int64_t createdMs = 0;
    std::string createdBy;
};

// What the user asks for when creating or changing a monitor; unset fields keep their value.
struct MonitorSetup {
    std::string model;                    // registry ref or run
    std::optional<std::string> reference; // dataset ref
    std::optional<std::string> window;    // validated with parseWindowSpec
    std::optional<std::string> rulesJson; // validated with parseAlertRules
};

// The monitor name a model reference gets (see MonitorConfig); NotFound for an unknown model.
Result<std::string> monitorNameFor(workspace::Workspace &workspace, const std::string &modelRef);

// Creates the monitor for setup.model, or updates the one with that name. Needs
// Action::MonitorModel; appends a "monitor.configure" audit entry when anything changed.
// InvalidInput names the bad field ("window: unknown window 'fortnight' …").
Result<MonitorConfig> configureMonitor(workspace::Workspace &workspace, const MonitorSetup &setup);

// By name, oldest first; NotFound names the monitor and lists the known ones.
Result<MonitorConfig> findMonitor(workspace::Database &database, const std::string &name);
Result<std::vector<MonitorConfig>> listMonitors(workspace::Database &database);

// The model a monitor watches: a registry reference resolves to the version it names now
// (so "credit-risk:production" follows promotions), else a run id or name.
struct MonitoredModel {
    std::string monitorName;
    model::LoadedModel model;
    track::RunRecord run;
};
Result<MonitoredModel> openMonitoredModel(workspace::Workspace &workspace, const std::string &modelRef);

// The feature names a monitor has seen, index = position in the feature blobs.
Result<std::vector<std::string>> monitorFeatureNames(workspace::Database &database,
                                                     std::int64_t monitorId);

} // namespace assay::monitor
