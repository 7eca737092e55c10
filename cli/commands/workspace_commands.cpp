#include "command_registry.h"
#include "demo/demo_workspace.h"
#include "output.h"
#include "workspace/workspace.h"

#include <QJsonArray>

namespace assay::cli {

namespace {

int runInit(CommandContext &context)
{
    const auto &positional = context.arguments.positional();
    if (positional.size() > 1)
        return usageError(*findCommand("init"), "expected at most one folder");
    const std::filesystem::path dir = positional.empty() ? "." : positional.front();

    workspace::InitReport report;
    auto opened = workspace::Workspace::init(dir, &report);
    if (!opened)
        return fail(opened.error());

    const std::string root = opened->root().string();
    if (context.json) {
        QJsonArray added;
        for (const auto &file : report.addedFiles)
            added.append(qs(file));
        printJson({{QStringLiteral("workspace"), qs(root)},
                   {QStringLiteral("created_git_repository"), report.createdGitRepository},
                   {QStringLiteral("created_dvc_layout"), report.createdDvcLayout},
                   {QStringLiteral("created_database"), report.createdDatabase},
                   {QStringLiteral("added"), added}});
        return ExitOk;
    }
    if (report.addedFiles.empty() && !report.createdGitRepository) {
        printLine("Workspace " + root + " already complete; nothing to add.");
        return ExitOk;
    }
    std::string text = "Initialised Assay workspace in " + root;
    if (report.createdGitRepository)
        text += "\n  created a git repository";
    for (const auto &file : report.addedFiles)
        text += "\n  added " + file;
    text += "\nNext: put CSV, TSV or JSON Lines files in it and open it with `assay-workbench " +
            root + "`.";
    printLine(text);
    return ExitOk;
}

int runDemo(CommandContext &context)
{
    const auto &positional = context.arguments.positional();
    if (positional.size() != 1)
        return usageError(*findCommand("demo"), "expected the folder to create");
    demo::DemoOptions options;
    if (auto rows = context.arguments.value("rows")) {
        try {
            options.rows = std::stoul(*rows);
        } catch (const std::exception &) {
            return usageError(*findCommand("demo"), "--rows: not a number: " + *rows);
        }
        if (options.rows < 100 || options.rows > 10'000'000)
            return usageError(*findCommand("demo"), "--rows: must be between 100 and 10000000");
    }
    const std::filesystem::path dir = positional.front();
    if (Status made = demo::createDemoWorkspace(dir, options, context.progress); !made.ok())
        return fail(made.error());

    const std::string root = std::filesystem::absolute(dir).lexically_normal().string();
    if (context.json) {
        printJson({{QStringLiteral("workspace"), qs(root)},
                   {QStringLiteral("datasets"), QJsonArray{QStringLiteral("data/credit.csv")}},
                   {QStringLiteral("rows"), static_cast<qint64>(options.rows)}});
        return ExitOk;
    }
    printLine("Created the demo workspace in " + root +
              "\n  data/credit.csv: " + std::to_string(options.rows) +
              " loan applications, two versions in git history (the second drifted)" +
              "\nOpen it: assay-workbench " + root);
    return ExitOk;
}

} // namespace

void addWorkspaceCommands(std::vector<Command> &into)
{
    into.push_back({"init", "make a folder an Assay workspace (git, DVC layout, database)", "[DIR]",
                    "Adds only what is missing: a git repository (when there is none), DVC's "
                    "layout as `dvc init` writes it,\nand .assay/assay.db. Safe to run again, "
                    "and inside an existing git or DVC repository.",
                    "assay init ~/projects/credit", {}, runInit});
    into.push_back({"demo", "create a realistic demo workspace to explore", "DIR [--rows N]",
                    "A credit-risk dataset (loan applications with a `defaulted` target) tracked "
                    "DVC-style, with a second,\ndrifted version committed later. Deterministic: "
                    "the same rows give the same bytes and commits.",
                    "assay demo /tmp/credit-demo && assay-workbench /tmp/credit-demo",
                    {{"rows", true, "N", "rows per version (default 24000)"}}, runDemo});
}

} // namespace assay::cli
