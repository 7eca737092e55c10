// `assay run -- COMMAND`: one tracked run around a training command.
#include "command_registry.h"
#include "output.h"
#include "track/child_process.h"
#include "track/clock.h"
#include "track/git_state.h"
#include "track/log_file_ingest.h"
#include "track/tracking_store.h"
#include "tracking_context.h"

#include <cstdio>
#include <cstdlib>

namespace assay::cli {

namespace {

namespace fs = std::filesystem;

// The command line as a shell would need it typed, for the run's record.
std::string shellJoin(const std::vector<std::string> &words)
{
    std::string line;
    for (const std::string &word : words) {
        if (!line.empty())
            line += ' ';
        const bool plain = !word.empty() &&
                           word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTU"
                                                  "VWXYZ0123456789_-./=:,+@%") == std::string::npos;
        if (plain) {
            line += word;
            continue;
        }
        line += '\'';
        for (char c : word)
            line += c == '\'' ? std::string("'\\''") : std::string(1, c);
        line += '\'';
    }
    return line;
}

// A file the child's output is copied to while it is also shown on the terminal.
class TeeFile {
public:
    TeeFile(const fs::path &path, std::FILE *terminal)
        : m_file(std::fopen(path.c_str(), "wb")), m_terminal(terminal)
    {
    }
    ~TeeFile() { close(); }
    TeeFile(const TeeFile &) = delete;
    TeeFile &operator=(const TeeFile &) = delete;

    void write(std::string_view bytes)
    {
        std::fwrite(bytes.data(), 1, bytes.size(), m_terminal);
        std::fflush(m_terminal);
        if (m_file)
            std::fwrite(bytes.data(), 1, bytes.size(), m_file);
    }
    void close()
    {
        if (m_file)
            std::fclose(m_file);
        m_file = nullptr;
    }

private:
    std::FILE *m_file;
    std::FILE *m_terminal;
};

void reportProblems(const track::LogFileIngest &ingest, std::size_t &reported)
{
    const auto &problems = ingest.problems();
    for (; reported < problems.size(); ++reported)
        std::fprintf(stderr, "assay: skipped %s\n", problems[reported].c_str());
}

int runRun(CommandContext &context)
{
    const Command &command = *findCommand("run");
    const auto &argv = context.arguments.positional();
    if (argv.empty())
        return usageError(command, "expected a command after --");
    std::vector<std::pair<std::string, std::string>> params;
    for (const std::string &param : context.arguments.values("param")) {
        const auto eq = param.find('=');
        if (eq == std::string::npos || eq == 0)
            return usageError(command, "--param '" + param + "' is not KEY=VALUE");
        params.emplace_back(param.substr(0, eq), param.substr(eq + 1));
    }

    auto ws = openTrackingWorkspace(context);
    if (!ws)
        return fail(ws.error());
    auto store = track::TrackingStore::open(*ws);
    if (!store)
        return fail(store.error());
    const track::GitState git = track::gitStateOf(ws->root());
    track::RunInfo info;
    info.experiment = context.arguments.value("experiment").value_or("");
    info.name = context.arguments.value("name").value_or("");
    info.command = shellJoin(argv);
    info.gitCommit = git.commit;
    info.gitDirty = git.dirty;
    info.parentRunId = context.arguments.value("parent");
    auto runId = store->startRun(info);
    if (!runId)
        return fail(runId.error());
    for (const auto &[key, value] : params)
        if (Status logged = store->logParam(*runId, key, value); !logged) {
            (void)store->finishRun(*runId, track::RunStatus::Failed);
            return fail(logged.error());
        }
    std::fprintf(stderr, "assay: run %s started\n", runId->c_str());

    const fs::path scratch = ws->assayDir() / "tmp" / "runs" / *runId;
    std::error_code error;
    fs::create_directories(scratch, error);
    if (error)
        return fail(Error::io(scratch.string() + ": " + error.message()));
    const fs::path logFile = scratch / "log.jsonl";
    std::FILE *created = std::fopen(logFile.c_str(), "ab");
    if (created)
        std::fclose(created);

    track::LogFileIngest ingest(*store, *runId, logFile);
    std::size_t problemsReported = 0;
    TeeFile out(scratch / "stdout.txt", stdout);
    TeeFile err(scratch / "stderr.txt", stderr);
    track::ChildCommand child;
    child.argv = argv;
    child.environment = {{"ASSAY_RUN_ID", *runId},
                         {"ASSAY_WORKSPACE", ws->root().string()},
                         {"ASSAY_LOG_FILE", logFile.string()}};
    if (!std::getenv("PYTHONUNBUFFERED"))
        child.environment["PYTHONUNBUFFERED"] = "1"; // stdout is a pipe: show lines as they come
    child.onStdout = [&](std::string_view bytes) { out.write(bytes); };
    child.onStderr = [&](std::string_view bytes) { err.write(bytes); };
    child.onTick = [&] {
        if (Status polled = ingest.poll(); !polled)
            std::fprintf(stderr, "assay: %s\n", polled.error().message.c_str());
        reportProblems(ingest, problemsReported);
    };
    child.cancellation = context.progress.token();
    const std::int64_t startMs = track::nowMs();
    auto outcome = track::runChild(child);
    out.close();
    err.close();

    if (Status rest = ingest.finish(); !rest)
        std::fprintf(stderr, "assay: %s\n", rest.error().message.c_str());
    reportProblems(ingest, problemsReported);
    for (const char *name : {"stdout.txt", "stderr.txt"})
        if (auto stored = store->logArtifact(*runId, scratch / name, name); !stored)
            std::fprintf(stderr, "assay: %s\n", stored.error().message.c_str());

    int exitCode = 0;
    track::RunStatus status = track::RunStatus::Finished;
    if (!outcome) {
        std::fprintf(stderr, "assay: %s\n", outcome.error().message.c_str());
        (void)store->logTag(*runId, "assay.error", outcome.error().message);
        exitCode = 127; // as a shell reports a command it cannot run
        status = track::RunStatus::Failed;
    } else {
        exitCode = outcome->exitCode;
        if (outcome->cancelled)
            status = track::RunStatus::Killed;
        else if (exitCode != 0)
            status = track::RunStatus::Failed;
        (void)store->logTag(*runId, "assay.exit_code", std::to_string(exitCode));
        if (outcome->signal != 0)
            (void)store->logTag(*runId, "assay.signal", std::to_string(outcome->signal));
    }
    const std::int64_t endMs = track::nowMs();
    if (Status finished = store->finishRun(*runId, status, endMs); !finished)
        std::fprintf(stderr, "assay: %s\n", finished.error().message.c_str());
    fs::remove_all(scratch, error);

    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f", double(endMs - startMs) / 1000.0);
    std::fprintf(stderr, "assay: run %s %s (exit code %d, %s s)\n", runId->c_str(),
                 std::string(track::statusName(status)).c_str(), exitCode, seconds);
    return exitCode;
}

} // namespace

