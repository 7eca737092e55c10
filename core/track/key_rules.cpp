#include "track/key_rules.h"

#include <string>

namespace assay::track {

namespace {

constexpr std::size_t kMaxKeyLength = 250;

bool allowed(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.' || c == ' ' || c == '/';
}

bool hasParentSegment(std::string_view key)
{
    std::size_t start = 0;
    for (;;) {
        const std::size_t slash = key.find('/', start);
        if (key.substr(start, slash - start) == "..")
            return true;
        if (slash == std::string_view::npos)
            return false;
        start = slash + 1;
    }
}

} // namespace

Status validateKey(std::string_view kind, std::string_view key)
{
    const std::string quoted = std::string(kind) + " key '" + std::string(key) + "'";
    if (key.empty())
        return Error::invalidInput("a " + std::string(kind) + " needs a key");
    if (key.size() > kMaxKeyLength)
        return Error::invalidInput(quoted + " is longer than 250 characters");
    for (char c : key)
        if (!allowed(c))
            return Error::invalidInput(quoted + " may only contain letters, digits, '_', '-', "
                                                "'.', ' ' and '/'");
    if (key.front() == '/' || hasParentSegment(key))
        return Error::invalidInput(quoted + " must not start with '/' or contain '..' segments");
    return {};
}

} // namespace assay::track
