#include "command_registry.h"
#include "command_workspace.h"
#include "output.h"
#include "text_format.h"
#include "version/cache_gc.h"
#include "version/checkout.h"
#include "version/data_commit.h"
#include "version/data_status.h"
#include "version/dvc_add.h"
#include "version/folder_remote.h"
#include "workspace/workspace.h"

#include <QJsonArray>

namespace assay::cli {

namespace {

namespace fs = std::filesystem;

// Paths on the command line are relative to the current folder.
std::vector<std::string> absolutePaths(const std::vector<std::string> &paths)
{
    std::vector<std::string> absolute;
    for (const std::string &path : paths)
        absolute.push_back(fs::absolute(path).lexically_normal().string());
    return absolute;
}

QJsonArray toJsonArray(const std::vector<std::string> &items)
{
    QJsonArray array;
    for (const std::string &item : items)
        array.append(qs(item));
    return array;
}

int runAdd(CommandContext &context)
{
    const auto &paths = context.arguments.positional();
    if (paths.empty())
        return usageError(*findCommand("data add"), "expected at least one file or folder");
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    version::HashState state(&ws->database());
    QJsonArray outputs;
    std::vector<std::string> changed;
    std::string text;
    for (const std::string &path : absolutePaths(paths)) {
        auto added = version::addPath(ws->root(), path, state, context.progress);
        if (!added)
            return fail(added.error());
        const auto &out = added->output;
        QJsonObject entry{{QStringLiteral("path"),
                           qs(added->pointerPath.substr(0, added->pointerPath.size() - 4))},
                          {QStringLiteral("pointer"), qs(added->pointerPath)},
                          {QStringLiteral("md5"), qs(out.md5)},
                          {QStringLiteral("size"), static_cast<qint64>(out.size)},
                          {QStringLiteral("unchanged"), added->unchanged}};
        if (out.nfiles)
            entry.insert(QStringLiteral("nfiles"), static_cast<qint64>(*out.nfiles));
        outputs.append(entry);
        changed.insert(changed.end(), added->changedFiles.begin(), added->changedFiles.end());
        const std::string what = out.nfiles ? std::to_string(*out.nfiles) + " files, " : "";
        text += (added->unchanged ? "unchanged " : "added ") + added->pointerPath + " (" + what +
                humanSize(out.size) + ")\n";
    }
    if (context.json) {
        printJson({{QStringLiteral("outputs"), outputs},
                   {QStringLiteral("changed_files"), toJsonArray(changed)}});
        return ExitOk;
    }
    if (!changed.empty())
        text += "To record this version: assay commit -m \"describe the data change\"";
    else
        text.pop_back();
    printLine(text);
    return ExitOk;
}

int runStatus(CommandContext &context)
{
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    version::HashState state(&ws->database());
    version::StatusOptions options;
    options.granular = context.arguments.flag("granular");
    options.paths = absolutePaths(context.arguments.positional());
    auto report = version::dataStatus(ws->root(), state, options, context.progress);
    if (!report)
        return fail(report.error());
    const int exitCode = report->clean() ? ExitOk : ExitCheckFailed;
    if (context.json) {
        QJsonArray outputs;
        for (const auto &output : report->outputs) {
            QJsonObject entry{{QStringLiteral("path"), qs(output.tracked.outputPath)},
                              {QStringLiteral("pointer"), qs(output.tracked.pointerPath)},
                              {QStringLiteral("status"), qs(std::string(stateName(output.state)))},
                              {QStringLiteral("md5"), qs(output.tracked.output.md5)},
                              {QStringLiteral("hash"), qs(output.tracked.output.hashName)}};
            if (!output.currentMd5.empty() && output.currentMd5 != output.tracked.output.md5)
                entry.insert(QStringLiteral("current_md5"), qs(output.currentMd5));
            if (options.granular && !output.files.empty()) {
                QJsonArray files;
                for (const auto &file : output.files)
                    files.append(QJsonObject{
                        {QStringLiteral("path"), qs(file.relativePath)},
                        {QStringLiteral("status"), qs(std::string(changeName(file.change)))}});
                entry.insert(QStringLiteral("files"), files);
            }
            outputs.append(entry);
        }
        printJson(
            {{QStringLiteral("outputs"), outputs}, {QStringLiteral("clean"), report->clean()}});
        return exitCode;
    }
    if (report->outputs.empty()) {
        printLine("No tracked data (no .dvc pointers). Track some with `assay data add PATH`.");
        return ExitOk;
    }
    std::string text;
    for (const auto &output : report->outputs) {
        std::string label(stateName(output.state));
        label.resize(std::max<std::size_t>(label.size(), 17), ' ');
        text += label + "  " + output.tracked.outputPath + "\n";
        for (const auto &file : output.files)
            text += "    " + std::string(changeName(file.change)) + ": " + file.relativePath + "\n";
    }
    text += report->clean() ? "Data and pointers are up to date."
                            : "Record changes with `assay data add PATH`, restore with "
                              "`assay data checkout PATH`.";
    printLine(text);
    return exitCode;
}

int runCheckout(CommandContext &context)
{
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    version::HashState state(&ws->database());
    auto report = version::checkout(
        ws->root(), state, absolutePaths(context.arguments.positional()), context.progress);
    if (!report)
        return fail(report.error());
    if (context.json) {
        QJsonArray problems;
        for (const auto &problem : report->problems)
            problems.append(QJsonObject{{QStringLiteral("path"), qs(problem.path)},
                                        {QStringLiteral("reason"), qs(problem.reason)}});
        printJson({{QStringLiteral("restored"), toJsonArray(report->restored)},
                   {QStringLiteral("unchanged"), static_cast<qint64>(report->unchanged)},
                   {QStringLiteral("problems"), problems},
                   {QStringLiteral("ok"), report->ok()}});
        return report->ok() ? ExitOk : ExitCheckFailed;
    }
    std::string text;
    for (const auto &path : report->restored)
        text += "restored  " + path + "\n";
    for (const auto &problem : report->problems)
        text += "FAILED    " + problem.path + ": " + problem.reason + "\n";
    text += std::to_string(report->restored.size()) + " restored, " +
            std::to_string(report->unchanged) + " already up to date, " +
            std::to_string(report->problems.size()) + " failed.";
    printLine(text);
    return report->ok() ? ExitOk : ExitCheckFailed;
}

int runGc(CommandContext &context)
{
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    const bool dryRun = context.arguments.flag("dry-run");
    auto report = version::collectGarbage(ws->root(), dryRun, context.progress);
    if (!report)
        return fail(report.error());
    if (context.json) {
        printJson({{QStringLiteral("removed"), toJsonArray(report->removed)},
                   {QStringLiteral("bytes_freed"), static_cast<qint64>(report->bytesFreed)},
                   {QStringLiteral("kept"), static_cast<qint64>(report->kept)},
                   {QStringLiteral("dry_run"), dryRun}});
        return ExitOk;
    }
    std::string text;
    for (const auto &object : report->removed)
        text += (dryRun ? "would remove  " : "removed  ") + object + "\n";
    text += std::to_string(report->removed.size()) + " objects (" + humanSize(report->bytesFreed) +
            ")" + (dryRun ? " would be removed; " : " removed; ") + std::to_string(report->kept) +
            " kept.";
    printLine(text);
    return ExitOk;
}

int runTransfer(CommandContext &context, bool push)
{
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    auto remote = version::resolveRemote(ws->root(), context.arguments.value("remote"));
    if (!remote)
        return fail(remote.error());
    auto outputs = version::selectTrackedOutputs(
        ws->root(), absolutePaths(context.arguments.positional()), context.progress);
    if (!outputs)
        return fail(outputs.error());
    auto report = push ? version::pushObjects(ws->root(), *remote, *outputs, context.progress)
                       : version::pullObjects(ws->root(), *remote, *outputs, context.progress);
    if (!report)
        return fail(report.error());
    if (context.json) {
        QJsonArray problems;
        for (const auto &problem : report->problems)
            problems.append(QJsonObject{{QStringLiteral("object"), qs(problem.oid)},
                                        {QStringLiteral("reason"), qs(problem.reason)}});
        printJson({{QStringLiteral("remote"), qs(remote->string())},
                   {QStringLiteral("transferred"), toJsonArray(report->transferred)},
                   {QStringLiteral("already_there"), static_cast<qint64>(report->alreadyThere)},
                   {QStringLiteral("bytes"), static_cast<qint64>(report->bytes)},
                   {QStringLiteral("problems"), problems},
                   {QStringLiteral("ok"), report->ok()}});
        return report->ok() ? ExitOk : ExitCheckFailed;
    }
    std::string text;
    for (const auto &problem : report->problems)
        text += "FAILED  " + problem.oid + ": " + problem.reason + "\n";
    text += std::to_string(report->transferred.size()) + " objects (" + humanSize(report->bytes) +
            (push ? ") pushed to " : ") pulled from ") + remote->string() + "; " +
            std::to_string(report->alreadyThere) + " already there.";
    if (!push && !report->transferred.empty())
        text += "\nRestore the files with `assay data checkout`.";
    printLine(text);
    return report->ok() ? ExitOk : ExitCheckFailed;
}

int runCommit(CommandContext &context)
{
    // `-m MSG` is git's spelling; the argument parser only knows long options.
    std::optional<std::string> message = context.arguments.value("message");
    std::vector<std::string> paths;
    const auto &positional = context.arguments.positional();
    for (std::size_t i = 0; i < positional.size(); ++i) {
        if (positional[i] == "-m" && i + 1 < positional.size())
            message = positional[++i];
        else
            paths.push_back(positional[i]);
    }
    if (!message || message->empty())
        return usageError(*findCommand("commit"), "a commit message is required (-m MSG)");
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    auto committed = version::commitDataChanges(ws->root(), *message, paths);
    if (!committed)
        return fail(committed.error());
    if (!*committed) {
        if (context.json)
            printJson({{QStringLiteral("committed"), false}});
        std::fprintf(stderr, "assay commit: nothing to commit (no changed .dvc or .gitignore "
                             "files; run `assay data add` first)\n");
        return ExitUsage;
    }
    const auto &commit = **committed;
    if (context.json) {
        printJson({{QStringLiteral("committed"), true},
                   {QStringLiteral("commit"), qs(commit.commitId)},
                   {QStringLiteral("short"), qs(commit.commitId.substr(0, 7))},
                   {QStringLiteral("staged"), toJsonArray(commit.staged)}});
        return ExitOk;
    }
    printLine(commit.commitId.substr(0, 7));
    return ExitOk;
}

} // namespace

void addDataCommands(std::vector<Command> &into)
{
    const OptionSpec remote{"remote", true, "DIR",
                            "remote folder (default: the remote configured in .dvc/config)"};
    into.push_back({"data add",
                    "track files or folders DVC-style (.dvc pointer + cache)",
                    "PATH...",
                    "Hashes the data (folders in parallel, unchanged files from the state "
                    "table), stores it read-only in\n.dvc/cache/files/md5, writes PATH.dvc as "
                    "DVC 3 does and ignores PATH in git. DVC reads the result;\n.dvcignore is "
                    "honoured. Adding unchanged data again changes nothing.",
                    "assay data add data/credit.csv data/images",
                    {},
                    runAdd});
    into.push_back({"data status",
                    "compare tracked data with its .dvc pointers",
                    "[PATH...] "
                    "[--granular]",
                    "Per output: unchanged, modified, not in workspace, or not in cache. Exit "
                    "code 1 when anything\nis not unchanged, so a pipeline can gate on it. Only "
                    "files whose inode, size or mtime changed are re-hashed.",
                    "assay data status --granular --json",
                    {{"granular", false, "", "list added/modified/deleted files inside folders"}},
                    runStatus});
    into.push_back({"data checkout",
                    "restore tracked data from the cache",
                    "[PATH...]",
                    "Rewrites files that differ from their pointers from verified cache objects "
                    "(a corrupted object is\nreported, never used). Files already right are "
                    "left alone. Exit code 1 when something could not be restored.",
                    "assay data checkout data/credit.csv",
                    {},
                    runCheckout});
    into.push_back({"data gc",
                    "remove cache objects no pointer refers to",
                    "[--dry-run]",
                    "Keeps every object named by a .dvc pointer in the work tree or in any commit "
                    "reachable from HEAD,\na branch or a tag, so every version in history stays "
                    "reproducible; removes the rest from\n.dvc/cache (both DVC 3 and DVC 2 layouts).",
                    "assay data gc --dry-run",
                    {{"dry-run", false, "", "only list what would be removed"}},
                    runGc});
    into.push_back({"data push",
                    "copy cache objects to a folder remote",
                    "[--remote DIR] [PATH...]",
                    "Copies the objects of the tracked outputs that the remote lacks, in DVC 3's "
                    "remote layout\n(DIR/files/md5/<2>/<30>). Only local folders are supported.",
                    "assay data push --remote /mnt/shared/credit-remote",
                    {remote},
                    [](CommandContext &c) { return runTransfer(c, true); }});
    into.push_back({"data pull",
                    "fetch missing cache objects from a folder remote",
                    "[--remote DIR] [PATH...]",
                    "Copies the objects the cache lacks from the remote, verifying each md5; then "
                    "run\n`assay data checkout` to restore the files.",
                    "assay data pull --remote /mnt/shared/credit-remote && assay data checkout",
                    {remote},
                    [](CommandContext &c) { return runTransfer(c, false); }});
    into.push_back({"commit",
                    "commit changed .dvc pointers and .gitignore files to git",
                    "-m MSG [PATH...]",
                    "Stages the .dvc and .gitignore files that are new or modified, plus PATHs, "
                    "and commits with\nthe author from git config. Prints the short commit id; "
                    "exit code 2 when there is nothing to commit.",
                    "assay commit -m \"credit data: drop 2019 rows\"",
                    {{"message", true, "MSG", "the commit message"}},
                    runCommit});
}

} // namespace assay::cli