void addTrackingCommands(std::vector<Command> &into)
{
    into.push_back(
        {"run",
         "run a command as a tracked experiment run",
         "[--experiment E] [--name N] [--param KEY=VALUE]... [--parent RUN_ID] -- COMMAND "
         "[ARGS...]",
         "Starts a run, runs COMMAND (stdin passed through, stdout and stderr shown and kept as "
         "the\nartifacts stdout.txt and stderr.txt) and records the command line, the git commit "
         "and whether\nthe work tree was dirty, the duration and the exit code. Exit code 0 "
         "finishes the run\n(FINISHED), another code fails it (FAILED), Ctrl-C kills it (KILLED); "
         "`assay run` exits with\nthe command's code. The command sees ASSAY_RUN_ID and "
         "ASSAY_WORKSPACE, so `assay log ...`\nwrites to this run, and ASSAY_LOG_FILE: append "
         "lines of JSON there for many values, e.g.\n  {\"metric\": \"loss\", \"value\": 0.31, "
         "\"step\": 12}  {\"param\": \"lr\", \"value\": \"0.1\"}  {\"tag\": \"k\", \"value\": "
         "\"v\"}\nThey are read while the command runs and at its end; a malformed line is "
         "reported with its\nnumber and skipped.",
         "assay run --experiment credit --param lr=0.1 -- python train.py --epochs 10",
         {{"experiment", true, "E", "the experiment (created when missing; default: Default)"},
          {"name", true, "N", "the run's name"},
          {"param", true, "KEY=VALUE", "a param to log before the command starts; repeatable"},
          {"parent", true, "RUN_ID", "make this a nested run of RUN_ID"}},
         runRun});
    addLogCommands(into);
}

} // namespace assay::cli
