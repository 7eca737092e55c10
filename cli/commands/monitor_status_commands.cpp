// assay monitor status|check|rules|list: the windows of a monitor, its alerts and the rules.
#include "command_registry.h"
#include "output.h"
#include "runs_shared.h"
#include "text_format.h"
#include "monitor/alert_rules.h"
#include "monitor/monitor_config.h"
#include "monitor/monitor_evaluation.h"
#include "table/datetime_parse.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace assay::cli {

namespace {

void printRaw(const std::string &json)
{
    std::fputs(json.c_str(), stdout);
    if (json.empty() || json.back() != '\n')
        std::fputc('\n', stdout);
    std::fflush(stdout);
}

Result<std::optional<monitor::WindowSpec>> windowOption(const CommandContext &context)
{
    const auto text = context.arguments.value("window");
    if (!text)
        return std::optional<monitor::WindowSpec>();
    auto spec = monitor::parseWindowSpec(*text);
    if (!spec)
        return Error::invalidInput("--window: " + spec.error().message);
    return std::optional<monitor::WindowSpec>(*spec);
}

std::string optionalNumber(const std::optional<double> &value)
{
    return value ? compactNumber(*value) : "-";
}

std::string windowStart(const monitor::MonitorReport &report, std::int64_t ns)
{
    const std::string iso = table::formatIsoDatetime(ns);
    const bool dateOnly = report.window == "day" || report.window == "week";
    return iso.substr(0, std::min<std::size_t>(dateOnly ? 10 : 16, iso.size()));
}

QJsonObject monitorToJson(const monitor::MonitorConfig &config)
{
    return {{QStringLiteral("name"), qs(config.name)},         {QStringLiteral("model"), qs(config.modelRef)},
            {QStringLiteral("reference"), qs(config.reference)}, {QStringLiteral("window"), qs(config.window)},
            {QStringLiteral("rules"), QJsonDocument::fromJson(QByteArray::fromStdString(config.rulesJson)).array()},
            {QStringLiteral("generation"), double(config.generation)},
            {QStringLiteral("created_ms"), double(config.createdMs)},
            {QStringLiteral("created_by"), qs(config.createdBy)}};
}

void printMonitors(const std::vector<monitor::MonitorConfig> &monitors)
{
    std::vector<std::vector<std::string>> rows{{"MONITOR", "MODEL", "WINDOW", "REFERENCE", "CREATED"}};
    for (const auto &config : monitors)
        rows.push_back({config.name, config.modelRef, config.window,
                        config.reference.empty() ? "(the run's test or training data)" : config.reference,
                        localTime(config.createdMs) + " by " + config.createdBy});
    printTable(rows);
}

// The monitors as `monitor list` prints them: a JSON array, a hint when there are none, or a table.
void showMonitors(const std::vector<monitor::MonitorConfig> &monitors, bool json)
{
    if (json) {
        QJsonArray array;
        for (const auto &config : monitors)
            array.append(monitorToJson(config));
        printJsonArray(array);
    } else if (monitors.empty()) {
        printLine("no monitors yet (assay monitor ingest LOG --model NAME)");
    } else {
        printMonitors(monitors);
    }
}

void printReport(const monitor::MonitorReport &report)
{
    printLine(report.monitor + " — model " + report.modelRef + ", reference " + report.reference + " (" +
              std::to_string(report.referenceRows) + " rows), windows " + report.window + ", " +
              std::to_string(report.totalRows) + " logged rows, " + std::to_string(report.labels) + " labelled");
    if (report.windows.empty()) {
        printLine("no logged rows yet (assay monitor ingest LOG --model " + report.monitor + ")");
        return;
    }
    std::vector<std::vector<std::string>> rows{
        {"START", "ROWS", "LABELED", "DRIFTED", "SHARE", "RECON ERR", "EST AUC", "REAL AUC", "ALERTS"}};
    for (const auto &window : report.windows)
        rows.push_back({windowStart(report, window.startNs), std::to_string(window.rows) + (window.tooFewRows ? "*" : ""),
                        std::to_string(window.labeledRows),
                        std::to_string(window.driftedFeatures) + "/" + std::to_string(window.testedFeatures),
                        compactNumber(window.driftShare), optionalNumber(window.reconstructionError),
                        window.estimated ? optionalNumber(window.estimated->rocAuc) : "-",
                        window.realized ? optionalNumber(window.realized->rocAuc) : "-",
                        std::to_string(window.alerts.size())});
    printTable(rows);
    bool anyAlert = false;
    for (const auto &window : report.windows)
        for (const auto &alert : window.alerts) {
            if (!anyAlert)
                printLine("\nalerts");
            anyAlert = true;
            printLine("  " + windowStart(report, window.startNs) + "  " + alert.message);
        }
    if (!report.warnings.empty()) {
        printLine("\nwarnings" + std::string(report.warnings.size() > 1 ? " (* = under 300 rows)" : ""));
        for (const auto &warning : report.warnings)
            printLine("  " + warning);
    }
}

int runStatus(CommandContext &context)
{
    const Command &command = *findCommand("monitor status");
    const auto &positional = context.arguments.positional();
    if (positional.size() > 1)
        return usageError(command, "expected at most one monitor");
    auto window = windowOption(context);
    if (!window)
        return usageError(command, window.error().message);
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    std::string name;
    if (positional.empty()) {
        auto monitors = monitor::listMonitors(ws->database());
        if (!monitors)
            return fail(monitors.error());
        if (monitors->size() != 1) {
            showMonitors(*monitors, context.json);
            if (!context.json && !monitors->empty())
                printLine("\nname one: assay monitor status MONITOR");
            return ExitOk;
        }
        name = monitors->front().name;
    } else {
        name = positional.front();
    }
    auto report = monitor::evaluateMonitor(*ws, name, *window, context.progress);
    if (!report)
        return fail(report.error());
    if (context.json)
        printRaw(monitor::reportJson(*report));
    else
        printReport(*report);
    return ExitOk;
}

int runCheck(CommandContext &context)
{
    const Command &command = *findCommand("monitor check");
    auto window = windowOption(context);
    if (!window)
        return usageError(command, window.error().message);
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    std::vector<std::string> names = context.arguments.positional();
    if (names.empty()) {
        auto monitors = monitor::listMonitors(ws->database());
        if (!monitors)
            return fail(monitors.error());
        for (const auto &config : *monitors)
            names.push_back(config.name);
    }
    bool alerting = false;
    std::string array = "[";
    for (const auto &name : names) {
        auto report = monitor::evaluateMonitor(*ws, name, *window, context.progress);
        if (!report)
            return fail(report.error());
        const monitor::WindowResult *latest = report->latest();
        const bool alerts = latest && !latest->alerts.empty();
        alerting = alerting || alerts;
        if (context.json) {
            array += (array.size() > 1 ? ",\n" : "\n") + monitor::reportJson(*report);
            continue;
        }
        if (!latest) {
            printLine("OK     " + name + ": no logged rows yet");
        } else if (!alerts) {
            printLine("OK     " + name + ": window " + windowStart(*report, latest->startNs) + ", " +
                      std::to_string(latest->rows) + " rows, no alert");
        } else {
            printLine("ALERT  " + name + ": window " + windowStart(*report, latest->startNs) + ", " +
                      std::to_string(latest->rows) + " rows");
            for (const auto &alert : latest->alerts)
                printLine("         " + alert.message);
        }
    }
    if (context.json)
        printRaw(array + "]");
    return alerting ? ExitCheckFailed : ExitOk;
}

int runRules(CommandContext &context)
{
    const Command &command = *findCommand("monitor rules");
    const auto &positional = context.arguments.positional();
    if (positional.size() != 1)
        return usageError(command, "expected one monitor");
    const auto set = context.arguments.values("set");
    const bool reset = context.arguments.flag("reset");
    if (reset && !set.empty())
        return usageError(command, "--set and --reset do not go together");
    std::vector<monitor::AlertRule> rules;
    for (const auto &text : set) {
        auto rule = monitor::parseAlertRule(text);
        if (!rule)
            return usageError(command, rule.error().message);
        rules.push_back(*rule);
    }
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    auto config = monitor::findMonitor(ws->database(), positional.front());
    if (!config)
        return fail(config.error());
    if (reset || !set.empty()) {
        auto changed = monitor::configureMonitor(
            *ws, {.model = config->modelRef, .reference = {}, .window = {},
                  .rulesJson = reset ? std::string("[]") : monitor::alertRulesJson(rules)});
        if (!changed)
            return fail(changed.error());
        *config = *changed;
    }
    auto inForce = monitor::parseAlertRules(config->rulesJson);
    if (!inForce)
        return fail(inForce.error());
    const bool defaults = monitor::alertRulesJson(*inForce) == monitor::alertRulesJson(monitor::defaultAlertRules());
    if (context.json) {
        QJsonArray array;
        for (const auto &rule : *inForce)
            array.append(qs(monitor::alertRuleText(rule)));
        printJson({{QStringLiteral("monitor"), qs(config->name)}, {QStringLiteral("rules"), array},
                   {QStringLiteral("defaults"), defaults}});
        return ExitOk;
    }
    printLine(config->name + ": " + (defaults ? "the default rules" : "its own rules"));
    for (const auto &rule : *inForce)
        printLine("  " + monitor::alertRuleText(rule));
    return ExitOk;
}

int runList(CommandContext &context)
{
    const Command &command = *findCommand("monitor list");
    if (!context.arguments.positional().empty())
        return usageError(command, "unexpected argument '" + context.arguments.positional().front() + "'");
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    auto monitors = monitor::listMonitors(ws->database());
    if (!monitors)
        return fail(monitors.error());
    showMonitors(*monitors, context.json);
    return ExitOk;
}

const OptionSpec kWindowOption{"window", true, "SPEC", "hour, day, week, rows:N or chunks:N (default: the monitor's)"};

} // namespace

