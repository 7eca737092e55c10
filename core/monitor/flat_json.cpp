#include "monitor/flat_json.h"

#include "table/json_escape.h"

#include <cstring>

namespace assay::monitor {

namespace {

constexpr int kMaxDepth = 64;

bool isDigit(char c)
{
    return static_cast<unsigned>(c - '0') < 10;
}

} // namespace

bool FlatJson::fail(std::size_t offset, const char *reason)
{
    m_errorOffset = offset;
    m_errorReason = reason;
    return false;
}

bool FlatJson::parse(std::string_view text)
{
    m_text = text;
    m_pos = 0;
    m_nodes.clear();
    m_arena.clear();
    if (m_arena.capacity() < text.size())
        m_arena.reserve(text.size());
    m_pendingKey = {};
    skipSpace();
    if (!parseValue(0))
        return false;
    skipSpace();
    if (m_pos != m_text.size())
        return fail(m_pos, "unexpected text after the JSON value");
    return true;
}

std::uint32_t FlatJson::member(std::uint32_t index, std::string_view key) const
{
    const JsonNode &object = m_nodes[index];
    if (object.type != JsonType::Object)
        return 0;
    for (std::uint32_t child = index + 1; child < object.end; child = m_nodes[child].end)
        if (m_nodes[child].key == key)
            return child;
    return 0;
}

std::uint32_t FlatJson::child(std::uint32_t index, std::uint32_t position) const
{
    std::uint32_t child = index + 1;
    for (std::uint32_t i = 0; i < position; ++i)
        child = m_nodes[child].end;
    return child;
}

bool FlatJson::parseValue(int depth)
{
    if (m_pos >= m_text.size())
        return fail(m_pos, "unexpected end of line (truncated JSON?)");
    const auto index = static_cast<std::uint32_t>(m_nodes.size());
    m_nodes.push_back({.type = JsonType::Null,
                       .end = 0,
                       .count = 0,
                       .offset = static_cast<std::uint32_t>(m_pos),
                       .key = m_pendingKey,
                       .text = {}});
    m_pendingKey = {};
    const char c = m_text[m_pos];
    if (c == '{' || c == '[') {
        if (depth >= kMaxDepth)
            return fail(m_pos, "JSON nested too deeply");
        const bool isObject = c == '{';
        const char close = isObject ? '}' : ']';
        m_nodes[index].type = isObject ? JsonType::Object : JsonType::Array;
        ++m_pos;
        skipSpace();
        std::uint32_t count = 0;
        if (m_pos < m_text.size() && m_text[m_pos] == close) {
            ++m_pos;
        } else {
            for (;;) {
                if (isObject) {
                    if (m_pos >= m_text.size())
                        return fail(m_pos, "unexpected end of line (truncated JSON?)");
                    if (m_text[m_pos] != '"')
                        return fail(m_pos, "expected a quoted member name");
                    std::string_view key;
                    if (!parseString(key))
                        return false;
                    skipSpace();
                    if (m_pos >= m_text.size())
                        return fail(m_pos, "unexpected end of line (truncated JSON?)");
                    if (m_text[m_pos] != ':')
                        return fail(m_pos, "expected ':' after a member name");
                    ++m_pos;
                    skipSpace();
                    m_pendingKey = key;
                }
                if (!parseValue(depth + 1))
                    return false;
                ++count;
                skipSpace();
                if (m_pos >= m_text.size())
                    return fail(m_pos, "unexpected end of line (truncated JSON?)");
                if (m_text[m_pos] == ',') {
                    ++m_pos;
                    skipSpace();
                    continue;
                }
                if (m_text[m_pos] == close) {
                    ++m_pos;
                    break;
                }
                return fail(m_pos, isObject ? "expected ',' or '}'" : "expected ',' or ']'");
            }
        }
        m_nodes[index].count = count;
        m_nodes[index].end = static_cast<std::uint32_t>(m_nodes.size());
        return true;
    }
    m_nodes[index].end = index + 1;
    switch (c) {
    case '"': {
        std::string_view value;
        if (!parseString(value))
            return false;
        m_nodes[index].type = JsonType::String;
        m_nodes[index].text = value;
        return true;
    }
    case 't':
        return parseLiteral("true", JsonType::True);
    case 'f':
        return parseLiteral("false", JsonType::False);
    case 'n':
        return parseLiteral("null", JsonType::Null);
    default:
        if (c == '-' || isDigit(c))
            return parseNumber();
        return fail(m_pos, "unexpected character; expected a JSON value");
    }
}

bool FlatJson::parseLiteral(std::string_view word, JsonType type)
{
    if (m_text.substr(m_pos, word.size()) != word)
        return fail(m_pos, "unexpected character; expected a JSON value");
    m_nodes.back().type = type;
    m_pos += word.size();
    return true;
}

bool FlatJson::parseNumber()
{
    const std::size_t start = m_pos;
    const std::size_t size = m_text.size();
    if (m_text[m_pos] == '-')
        ++m_pos;
    if (m_pos >= size || !isDigit(m_text[m_pos]))
        return fail(m_pos, "malformed number");
    if (m_text[m_pos] == '0')
        ++m_pos;
    else
        while (m_pos < size && isDigit(m_text[m_pos]))
            ++m_pos;
    if (m_pos < size && m_text[m_pos] == '.') {
        ++m_pos;
        if (m_pos >= size || !isDigit(m_text[m_pos]))
            return fail(m_pos, "malformed number");
        while (m_pos < size && isDigit(m_text[m_pos]))
            ++m_pos;
    }
    if (m_pos < size && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
        ++m_pos;
        if (m_pos < size && (m_text[m_pos] == '+' || m_text[m_pos] == '-'))
            ++m_pos;
        if (m_pos >= size || !isDigit(m_text[m_pos]))
            return fail(m_pos, "malformed number");
        while (m_pos < size && isDigit(m_text[m_pos]))
            ++m_pos;
    }
    m_nodes.back().type = JsonType::Number;
    m_nodes.back().text = m_text.substr(start, m_pos - start);
    return true;
}

bool FlatJson::parseString(std::string_view &out)
{
    const std::size_t open = m_pos++;
    const char *const begin = m_text.data();
    const std::size_t size = m_text.size();
    // Fast path: no escapes, the value is a view of the text.
    std::size_t pos = m_pos;
    while (pos < size) {
        const auto c = static_cast<unsigned char>(begin[pos]);
        if (c == '"') {
            out = m_text.substr(m_pos, pos - m_pos);
            m_pos = pos + 1;
            return true;
        }
        if (c == '\\')
            break;
        if (c < 0x20)
            return fail(pos, "control character in a string");
        ++pos;
    }
    if (pos >= size)
        return fail(open, "unterminated string (truncated JSON?)");

    const std::size_t arenaStart = m_arena.size();
    m_arena.append(begin + m_pos, pos - m_pos);
    while (pos < size) {
        const auto c = static_cast<unsigned char>(begin[pos]);
        if (c == '"') {
            out = std::string_view(m_arena.data() + arenaStart, m_arena.size() - arenaStart);
            m_pos = pos + 1;
            return true;
        }
        if (c < 0x20)
            return fail(pos, "control character in a string");
        if (c != '\\') {
            m_arena += static_cast<char>(c);
            ++pos;
            continue;
        }
        if (pos + 1 >= size)
            return fail(pos, "unterminated string (truncated JSON?)");
        const char escape = begin[pos + 1];
        switch (escape) {
        case '"': m_arena += '"'; break;
        case '\\': m_arena += '\\'; break;
        case '/': m_arena += '/'; break;
        case 'b': m_arena += '\b'; break;
        case 'f': m_arena += '\f'; break;
        case 'n': m_arena += '\n'; break;
        case 'r': m_arena += '\r'; break;
        case 't': m_arena += '\t'; break;
        case 'u': {
            auto readHex = [&](std::size_t at, std::uint32_t &value) {
                if (at + 4 > size)
                    return false;
                value = 0;
                for (std::size_t i = 0; i < 4; ++i) {
                    const int digit = table::hexDigitValue(begin[at + i]);
                    if (digit < 0)
                        return false;
                    value = value * 16 + static_cast<std::uint32_t>(digit);
                }
                return true;
            };
            std::uint32_t code = 0;
            if (!readHex(pos + 2, code))
                return fail(pos, "malformed \\u escape");
            pos += 6;
            if (code >= 0xD800 && code < 0xDC00) {
                std::uint32_t low = 0;
                if (pos + 1 < size && begin[pos] == '\\' && begin[pos + 1] == 'u' &&
                    readHex(pos + 2, low) && low >= 0xDC00 && low < 0xE000) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                    pos += 6;
                } else {
                    code = 0xFFFD;
                }
            } else if (code >= 0xDC00 && code < 0xE000) {
                code = 0xFFFD;
            }
            table::appendUtf8(m_arena, code);
            continue;
        }
        default:
            return fail(pos, "unknown escape in a string");
        }
        pos += 2;
    }
    return fail(open, "unterminated string (truncated JSON?)");
}

} // namespace assay::monitor
