// `assay log metric|param|tag|artifact|dataset`: write to the run in $ASSAY_RUN_ID (or --run).
#include "command_registry.h"
#include "output.h"
#include "track/clock.h"
#include "track/dataset_input.h"
#include "track/tracking_store.h"
#include "tracking_context.h"

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdlib>

namespace assay::cli {

namespace {

namespace fs = std::filesystem;

// Opens the store and names the run, or prints why not and gives the exit code.
struct Target {
    std::optional<workspace::Workspace> workspace;
    std::optional<track::TrackingStore> store;
    std::string runId;
    int exitCode = ExitOk;
};

Target openTarget(const CommandContext &context)
{
    Target target;
    auto runId = targetRunId(context);
    if (!runId) {
        target.exitCode = fail(runId.error());
        return target;
    }
    auto ws = openTrackingWorkspace(context);
    if (!ws) {
        target.exitCode = fail(ws.error());
        return target;
    }
    target.workspace.emplace(std::move(ws).value());
    auto store = track::TrackingStore::open(*target.workspace);
    if (!store) {
        target.exitCode = fail(store.error());
        return target;
    }
    target.store.emplace(std::move(store).value());
    target.runId = std::move(runId).value();
    return target;
}

std::optional<double> parseDouble(const std::string &text)
{
    if (text.empty() || std::isspace(static_cast<unsigned char>(text.front())))
        return std::nullopt;
    errno = 0;
    char *end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || errno == ERANGE)
        return std::nullopt;
    return value;
}

std::optional<std::int64_t> parseInteger(const std::string &text)
{
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

int reportDone(const CommandContext &context, const QJsonObject &json, const std::string &text)
{
    if (context.json)
        printJson(json);
    else if (!text.empty())
        printLine(text);
    return ExitOk;
}

int runLogMetric(CommandContext &context)
{
    const Command &command = *findCommand("log metric");
    const auto &words = context.arguments.positional();
    if (words.size() != 2)
        return usageError(command, "expected KEY VALUE");
    const auto value = parseDouble(words[1]);
    if (!value)
        return usageError(command, "metric value '" + words[1] + "' is not a number");
    track::MetricPoint point{0, track::nowMs(), *value};
    if (auto step = context.arguments.value("step")) {
        const auto parsed = parseInteger(*step);
        if (!parsed)
            return usageError(command, "step '" + *step + "' is not an integer");
        point.step = *parsed;
    }
    if (auto timestamp = context.arguments.value("timestamp")) {
        const auto parsed = parseInteger(*timestamp);
        if (!parsed)
            return usageError(command, "timestamp '" + *timestamp +
                                           "' is not an integer (milliseconds since the epoch)");
        point.timestampMs = *parsed;
    }
    Target target = openTarget(context);
    if (!target.store)
        return target.exitCode;
    if (Status logged = target.store->logMetric(target.runId, words[0], point); !logged)
        return fail(logged.error());
    return reportDone(context,
                      {{QStringLiteral("run_id"), qs(target.runId)},
                       {QStringLiteral("metric"), qs(words[0])},
                       {QStringLiteral("value"), qs(words[1])},
                       {QStringLiteral("step"), static_cast<qint64>(point.step)}},
                      {});
}

int runLogKeyValue(CommandContext &context, bool isParam)
{
    const Command &command = *findCommand(isParam ? "log param" : "log tag");
    const auto &words = context.arguments.positional();
    if (words.size() != 2)
        return usageError(command, "expected KEY VALUE");
    Target target = openTarget(context);
    if (!target.store)
        return target.exitCode;
    const Status logged = isParam ? target.store->logParam(target.runId, words[0], words[1])
                                  : target.store->logTag(target.runId, words[0], words[1]);
    if (!logged)
        return fail(logged.error());
    return reportDone(context,
                      {{QStringLiteral("run_id"), qs(target.runId)},
                       {isParam ? QStringLiteral("param") : QStringLiteral("tag"), qs(words[0])},
                       {QStringLiteral("value"), qs(words[1])}},
                      {});
}

int runLogArtifact(CommandContext &context)
{
    const auto &words = context.arguments.positional();
    if (words.size() != 1)
        return usageError(*findCommand("log artifact"), "expected one file");
    Target target = openTarget(context);
    if (!target.store)
        return target.exitCode;
    const fs::path file = fs::absolute(words[0]);
    const std::string name = context.arguments.value("name").value_or(file.filename().string());
    auto artifact = target.store->logArtifact(target.runId, file, name);
    if (!artifact)
        return fail(artifact.error());
    return reportDone(context,
                      {{QStringLiteral("run_id"), qs(target.runId)},
                       {QStringLiteral("path"), qs(artifact->path)},
                       {QStringLiteral("md5"), qs(artifact->md5)},
                       {QStringLiteral("size"), static_cast<qint64>(artifact->size)}},
                      {});
}

int runLogDataset(CommandContext &context)
{
    const auto &words = context.arguments.positional();
    if (words.size() != 1)
        return usageError(*findCommand("log dataset"), "expected one dataset path");
    Target target = openTarget(context);
    if (!target.store)
        return target.exitCode;
    auto dataset = track::describeDataset(target.store->root(), words[0],
                                          context.arguments.value("name").value_or(""),
                                          context.arguments.value("context").value_or("training"));
    if (!dataset)
        return fail(dataset.error());
    if (Status logged = target.store->logDataset(target.runId, *dataset); !logged)
        return fail(logged.error());
    return reportDone(context,
                      {{QStringLiteral("run_id"), qs(target.runId)},
                       {QStringLiteral("name"), qs(dataset->name)},
                       {QStringLiteral("path"), qs(dataset->path)},
                       {QStringLiteral("md5"), qs(dataset->md5)},
                       {QStringLiteral("revision"), qs(dataset->revision)},
                       {QStringLiteral("context"), qs(dataset->context)}},
                      {});
}

} // namespace

void addLogCommands(std::vector<Command> &into)
{
    const OptionSpec run{"run", true, "RUN_ID", "the run to write to (default: $ASSAY_RUN_ID)"};
    const std::string where = "Writes to the run named by $ASSAY_RUN_ID (set by `assay run` for "
                              "its command) or --run.\n";
    into.push_back({"log metric",
                    "log one metric value to the current run",
                    "KEY VALUE [--step S] [--timestamp MS] [--run RUN_ID]",
                    where + "VALUE is a number; nan, inf and -inf are kept as they are. STEP "
                            "defaults to 0, the timestamp to now.\nFor many values, append JSON "
                            "lines to $ASSAY_LOG_FILE instead (see `assay help run`).",
                    "assay log metric val_loss 0.31 --step 12",
                    {{"step", true, "S", "the training step (an integer, default 0)"},
                     {"timestamp", true, "MS", "milliseconds since the epoch (default now)"},
                     run},
                    runLogMetric});
    into.push_back({"log param",
                    "log a parameter of the current run",
                    "KEY VALUE [--run RUN_ID]",
                    where + "Params cannot change: logging the same key with another value is "
                            "refused (exit code 2).",
                    "assay log param learning_rate 0.1",
                    {run},
                    [](CommandContext &c) { return runLogKeyValue(c, true); }});
    into.push_back({"log tag",
                    "set a tag on the current run",
                    "KEY VALUE [--run RUN_ID]",
                    where + "A tag logged again takes the new value.",
                    "assay log tag model random-forest",
                    {run},
                    [](CommandContext &c) { return runLogKeyValue(c, false); }});
    into.push_back(
        {"log artifact",
         "store a file as an artifact of the current run",
         "FILE [--name PATH] [--run RUN_ID]",
         where + "The bytes go into the content store (.dvc/cache/files/md5), so "
                 "nothing is kept twice;\nthe run records the path, md5 and size.",
         "assay log artifact plots/roc.png --name plots/roc.png",
         {{"name", true, "PATH", "the artifact's path in the run (default: file name)"}, run},
         runLogArtifact});
    into.push_back({"log dataset",
                    "record a dataset the current run reads",
                    "PATH [--context training|validation|test|other] [--name NAME] [--run RUN_ID]",
                    where + "The md5 comes from PATH.dvc when DVC tracks the data (else the file "
                            "is hashed);\nthe git revision is HEAD's commit.",
                    "assay log dataset data/credit.csv --context training",
                    {{"context", true, "CONTEXT", "training (default), validation, test or other"},
                     {"name", true, "NAME", "the dataset's name (default: file name)"},
                     run},
                    runLogDataset});
}

} // namespace assay::cli
