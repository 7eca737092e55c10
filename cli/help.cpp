#include "help.h"

#include "command_registry.h"
#include "output.h"

#include <algorithm>
#include <cstdio>

namespace assay::cli {

void printOverview()
{
    std::string text = "assay " ASSAY_VERSION
                       " — the machine-learning lifecycle, from data to compliance report\n\n"
                       "usage: assay [--workspace DIR] [--json] COMMAND [ARGS...]\n\n"
                       "commands:\n";
    for (const Command &command : commands()) {
        std::string name = command.name;
        name.resize(std::max<std::size_t>(name.size(), 16), ' ');
        text += "  " + name + "  " + command.summary + "\n";
    }
    text += "\nglobal options:\n"
            "  --workspace DIR   the workspace (default: the nearest folder upward holding .assay/)\n"
            "  --json            print one JSON document on stdout\n"
            "  --version         print the version\n\n"
            "exit codes: 0 success, 1 a check found a problem, 2 bad usage or unreadable input,\n"
            "130 interrupted. `assay help COMMAND` explains a command with an example.";
    printLine(text);
}

namespace {

// `assay help audit`: a group of commands ("audit log", "audit verify", …) lists its members.
int printGroupHelp(const std::string &group)
{
    std::string text;
    for (const Command &command : commands()) {
        if (command.name.rfind(group + " ", 0) != 0)
            continue;
        std::string name = command.name;
        name.resize(std::max<std::size_t>(name.size(), 20), ' ');
        text += "  " + name + "  " + command.summary + "\n";
    }
    if (text.empty()) {
        std::fprintf(stderr, "assay help: unknown command '%s'\n", group.c_str());
        return ExitUsage;
    }
    printLine("commands of assay " + group + ":\n" + text + "\n`assay help " + group +
              " COMMAND` explains one with an example.");
    return ExitOk;
}

} // namespace

int runHelp(const std::vector<std::string> &words)
{
    if (words.empty()) {
        printOverview();
        return ExitOk;
    }
    std::string name;
    for (const auto &word : words)
        name += (name.empty() ? "" : " ") + word;
    const Command *command = findCommand(name);
    if (!command)
        return printGroupHelp(name);
    std::string text = "usage: assay " + command->name + " " + command->usage + "\n\n" +
                       command->summary + "\n";
    if (!command->details.empty())
        text += "\n" + command->details + "\n";
    std::vector<std::pair<std::string, std::string>> rows;
    for (const OptionSpec &option : command->options)
        rows.emplace_back("--" + option.name + (option.takesValue ? " " + option.valueName : ""),
                          option.help);
    rows.emplace_back("--json", "print one JSON document on stdout");
    std::size_t width = 0;
    for (const auto &row : rows)
        width = std::max(width, row.first.size());
    text += "\noptions:\n";
    for (auto &[left, help] : rows) {
        left.resize(width, ' ');
        text += "  " + left + "  " + help + "\n";
    }
    if (!command->example.empty())
        text += "\nexample:\n  " + command->example;
    printLine(text);
    return ExitOk;
}

} // namespace assay::cli
