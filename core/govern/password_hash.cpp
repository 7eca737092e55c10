#include "govern/password_hash.h"

#include <sodium.h>

namespace assay::govern {

namespace {

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace

Result<std::string> hashPassword(const std::string &password)
{
    if (!sodiumReady())
        return Error::internal("libsodium could not be initialised");
    char stored[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(stored, password.data(), password.size(),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return Error::io("cannot hash the password: out of memory");
    return std::string(stored);
}

bool verifyPassword(const std::string &stored, const std::string &password)
{
    if (!sodiumReady() || stored.empty() || stored.size() >= crypto_pwhash_STRBYTES)
        return false;
    // crypto_pwhash_str_verify reads a NUL-terminated string of at most STRBYTES.
    char copy[crypto_pwhash_STRBYTES] = {};
    stored.copy(copy, stored.size());
    return crypto_pwhash_str_verify(copy, password.data(), password.size()) == 0;
}

} // namespace assay::govern
