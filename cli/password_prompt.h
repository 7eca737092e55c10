#pragma once

#include <optional>
#include <string>

namespace assay::cli {

// True when stdin is a terminal, so a password can be asked for.
bool canPromptForPassword();

// Prints `prompt` on stderr and reads one line from the terminal with echo off. Nullopt when
// stdin is not a terminal or at end of input.
std::optional<std::string> promptPassword(const std::string &prompt);

// One line from stdin without its line ending (`--password-stdin`); nullopt at end of input.
std::optional<std::string> readPasswordLine();

// Sets the session credentials from the environment ($ASSAY_USER or the OS login,
// $ASSAY_PASSWORD) and, when stdin is a terminal, lets core ask for a password it needs.
void setUpSessionCredentials();

} // namespace assay::cli
