// TEMPORARY stand-in for the real monitor evaluation (another helper writes it): a plausible
// report from the monitor's rows, one window over everything, so the exposition can be served.
#include "monitor/monitor_config.h"
#include "monitor/monitor_evaluation.h"
#include "workspace/workspace.h"

#include <chrono>

namespace assay::monitor {

Result<MonitorReport> evaluateMonitor(workspace::Workspace &workspace, const std::string &monitorName,
                                      const std::optional<WindowSpec> &, const Progress &)
{
    auto &db = workspace.database();
    auto config = findMonitor(db, monitorName);
    if (!config)
        return config.error();
    if (auto model = openMonitoredModel(workspace, config->modelRef); !model)
        return model.error();
    auto names = monitorFeatureNames(db, config->id);
    if (!names)
        return names.error();
    MonitorReport report;
    report.monitor = config->name;
    report.modelRef = config->modelRef;
    report.window = config->window;
    report.generation = config->generation;
    report.task = "binary";
    report.computedMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    auto count = db.prepare("SELECT COUNT(*), MIN(ts_ns), MAX(ts_ns) FROM monitor_rows WHERE monitor_id = ?");
    if (!count)
        return count.error();
    count->bind(1, config->id);
    if (auto row = count->step(); row && *row) {
        report.totalRows = static_cast<std::uint64_t>(count->columnInt(0));
        if (report.totalRows > 0) {
            WindowResult window;
            window.startNs = count->columnInt(1);
            window.endNs = count->columnInt(2) + 1;
            window.rows = report.totalRows;
            for (std::size_t i = 0; i < names->size(); ++i) {
                const double score = 0.4 * static_cast<double>(i + 1);
                FeatureWindowDrift feature;
                feature.name = (*names)[i];
                feature.test = drift::DriftTest::Ks;
                feature.score = score;
                feature.drifted = score >= 1;
                window.features.push_back(feature);
                window.testedFeatures++;
                window.driftedFeatures += score >= 1;
            }
            if (window.testedFeatures)
                window.driftShare = double(window.driftedFeatures) / double(window.testedFeatures);
            BinaryPerformance estimated;
            estimated.rows = window.rows;
            estimated.accuracy = 0.8;
            estimated.rocAuc = 0.83;
            window.estimated = estimated;
            window.reconstructionError = 1.25;
            report.windows.push_back(std::move(window));
        }
    }
    auto labels = db.prepare("SELECT COUNT(*) FROM monitor_labels WHERE monitor_id = ?");
    if (!labels)
        return labels.error();
    labels->bind(1, config->id);
    if (auto row = labels->step(); row && *row)
        report.labels = static_cast<std::uint64_t>(labels->columnInt(0));
    return report;
}

} // namespace assay::monitor
