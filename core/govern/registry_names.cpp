#include "govern/registry_names.h"

#include "govern/model_registry.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace assay::govern {

namespace {

constexpr std::array<std::string_view, 4> kStageNames{"none", "staging", "production", "archived"};

bool isNameCharacter(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
}

Status checkIdentifier(std::string_view text, std::string_view what)
{
    if (text.empty())
        return Error::invalidInput(std::string(what) + " is empty");
    if (!std::isalnum(static_cast<unsigned char>(text.front())))
        return Error::invalidInput(std::string(what) + " '" + std::string(text) +
                                   "' must start with a letter or a digit");
    if (!std::all_of(text.begin(), text.end(), isNameCharacter))
        return Error::invalidInput(std::string(what) + " '" + std::string(text) +
                                   "' may only hold letters, digits, '-', '_' and '.'");
    return {};
}

} // namespace

std::string_view stageName(Stage stage)
{
    return kStageNames[static_cast<std::size_t>(stage)];
}

Result<Stage> parseStage(std::string_view text)
{
    for (std::size_t i = 0; i < kStageNames.size(); ++i)
        if (kStageNames[i] == text)
            return static_cast<Stage>(i);
    return Error::invalidInput("'" + std::string(text) +
                               "' is not a stage (none, staging, production, archived)");
}

Status checkModelName(std::string_view name)
{
    return checkIdentifier(name, "model name");
}

Status checkAliasName(std::string_view alias)
{
    ASSAY_TRY(checkIdentifier(alias, "alias"));
    if (std::all_of(alias.begin(), alias.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return Error::invalidInput("alias '" + std::string(alias) + "' is a number; it would read as a version");
    return {};
}

std::string versionObject(const std::string &name, int version)
{
    return name + ":" + std::to_string(version);
}

} // namespace assay::govern
