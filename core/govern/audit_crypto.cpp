#include "govern/audit_crypto.h"

#include <QDateTime>

#include <sodium.h>

namespace assay::govern {

namespace {

// sodium_init is idempotent and thread-safe; a function-local static runs it once.
void ensureSodium()
{
    static const bool ready = sodium_init() >= 0;
    (void)ready;
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

const std::string &genesisHash()
{
    static const std::string zeros(64, '0');
    return zeros;
}

std::string sha256Hex(std::string_view bytes)
{
    ensureSodium();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char *>(bytes.data()), bytes.size());
    return toHex({reinterpret_cast<const char *>(digest), sizeof digest});
}

std::string toHex(std::string_view bytes)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(bytes.size() * 2);
    for (const char byte : bytes) {
        const auto value = static_cast<unsigned char>(byte);
        hex.push_back(kDigits[value >> 4]);
        hex.push_back(kDigits[value & 0x0f]);
    }
    return hex;
}

std::optional<std::string> fromHex(std::string_view hex)
{
    if (hex.size() % 2 != 0)
        return std::nullopt;
    std::string bytes;
    bytes.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int high = hexDigit(hex[i]);
        const int low = hexDigit(hex[i + 1]);
        if (high < 0 || low < 0)
            return std::nullopt;
        bytes.push_back(static_cast<char>(high * 16 + low));
    }
    return bytes;
}

std::string checkpointMessage(std::int64_t seq, const std::string &hash)
{
    return "assay-audit-checkpoint\n" + std::to_string(seq) + "\n" + hash;
}

std::string signMessage(std::string_view message, const std::string &secretKey)
{
    ensureSodium();
    unsigned char signature[crypto_sign_BYTES];
    crypto_sign_detached(signature, nullptr,
                         reinterpret_cast<const unsigned char *>(message.data()), message.size(),
                         reinterpret_cast<const unsigned char *>(secretKey.data()));
    return toHex({reinterpret_cast<const char *>(signature), sizeof signature});
}

bool signatureValid(std::string_view message, const std::string &signatureHex,
                    const std::string &publicKeyHex)
{
    ensureSodium();
    const auto signature = fromHex(signatureHex);
    const auto publicKey = fromHex(publicKeyHex);
    if (!signature || signature->size() != crypto_sign_BYTES || !publicKey ||
        publicKey->size() != crypto_sign_PUBLICKEYBYTES)
        return false;
    return crypto_sign_verify_detached(
               reinterpret_cast<const unsigned char *>(signature->data()),
               reinterpret_cast<const unsigned char *>(message.data()), message.size(),
               reinterpret_cast<const unsigned char *>(publicKey->data())) == 0;
}

std::string auditNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
}

} // namespace assay::govern
