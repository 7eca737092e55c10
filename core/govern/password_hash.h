#pragma once

#include "common/result.h"

#include <string>

namespace assay::govern {

// An argon2id string ("$argon2id$v=19$m=...") for `password`, from libsodium's crypto_pwhash_str
// with the interactive limits (about 64 MiB and a fraction of a second per hash or check).
Result<std::string> hashPassword(const std::string &password);
// True when `password` matches `stored`; false for a wrong password or an unreadable string.
bool verifyPassword(const std::string &stored, const std::string &password);

} // namespace assay::govern
