#pragma once

#include "common/result.h"

#include <string>
#include <string_view>

namespace assay::govern {

// Model names and aliases: letters, digits, '-', '_' and '.', starting with a letter or digit,
// so "NAME:3", "NAME@alias" and "NAME:production" always split one way. An alias is not a
// number (that would read as a version). Errors name the text and what is wrong with it.
Status checkModelName(std::string_view name);
Status checkAliasName(std::string_view alias);

// How audit entries name a registered version: "credit-risk:3".
std::string versionObject(const std::string &name, int version);

} // namespace assay::govern
