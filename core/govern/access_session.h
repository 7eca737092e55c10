#pragma once

#include <optional>
#include <string>

namespace assay::govern {

// Asks the prompt installed with setPasswordPrompt for `user`'s password; nullopt when there
// is none or the user gave none. The answer becomes the session's password.
std::optional<std::string> askSessionPassword(const std::string &user, const std::string &reason);

} // namespace assay::govern