void addMonitorStatusCommands(std::vector<Command> &into)
{
    into.push_back(
        {"monitor status", "a monitor's windows: drift, reconstruction error, estimated and realized AUC, alerts",
         "[MONITOR] [--window SPEC]",
         "Tests every window of logged rows against the monitor's reference (its dataset, else the run's test\n"
         "data, else its training data): drift per feature and of the prediction, the share of drifted\n"
         "features, the PCA reconstruction error, performance estimated from calibrated scores and realized\n"
         "where labels arrived; then the alerts and warnings (* marks windows under 300 rows). Results are\n"
         "cached until the next ingest or configuration change. Without MONITOR: the only monitor, or the list.\n"
         "--json prints the report: {\"monitor\", \"model\", \"reference\", \"window\", \"bands\", \"rules\",\n"
         "\"windows\": [{\"start_ns\", \"rows\", \"features\": [...], \"alerts\": [...] ...}], \"warnings\"}.",
         "assay monitor status credit-risk --window week", {kWindowOption}, runStatus});
    into.push_back(
        {"monitor check", "exit 1 when the latest window of a monitor has an alert", "[MONITOR...] [--window SPEC]",
         "Evaluates each monitor (all without names) and looks at its latest window: prints OK or ALERT with\n"
         "the alerts. Exit 0 when no latest window alerts, 1 when one does, 2 on errors — for schedulers.\n"
         "--json prints a JSON array of the reports, as `monitor status --json` prints one.",
         "assay monitor check credit-risk || notify-team", {kWindowOption}, runCheck});
    into.push_back(
        {"monitor rules", "show or replace a monitor's alert rules", "MONITOR [--set RULE]... [--reset]",
         "Prints the rules in force. --set (repeatable) replaces them all; --reset returns to the defaults:\n"
         "dataset_drift_share >= 0.5, prediction_drift_score >= 1, reconstruction_error band,\n"
         "estimated_roc_auc band, realized_roc_auc band. A rule is 'METRIC OP VALUE' (OP: < <= > >=) or\n"
         "'METRIC band' (outside the reference chunks' mean ± 3 std). Metrics: dataset_drift_share,\n"
         "drifted_features, prediction_drift_score, missing_share_change, reconstruction_error,\n"
         "feature_drift_score:NAME, estimated_/realized_ accuracy, precision, recall, f1, roc_auc.\n"
         "--json prints {\"monitor\", \"rules\": [...], \"defaults\"}.",
         "assay monitor rules credit-risk --set \"estimated_roc_auc < 0.75\" --set \"dataset_drift_share >= 0.3\"",
         {{"set", true, "RULE", "a rule to use (repeat for several; replaces the rules)"},
          {"reset", false, "", "go back to the default rules"}},
         runRules});
    into.push_back({"monitor list", "the monitors of the workspace", "",
                    "--json prints [{\"name\", \"model\", \"reference\", \"window\", \"rules\", \"generation\",\n"
                    "\"created_ms\", \"created_by\"}].",
                    "assay monitor list", {}, runList});
}

} // namespace assay::cli
