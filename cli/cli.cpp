#include "cli.h"

#include "command_registry.h"
#include "help.h"
#include "interrupt.h"
#include "output.h"
#include "password_prompt.h"
#include "terminal_progress.h"

#include <QCoreApplication>

#include <cstdio>
#include <optional>

namespace assay::cli {

namespace {

struct GlobalOptions {
    bool json = false;
    bool version = false;
    bool help = false;
    std::optional<std::filesystem::path> workspace;
    std::vector<std::string> rest; // the command name and its arguments
};

// Global options come before the command; `--json` is also accepted anywhere before "--".
Result<GlobalOptions> parseGlobalOptions(const std::vector<std::string> &args)
{
    GlobalOptions global;
    bool inCommand = false;
    bool afterSeparator = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (afterSeparator) {
            global.rest.push_back(arg);
            continue;
        }
        if (arg == "--")
            afterSeparator = true;
        if (arg == "--json") {
            global.json = true;
        } else if (!inCommand && (arg == "--version" || arg == "-V")) {
            global.version = true;
        } else if (!inCommand && (arg == "--help" || arg == "-h")) {
            global.help = true;
        } else if (!inCommand && (arg == "--workspace" || arg.starts_with("--workspace="))) {
            if (arg.size() > 11) {
                global.workspace = arg.substr(12);
            } else if (i + 1 < args.size()) {
                global.workspace = args[++i];
            } else {
                return Error::invalidInput("option --workspace needs a value (DIR)");
            }
        } else if (!inCommand && arg.starts_with("-")) {
            return Error::invalidInput("unknown option " + arg + " (see `assay help`)");
        } else {
            inCommand = true;
            global.rest.push_back(arg);
        }
    }
    return global;
}

// The longest registered name matching the first words: "data add" before "data".
const Command *resolveCommand(const std::vector<std::string> &rest, std::size_t &wordsUsed)
{
    if (rest.size() >= 2) {
        if (const Command *command = findCommand(rest[0] + " " + rest[1])) {
            wordsUsed = 2;
            return command;
        }
    }
    wordsUsed = 1;
    return rest.empty() ? nullptr : findCommand(rest[0]);
}

// `assay COMMAND ... --help`: the command's help, as `assay help COMMAND` gives it. Words after
// "--" belong to the program `assay run` starts.
bool asksForHelp(const std::vector<std::string> &rest, std::size_t wordsUsed)
{
    for (std::size_t i = wordsUsed; i < rest.size() && rest[i] != "--"; ++i)
        if (rest[i] == "--help" || rest[i] == "-h")
            return true;
    return false;
}

} // namespace

int run(int argc, char *argv[])
{
    // assay-report (app/report) runs this CLI inside its own QApplication.
    std::optional<QCoreApplication> app;
    if (!QCoreApplication::instance())
        app.emplace(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("assay"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ASSAY_VERSION));

    std::vector<std::string> args(argv + 1, argv + argc);
    auto global = parseGlobalOptions(args);
    if (!global)
        return fail(global.error());
    if (global->version) {
        printLine("assay " ASSAY_VERSION);
        return ExitOk;
    }
    if (global->help || global->rest.empty()) {
        printOverview();
        return global->help ? ExitOk : ExitUsage;
    }
    if (global->rest.front() == "help")
        return runHelp({global->rest.begin() + 1, global->rest.end()});

    std::size_t wordsUsed = 0;
    const Command *command = resolveCommand(global->rest, wordsUsed);
    if (!command) {
        std::fprintf(stderr, "assay: unknown command '%s' (see `assay help`)\n",
                     global->rest.front().c_str());
        return ExitUsage;
    }
    if (asksForHelp(global->rest, wordsUsed))
        return runHelp({global->rest.begin(), global->rest.begin() + static_cast<long>(wordsUsed)});
    auto arguments = Arguments::parse({global->rest.begin() + static_cast<long>(wordsUsed),
                                       global->rest.end()},
                                      command->options);
    if (!arguments)
        return usageError(*command, arguments.error().message);

    setUpSessionCredentials();
    CancellationToken token;
    cancelOnInterrupt(token);
    TerminalProgress terminal(token);
    CommandContext context{std::move(*arguments), global->json, global->workspace,
                           terminal.progress()};
    return command->run(context);
}

} // namespace assay::cli
