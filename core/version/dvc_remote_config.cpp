#include "version/dvc_remote_config.h"

#include "common/atomic_file.h"

#include <map>
#include <sstream>

namespace assay::version {

namespace {

using Sections = std::map<std::string, std::map<std::string, std::string>>;

std::string trimmed(const std::string &text)
{
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

std::string unquoted(std::string text)
{
    if (text.size() >= 2 && (text.front() == '\'' || text.front() == '"') &&
        text.back() == text.front())
        return text.substr(1, text.size() - 2);
    return text;
}

// Later files override earlier ones, key by key, as DVC merges config levels.
void readInto(const std::filesystem::path &file, Sections &sections)
{
    auto text = readFile(file);
    if (!text)
        return;
    std::istringstream lines(*text);
    std::string section;
    for (std::string line; std::getline(lines, line);) {
        line = trimmed(line);
        if (line.empty() || line.front() == '#' || line.front() == ';')
            continue;
        if (line.front() == '[' && line.back() == ']') {
            // ['remote "name"'] and [remote "name"] name the same section.
            section = unquoted(trimmed(line.substr(1, line.size() - 2)));
            continue;
        }
        const auto equals = line.find('=');
        if (equals != std::string::npos)
            sections[section][trimmed(line.substr(0, equals))] =
                unquoted(trimmed(line.substr(equals + 1)));
    }
}

} // namespace

Result<std::string> defaultRemoteUrl(const std::filesystem::path &root)
{
    Sections sections;
    readInto(root / ".dvc" / "config", sections);
    readInto(root / ".dvc" / "config.local", sections);
    const auto core = sections.find("core");
    if (core == sections.end() || core->second.count("remote") == 0)
        return Error::invalidInput("no remote given and no default remote in .dvc/config "
                                   "([core] remote = NAME); pass --remote DIR");
    const std::string name = core->second.at("remote");
    const auto remote = sections.find("remote \"" + name + "\"");
    if (remote == sections.end() || remote->second.count("url") == 0)
        return Error::invalidInput(".dvc/config: remote '" + name + "' has no url");
    return remote->second.at("url");
}

} // namespace assay::version
