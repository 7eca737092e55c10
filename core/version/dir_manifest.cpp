#include "version/dir_manifest.h"

#include "version/file_hash.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace assay::version {

namespace {

void appendUnicodeEscape(std::string &out, unsigned unit)
{
    constexpr char kHex[] = "0123456789abcdef";
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4)
        out += kHex[(unit >> shift) & 0xF];
}

// Decodes one UTF-8 sequence at `i`; invalid bytes come out as U+FFFD, one byte each.
char32_t decodeUtf8(std::string_view text, std::size_t &i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    int length = lead < 0x80           ? 1
                 : (lead >> 5) == 0x6  ? 2
                 : (lead >> 4) == 0xE  ? 3
                 : (lead >> 3) == 0x1E ? 4
                                       : 0;
    if (length == 0 || i + static_cast<std::size_t>(length) > text.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t code = length == 1 ? lead : lead & (0x7F >> length);
    for (int k = 1; k < length; ++k) {
        const unsigned char next = byte(i + static_cast<std::size_t>(k));
        if ((next & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        code = (code << 6) | (next & 0x3F);
    }
    i += static_cast<std::size_t>(length);
    return code;
}

void appendPythonJsonString(std::string &out, std::string_view utf8)
{
    out += '"';
    const bool plain = std::all_of(utf8.begin(), utf8.end(), [](char c) {
        return c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
    });
    if (plain) { // the common case: nothing to escape
        out.append(utf8);
        out += '"';
        return;
    }
    for (std::size_t i = 0; i < utf8.size();) {
        const char32_t code = decodeUtf8(utf8, i);
        switch (code) {
        case '"':
            out += "\\\"";
            continue;
        case '\\':
            out += "\\\\";
            continue;
        case '\n':
            out += "\\n";
            continue;
        case '\r':
            out += "\\r";
            continue;
        case '\t':
            out += "\\t";
            continue;
        case '\b':
            out += "\\b";
            continue;
        case '\f':
            out += "\\f";
            continue;
        default:
            break;
        }
        if (code >= 0x20 && code < 0x7F) {
            out += static_cast<char>(code);
        } else if (code < 0x10000) {
            appendUnicodeEscape(out, static_cast<unsigned>(code));
        } else {
            const char32_t offset = code - 0x10000;
            appendUnicodeEscape(out, 0xD800 + static_cast<unsigned>(offset >> 10));
            appendUnicodeEscape(out, 0xDC00 + static_cast<unsigned>(offset & 0x3FF));
        }
    }
    out += '"';
}

} // namespace

std::string pythonJsonString(std::string_view utf8)
{
    std::string out;
    appendPythonJsonString(out, utf8);
    return out;
}

void sortManifest(std::vector<ManifestEntry> &entries)
{
    // std::string compares as unsigned bytes through char_traits, i.e. UTF-8 byte order.
    std::sort(entries.begin(), entries.end(),
              [](const ManifestEntry &a, const ManifestEntry &b) { return a.relpath < b.relpath; });
}

std::string serializeManifest(const std::vector<ManifestEntry> &sortedEntries)
{
    std::string out = "[";
    out.reserve(sortedEntries.size() * 96 + 2);
    bool first = true;
    for (const ManifestEntry &entry : sortedEntries) {
        if (!first)
            out += ", ";
        first = false;
        out += "{\"md5\": ";
        appendPythonJsonString(out, entry.md5);
        out += ", \"relpath\": ";
        appendPythonJsonString(out, entry.relpath);
        out += '}';
    }
    out += ']';
    return out;
}

std::string manifestHash(std::string_view serialized)
{
    return md5OfBytes(serialized) + ".dir";
}

Result<std::vector<std::string>> manifestMd5s(std::string_view bytes, const std::string &sourceName)
{
    // Inside JSON strings quotes are escaped, so an unescaped "md5" is always a key.
    constexpr std::string_view kKey = "\"md5\"";
    std::vector<std::string> md5s;
    std::size_t relpaths = 0;
    for (std::size_t at = bytes.find("\"relpath\""); at != std::string_view::npos;
         at = bytes.find("\"relpath\"", at + 1))
        ++relpaths;
    md5s.reserve(relpaths);
    bool regular = true;
    for (std::size_t at = bytes.find(kKey); at != std::string_view::npos && regular;
         at = bytes.find(kKey, at + 1)) {
        std::size_t i = at + kKey.size();
        while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == ':'))
            ++i;
        const std::string_view value = bytes.substr(std::min(i + 1, bytes.size()), 32);
        regular = i + 34 <= bytes.size() && bytes[i] == '"' && bytes[i + 33] == '"' &&
                  value.find_first_not_of("0123456789abcdef") == std::string_view::npos;
        if (regular)
            md5s.emplace_back(value);
    }
    if (regular && md5s.size() == relpaths && (relpaths > 0 || bytes == "[]"))
        return md5s;
    auto entries = parseManifest(bytes, sourceName);
    if (!entries)
        return entries.error();
    md5s.clear();
    for (ManifestEntry &entry : *entries)
        md5s.push_back(std::move(entry.md5));
    return md5s;
}

Result<std::vector<ManifestEntry>> parseManifest(std::string_view bytes,
                                                 const std::string &sourceName)
{
    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray(bytes.data(), qsizetype(bytes.size())), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isArray())
        return Error::invalidInput(sourceName + ": not a DVC directory manifest (a JSON list): " +
                                   parseError.errorString().toStdString());
    std::vector<ManifestEntry> entries;
    const QJsonArray array = document.array();
    entries.reserve(static_cast<std::size_t>(array.size()));
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject object = array.at(i).toObject();
        const QJsonValue md5 = object.value(QStringLiteral("md5"));
        const QJsonValue relpath = object.value(QStringLiteral("relpath"));
        if (!md5.isString() || !relpath.isString())
            return Error::invalidInput(sourceName + ": entry " + std::to_string(i) +
                                       " needs string keys 'md5' and 'relpath'");
        entries.push_back({md5.toString().toStdString(), relpath.toString().toStdString()});
    }
    return entries;
}

} // namespace assay::version
