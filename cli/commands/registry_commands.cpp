#include "command_registry.h"
#include "output.h"
#include "registry_json.h"
#include "runs_shared.h"
#include "text_format.h"
#include "govern/model_registry.h"

#include <algorithm>
#include <charconv>
#include <sstream>

namespace assay::cli {

namespace {

using govern::GateCheck;
using govern::ModelVersion;
using govern::Transition;

std::string shortId(const std::string &text, std::size_t length = 8)
{
    return text.empty() ? "-" : text.substr(0, length);
}

// VERSION as the commands take it: a number, a stage, "latest" (NAME:VERSION), or an alias
// with or without its '@'.
Result<ModelVersion> resolveVersion(workspace::Workspace &workspace, const std::string &name,
                                    const std::string &version)
{
    if (version.starts_with("@"))
        return govern::resolveModelVersion(workspace, name + version);
    auto resolved = govern::resolveModelVersion(workspace, name + ":" + version);
    if (!resolved && resolved.error().kind == ErrorKind::InvalidInput)
        if (auto byAlias = govern::resolveModelVersion(workspace, name + "@" + version); byAlias)
            return byAlias;
    return resolved;
}

std::string aliasesText(const ModelVersion &version)
{
    std::string text;
    for (const auto &alias : version.aliases)
        text += (text.empty() ? "" : ",") + alias;
    return text.empty() ? "-" : text;
}

void printChecks(const std::vector<GateCheck> &checks)
{
    std::vector<std::vector<std::string>> rows;
    for (const auto &check : checks)
        rows.push_back({check.passed ? "  PASS" : "  FAIL", check.name, check.detail});
    if (!rows.empty())
        printTable(rows);
}

// ---- register ---------------------------------------------------------------------------

int runRegister(CommandContext &context)
{
    const Command &command = *findCommand("registry register");
    const auto &positional = context.arguments.positional();
    if (positional.size() != 1)
        return usageError(command, "expected one model name");
    const auto run = context.arguments.value("run");
    if (!run)
        return usageError(command, "--run RUN is required");
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    auto version = govern::registerModel(*ws, positional[0], *run,
                                         context.arguments.value("description").value_or(""));
    if (!version)
        return fail(version.error());
    if (context.json) {
        printJson(modelVersionToJson(*version));
        return ExitOk;
    }
    printLine("registered " + version->name + " version " + std::to_string(version->version) + " from run " +
              shortId(version->runId) + " (model md5 " + shortId(version->modelMd5) + ", commit " +
              shortId(version->gitCommit, 7) + ")");
    return ExitOk;
}

// ---- list -------------------------------------------------------------------------------

int runList(CommandContext &context)
{
    const Command &command = *findCommand("registry list");
    if (!context.arguments.positional().empty())
        return usageError(command, "unexpected argument '" + context.arguments.positional().front() + "'");
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    auto models = govern::listModels(*ws);
    if (!models)
        return fail(models.error());
    if (context.json) {
        QJsonArray array;
        for (const auto &model : *models)
            array.append(registeredModelToJson(model));
        printJson({{QStringLiteral("models"), array}});
        return ExitOk;
    }
    if (models->empty()) {
        printLine("no registered models (register one with `assay registry register NAME --run RUN`)");
        return ExitOk;
    }
    std::vector<std::vector<std::string>> rows{{"MODEL", "VERSIONS", "LATEST", "PRODUCTION", "STAGING", "ALIASES"}};
    for (const auto &model : *models) {
        std::string production = "-";
        std::string staging;
        std::string aliases;
        for (const auto &version : model.versions) {
            const std::string number = std::to_string(version.version);
            if (version.stage == govern::Stage::Production)
                production = number;
            if (version.stage == govern::Stage::Staging)
                staging += (staging.empty() ? "" : ",") + number;
            for (const auto &alias : version.aliases)
                aliases += (aliases.empty() ? "" : " ") + alias + "→" + number;
        }
        rows.push_back({model.name, std::to_string(model.versions.size()),
                        model.versions.empty() ? "-" : std::to_string(model.versions.back().version), production,
                        staging.empty() ? "-" : staging, aliases.empty() ? "-" : aliases});
    }
    printTable(rows);
    return ExitOk;
}

// ---- show -------------------------------------------------------------------------------

std::string gateSummary(const govern::PromotionGate &gate)
{
    std::vector<std::string> parts;
    if (gate.schemaPath)
        parts.push_back("schema " + *gate.schemaPath);
    if (gate.modelTestsPath)
        parts.push_back("model tests " + *gate.modelTestsPath);
    for (const auto &[metric, minimum] : gate.minMetrics)
        parts.push_back(metric + " ≥ " + compactNumber(minimum));
    if (gate.driftCurrent)
        parts.push_back("drift " + gate.driftReference.value_or("training data") + " → " + *gate.driftCurrent +
                        " share ≤ " + compactNumber(gate.maxDriftShare));
    parts.push_back("approver");
    std::string text;
    for (const auto &part : parts)
        text += (text.empty() ? "" : "; ") + part;
    return text;
}

// One line of the history: what happened, for people.
std::string transitionWhat(const Transition &transition)
{
    if (transition.kind == "alias")
        return "alias " + transition.toValue +
               (transition.fromValue.empty() ? "" : " (moved from version " + transition.fromValue + ")");
    if (transition.kind == "refused") {
        std::string failed;
        if (auto checks = govern::parseGateChecks(transition.checksJson))
            for (const auto &check : *checks)
                if (!check.passed)
                    failed += (failed.empty() ? "" : ", ") + check.name;
        return "REFUSED " + transition.fromValue + " → " + transition.toValue + " (failed: " + failed + ")";
    }
    return transition.fromValue + " → " + transition.toValue;
}

struct HistoryLine {
    std::int64_t timeMs = 0;
    std::vector<std::string> cells;
};

int runShow(CommandContext &context)
{
    const Command &command = *findCommand("registry show");
    const auto &positional = context.arguments.positional();
    if (positional.size() != 1)
        return usageError(command, "expected one model name");
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    auto model = govern::showModel(*ws, positional[0]);
    if (!model)
        return fail(model.error());
    auto history = govern::transitions(*ws, model->name);
    if (!history)
        return fail(history.error());
    auto gate = govern::gate(*ws, model->name);
    if (!gate)
        return fail(gate.error());
    if (context.json) {
        QJsonObject document = registeredModelToJson(*model);
        document.insert(QStringLiteral("gate"), gateToJson(*gate));
        QJsonArray transitions;
        for (const auto &transition : *history)
            transitions.append(transitionToJson(transition));
        document.insert(QStringLiteral("transitions"), transitions);
        printJson(document);
        return ExitOk;
    }

    std::ostringstream header;
    header << model->name << (model->description.empty() ? "" : " — " + model->description) << "\n"
           << "  created  " << localTime(model->createdMs) << " by " << model->createdBy << "\n"
           << "  gate     " << gateSummary(*gate);
    printLine(header.str());
    printLine("");
    std::vector<std::vector<std::string>> rows{{"VERSION", "STAGE", "ALIASES", "RUN", "MODEL MD5", "COMMIT", "REGISTERED"}};
    for (const auto &version : model->versions)
        rows.push_back({std::to_string(version.version), std::string(govern::stageName(version.stage)),
                        aliasesText(version), shortId(version.runId), shortId(version.modelMd5),
                        shortId(version.gitCommit, 7), localTime(version.createdMs) + " by " + version.createdBy});
    printTable(rows);

    std::vector<HistoryLine> lines;
    for (const auto &version : model->versions)
        lines.push_back({version.createdMs,
                         {localTime(version.createdMs), version.createdBy, std::to_string(version.version),
                          "registered from run " + shortId(version.runId), version.description}});
    for (const auto &transition : *history)
        lines.push_back({transition.timeMs,
                         {localTime(transition.timeMs), transition.actor, std::to_string(transition.version),
                          transitionWhat(transition), transition.reason}});
    std::stable_sort(lines.begin(), lines.end(),
                     [](const HistoryLine &a, const HistoryLine &b) { return a.timeMs < b.timeMs; });
    printLine("\nhistory");
    std::vector<std::vector<std::string>> historyRows{{"WHEN", "WHO", "VERSION", "WHAT", "WHY"}};
    for (auto &line : lines)
        historyRows.push_back(std::move(line.cells));
    printTable(historyRows);
    return ExitOk;
}

// ---- gate -------------------------------------------------------------------------------

Result<double> parseNumber(const std::string &text, const std::string &what)
{
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return Error::invalidInput(what + ": '" + text + "' is not a number");
    return value;
}

// Applies the options to `gate`; true when any option asks for a change.
Result<bool> applyGateOptions(const Arguments &arguments, govern::PromotionGate &gate)
{
    bool changed = false;
    if (arguments.flag("clear")) {
        gate = {};
        changed = true;
    }
    if (auto schema = arguments.value("schema")) {
        gate.schemaPath = *schema;
        changed = true;
    }
    if (auto tests = arguments.value("model-tests")) {
        gate.modelTestsPath = *tests;
        changed = true;
    }
    for (const auto &entry : arguments.values("min-metric")) {
        const auto equals = entry.find('=');
        if (equals == std::string::npos || equals == 0)
            return Error::invalidInput("--min-metric: expected KEY=VALUE, got '" + entry + "'");
        auto minimum = parseNumber(entry.substr(equals + 1), "--min-metric " + entry.substr(0, equals));
        if (!minimum)
            return minimum.error();
        gate.minMetrics[entry.substr(0, equals)] = *minimum;
        changed = true;
    }
    if (auto reference = arguments.value("drift-reference")) {
        gate.driftReference = *reference;
        changed = true;
    }
    if (auto current = arguments.value("drift-current")) {
        gate.driftCurrent = *current;
        changed = true;
    }
    if (auto share = arguments.value("max-drift-share")) {
        auto value = parseNumber(*share, "--max-drift-share");
        if (!value)
            return value.error();
        if (*value < 0 || *value > 1)
            return Error::invalidInput("--max-drift-share: " + *share + " is not from 0 to 1");
        gate.maxDriftShare = *value;
        changed = true;
    }
    return changed;
}

void printGate(const std::string &name, const govern::PromotionGate &gate)
{
    std::vector<std::vector<std::string>> rows;
    rows.push_back({"  schema", gate.schemaPath.value_or("-")});
    rows.push_back({"  model tests", gate.modelTestsPath.value_or("-")});
    if (gate.minMetrics.empty())
        rows.push_back({"  min metrics", "-"});
    for (const auto &[metric, minimum] : gate.minMetrics)
        rows.push_back({"  min metric", metric + " ≥ " + compactNumber(minimum)});
    rows.push_back({"  drift", gate.driftCurrent ? gate.driftReference.value_or("the training data") + " → " +
                                                       *gate.driftCurrent + ", drifted share ≤ " +
                                                       compactNumber(gate.maxDriftShare)
                                                 : std::string("-")});
    rows.push_back({"  approver", "required (once the workspace has users)"});
    printLine("gate of " + name + " (what a version needs to go to production)");
    printTable(rows);
}

int runGate(CommandContext &context)
{
    const Command &command = *findCommand("registry gate");
    const auto &positional = context.arguments.positional();
    if (positional.size() != 1)
        return usageError(command, "expected one model name");
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    auto gate = govern::gate(*ws, positional[0]);
    if (!gate)
        return fail(gate.error());
    auto changed = applyGateOptions(context.arguments, *gate);
    if (!changed)
        return usageError(command, changed.error().message);
    if (*changed)
        if (auto stored = govern::setGate(*ws, positional[0], *gate); !stored)
            return fail(stored.error());
    if (context.json)
        printJson({{QStringLiteral("model"), qs(positional[0])}, {QStringLiteral("gate"), gateToJson(*gate)}});
    else
        printGate(positional[0], *gate);
    return ExitOk;
}

// ---- check ------------------------------------------------------------------------------

int runCheck(CommandContext &context)
{
    const Command &command = *findCommand("registry check");
    const auto &positional = context.arguments.positional();
    if (positional.size() != 2)
        return usageError(command, "expected a model name and a version");
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    auto version = resolveVersion(*ws, positional[0], positional[1]);
    if (!version)
        return fail(version.error());
    auto result = govern::evaluateGate(*ws, version->name, version->version);
    if (!result)
        return fail(result.error());
    if (context.json) {
        printJson({{QStringLiteral("model"), qs(version->name)},
                   {QStringLiteral("version"), version->version},
                   {QStringLiteral("passed"), result->passed},
                   {QStringLiteral("checks"), gateChecksToJson(result->checks)}});
    } else {
        printLine(version->name + " version " + std::to_string(version->version) + ": " +
                  (result->passed ? "the gate passes; it may go to production" : "the gate FAILS"));
        printChecks(result->checks);
    }
    return result->passed ? ExitOk : ExitCheckFailed;
}

// ---- promote ----------------------------------------------------------------------------

// The checks of the refusal just recorded, for --json.
std::vector<GateCheck> lastRefusalChecks(workspace::Workspace &workspace, const ModelVersion &version)
{
    auto history = govern::transitions(workspace, version.name, version.version);
    if (!history || history->empty() || history->back().kind != "refused")
        return {};
    auto checks = govern::parseGateChecks(history->back().checksJson);
    return checks ? *checks : std::vector<GateCheck>{};
}

int runPromote(CommandContext &context)
{
    const Command &command = *findCommand("registry promote");
    const auto &positional = context.arguments.positional();
    if (positional.size() != 2)
        return usageError(command, "expected a model name and a version");
    const auto to = context.arguments.value("to");
    if (!to)
        return usageError(command, "--to staging|production|archived|none is required");
    auto stage = govern::parseStage(*to);
    if (!stage)
        return usageError(command, "--to: " + stage.error().message);
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    auto version = resolveVersion(*ws, positional[0], positional[1]);
    if (!version)
        return fail(version.error());
    auto result = govern::promote(*ws, version->name, version->version, *stage,
                                  context.arguments.value("reason").value_or(""));
    const bool refused = !result && result.error().kind == ErrorKind::Refused;
    if (!result && !refused)
        return fail(result.error());
    const std::vector<GateCheck> checks = refused ? lastRefusalChecks(*ws, *version) : result->checks;
    if (context.json)
        printJson({{QStringLiteral("model"), qs(version->name)},
                   {QStringLiteral("version"), version->version},
                   {QStringLiteral("from"), qs(std::string(govern::stageName(version->stage)))},
                   {QStringLiteral("to"), qs(*to)},
                   {QStringLiteral("refused"), refused},
                   {QStringLiteral("checks"), gateChecksToJson(checks)}});
    if (refused)
        return fail(result.error());
    if (!context.json) {
        printLine(version->name + " version " + std::to_string(version->version) + ": " +
                  std::string(govern::stageName(version->stage)) + " → " + *to);
        printChecks(checks);
    }
    return ExitOk;
}

// ---- alias ------------------------------------------------------------------------------

int runAlias(CommandContext &context)
{
    const Command &command = *findCommand("registry alias");
    const auto &positional = context.arguments.positional();
    if (positional.size() != 3)
        return usageError(command, "expected a model name, an alias and a version");
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    auto version = resolveVersion(*ws, positional[0], positional[2]);
    if (!version)
        return fail(version.error());
    const std::string &alias = positional[1];
    if (auto set = govern::setAlias(*ws, version->name, alias, version->version,
                                    context.arguments.value("reason").value_or(""));
        !set)
        return fail(set.error());
    if (context.json)
        printJson({{QStringLiteral("model"), qs(version->name)},
                   {QStringLiteral("alias"), qs(alias)},
                   {QStringLiteral("version"), version->version}});
    else
        printLine(version->name + "@" + alias + " → version " + std::to_string(version->version));
    return ExitOk;
}

const char *const kVersionHelp =
    "VERSION is a version number, a stage (production, staging: its latest version), latest, or an alias.";

} // namespace

void addRegistryCommands(std::vector<Command> &into)
{
    into.push_back(
        {"registry register", "register a run's model as the next version of a named model",
         "NAME --run RUN [--description TEXT]",
         "Numbers versions 1, 2, 3… per name (creating NAME on first use). The run must be finished and have\n"
         "logged its model (artifact model/model.json); the version keeps the run, the model's md5 and the\n"
         "run's git commit. NAME holds letters, digits, '-', '_' and '.'.\n"
         "--json prints the version: {\"name\", \"version\", \"stage\", \"aliases\", \"run\", \"model_md5\",\n"
         "\"git_commit\", \"description\", \"created_ms\", \"created_by\"}.",
         "assay registry register credit-risk --run 3f2a9c --description \"gbt on Q1\"",
         {{"run", true, "RUN", "the run: an id, a unique prefix of 6+ characters or a unique name"},
          {"description", true, "TEXT", "what this version is"}},
         runRegister});
    into.push_back({"registry list", "registered models with their production and staging versions", "",
                    "--json prints {\"models\": [{\"name\", \"description\", \"created_ms\", \"created_by\",\n"
                    "\"versions\": [version...]}]}, each version as `registry register --json` prints it.",
                    "assay registry list", {}, runList});
    into.push_back({"registry show", "a model's versions, gate and history (when, who, what, why)", "NAME",
                    "Lists every version with its stage, aliases, run, model md5 and commit, then the history:\n"
                    "registrations, stage changes, alias moves and refused promotions with the checks that failed.\n"
                    "--json prints the model as `registry list` does plus \"gate\" and \"transitions\": [{\"version\",\n"
                    "\"kind\" (stage, alias, refused), \"from\", \"to\", \"actor\", \"time_ms\", \"reason\",\n"
                    "\"checks\": [{\"name\", \"passed\", \"detail\"}]}].",
                    "assay registry show credit-risk", {}, runShow});
    into.push_back(
        {"registry gate", "show or set what a version needs before it may go to production",
         "NAME [--schema PATH] [--model-tests PATH] [--min-metric KEY=VALUE]... [--drift-reference REF]\n"
         "       [--drift-current REF] [--max-drift-share X] [--clear]",
         "Without options prints the gate. Options change only what they name (--clear first empties it).\n"
         "The checks, each run against the version: --schema validates the run's training data (at the\n"
         "revision it was trained on); --model-tests runs a spec (see `assay help test`) on the run's test\n"
         "data, else its training data; --min-metric needs the run's latest logged metric at least VALUE;\n"
         "--drift-current compares the model's feature columns of REF with --drift-reference (default: the\n"
         "training data) and passes when at most X of them drifted (default 0); an approver is always\n"
         "needed once the workspace has users. Paths are relative to the workspace root.\n"
         "--json prints {\"model\", \"gate\": {\"schema\", \"model_tests\", \"min_metrics\": {KEY: VALUE},\n"
         "\"drift\": {\"reference\", \"current\", \"max_drift_share\"}}} with only what is set.",
         "assay registry gate credit-risk --schema data/credit.schema.json --min-metric valid_roc_auc=0.75",
         {{"schema", true, "PATH", "schema JSON the training data must match"},
          {"model-tests", true, "PATH", "model test spec (YAML) the model must pass"},
          {"min-metric", true, "KEY=VALUE", "a logged metric's minimum; repeat for more"},
          {"drift-reference", true, "REF", "reference data, PATH or PATH@REV (default: the training data)"},
          {"drift-current", true, "REF", "current data compared with the reference"},
          {"max-drift-share", true, "X", "share of drifted columns allowed, 0 to 1 (default 0)"},
          {"clear", false, "", "empty the gate before applying the other options"}},
         runGate});
    into.push_back({"registry check", "evaluate the gate for a version without changing anything",
                    "NAME VERSION",
                    std::string("Runs every check of the gate (none stops the others) and prints each with what it\n"
                                "found. Exit code 1 when any check fails. ") +
                        kVersionHelp +
                        "\n--json prints {\"model\", \"version\", \"passed\", \"checks\": [{\"name\", \"passed\", \"detail\"}]}.",
                    "assay registry check credit-risk 2", {}, runCheck});
    into.push_back(
        {"registry promote", "move a version to staging, production, archived or none",
         "NAME VERSION --to staging|production|archived|none [--reason TEXT]",
         std::string("To production the gate must pass and the user must be an approver (with password) once the\n"
                     "workspace has users; the version in production before is archived. A refusal is recorded\n"
                     "in the history with every check and exits 1, listing each failed check on stderr. ") +
             kVersionHelp +
             "\n--json prints {\"model\", \"version\", \"from\", \"to\", \"refused\", \"checks\": [...]}, refused or not.",
         "assay registry promote credit-risk 2 --to production --reason \"beats v1 on Q2 data\"",
         {{"to", true, "STAGE", "staging, production, archived or none"},
          {"reason", true, "TEXT", "why, kept in the history"}},
         runPromote});
    into.push_back({"registry alias", "point an alias (champion, challenger…) at a version",
                    "NAME ALIAS VERSION [--reason TEXT]",
                    std::string("Moves the alias when another version holds it; the move is kept in the history.\n"
                                "NAME@ALIAS then names the version wherever a registry reference is taken. ") +
                        kVersionHelp + "\n--json prints {\"model\", \"alias\", \"version\"}.",
                    "assay registry alias credit-risk champion 1",
                    {{"reason", true, "TEXT", "why, kept in the history"}}, runAlias});
}

} // namespace assay::cli
