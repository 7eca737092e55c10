// Creating and reading the audit signing key file.
#include "govern/audit_key.h"

#include "common/atomic_file.h"
#include "govern/audit_crypto.h"
#include "govern/audit_log.h"

#include <sodium.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace assay::govern {

namespace {

std::string systemError(const std::filesystem::path &path, std::string_view action)
{
    return path.string() + ": cannot " + std::string(action) + ": " + std::strerror(errno);
}

// Writes the file readable by its owner only, through a temporary name, and links it into
// place so an existing key is never replaced (link fails when the target exists).
Status writeSecretFile(const std::filesystem::path &path, const std::string &bytes)
{
    std::filesystem::path temporary = path;
    temporary += ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return Error::io(systemError(temporary, "create"));
    const bool written =
        ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size());
    const bool flushed = written && ::fsync(fd) == 0;
    ::close(fd);
    if (!flushed) {
        const Error error = Error::io(systemError(temporary, "write"));
        ::unlink(temporary.c_str());
        return error;
    }
    if (::link(temporary.c_str(), path.c_str()) != 0) {
        const bool exists = errno == EEXIST;
        const Error error =
            exists
                ? Error::invalidInput(path.string() + ": an audit key already exists here; "
                                                      "it is kept (remove it first to replace it)")
                : Error::io(systemError(path, "create"));
        ::unlink(temporary.c_str());
        return error;
    }
    ::unlink(temporary.c_str());
    return {};
}

} // namespace

Result<std::string> createAuditKey(const std::filesystem::path &keyFile)
{
    if (sodium_init() < 0)
        return Error::internal("libsodium could not be initialised");
    std::error_code error;
    const auto folder = keyFile.parent_path();
    if (!folder.empty() && !std::filesystem::exists(folder, error)) {
        std::filesystem::create_directories(folder, error);
        if (error)
            return Error::io(folder.string() + ": cannot create folder: " + error.message());
        std::filesystem::permissions(folder, std::filesystem::perms::owner_all, error);
    }
    unsigned char publicKey[crypto_sign_PUBLICKEYBYTES];
    unsigned char secretKey[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(publicKey, secretKey);
    const std::string publicHex =
        toHex({reinterpret_cast<const char *>(publicKey), sizeof publicKey});
    std::string text = "# Assay audit checkpoint key (Ed25519). Keep it secret and outside the "
                       "workspace; pin the public key where the auditor checks.\n"
                       "public-key: " +
                       publicHex + "\n" + "secret-key: " +
                       toHex({reinterpret_cast<const char *>(secretKey), sizeof secretKey}) + "\n";
    sodium_memzero(secretKey, sizeof secretKey);
    const Status written = writeSecretFile(keyFile, text);
    sodium_memzero(text.data(), text.size());
    if (!written)
        return written.error();
    return publicHex;
}

Result<AuditKey> loadAuditKey(const std::filesystem::path &keyFile)
{
    if (sodium_init() < 0)
        return Error::internal("libsodium could not be initialised");
    auto text = readFile(keyFile);
    if (!text)
        return text.error();
    std::optional<std::string> publicKey;
    std::optional<std::string> secretKey;
    std::istringstream lines(*text);
    for (std::string line; std::getline(lines, line);) {
        if (line.starts_with("public-key: "))
            publicKey = fromHex(line.substr(12));
        else if (line.starts_with("secret-key: "))
            secretKey = fromHex(line.substr(12));
    }
    sodium_memzero(text->data(), text->size());
    const std::string where = keyFile.string() + ": ";
    if (!secretKey || secretKey->size() != crypto_sign_SECRETKEYBYTES)
        return Error::invalidInput(where +
                                   "not an audit key: expected a line 'secret-key: ' with " +
                                   std::to_string(2 * crypto_sign_SECRETKEYBYTES) + " hex digits");
    unsigned char derived[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_ed25519_sk_to_pk(derived,
                                 reinterpret_cast<const unsigned char *>(secretKey->data()));
    const std::string derivedKey(reinterpret_cast<const char *>(derived), sizeof derived);
    if (publicKey && *publicKey != derivedKey)
        return Error::invalidInput(where + "its public-key line does not belong to its secret key");
    return AuditKey{.publicKey = derivedKey, .secretKey = std::move(*secretKey)};
}

Result<std::string> auditPublicKey(const std::filesystem::path &keyFile)
{
    auto key = loadAuditKey(keyFile);
    if (!key)
        return key.error();
    sodium_memzero(key->secretKey.data(), key->secretKey.size());
    return toHex(key->publicKey);
}

std::filesystem::path defaultAuditKeyPath()
{
    if (const char *explicitPath = std::getenv("ASSAY_AUDIT_KEY"); explicitPath && *explicitPath)
        return explicitPath;
    std::filesystem::path config;
    if (const char *xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        config = xdg;
    else if (const char *home = std::getenv("HOME"); home && *home)
        config = std::filesystem::path(home) / ".config";
    else
        config = ".config";
    return config / "assay" / "audit-ed25519.key";
}

} // namespace assay::govern
