#include "table/json_scan.h"

#include "table/json_escape.h"

namespace assay::table {

namespace {

constexpr int kMaxDepth = 256;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

bool JsonLineScanner::fail(std::size_t offset, std::string reason)
{
    m_errorOffset = offset;
    m_errorReason = std::move(reason);
    return false;
}

void JsonLineScanner::skipSpace()
{
    while (m_pos < m_line.size()) {
        const char c = m_line[m_pos];
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            break;
        ++m_pos;
    }
}

bool JsonLineScanner::scanString(JsonText &out)
{
    const std::size_t open = m_pos++;
    const std::size_t start = m_pos;
    bool escaped = false;
    while (m_pos < m_line.size() && m_line[m_pos] != '"') {
        const auto c = static_cast<unsigned char>(m_line[m_pos]);
        if (c < 0x20)
            return fail(m_pos, "control character in string");
        if (c == '\\') {
            escaped = true;
            ++m_pos;
        }
        ++m_pos;
    }
    if (m_pos >= m_line.size())
        return fail(open, "unterminated string");
    const std::size_t end = m_pos++;
    if (!escaped) {
        out = {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end - start), false};
        return true;
    }
    const std::size_t arenaStart = m_arena.size();
    for (std::size_t i = start; i < end; ++i) {
        if (m_line[i] != '\\') {
            m_arena.push_back(m_line[i]);
            continue;
        }
        const std::size_t escapeAt = i++;
        switch (m_line[i]) {
        case '"': m_arena.push_back('"'); break;
        case '\\': m_arena.push_back('\\'); break;
        case '/': m_arena.push_back('/'); break;
        case 'b': m_arena.push_back('\b'); break;
        case 'f': m_arena.push_back('\f'); break;
        case 'n': m_arena.push_back('\n'); break;
        case 'r': m_arena.push_back('\r'); break;
        case 't': m_arena.push_back('\t'); break;
        case 'u': {
            const auto readHex = [&](std::size_t at, std::uint32_t &value) {
                if (at + 4 > end)
                    return false;
                value = 0;
                for (std::size_t k = at; k < at + 4; ++k) {
                    const int digit = hexDigitValue(m_line[k]);
                    if (digit < 0)
                        return false;
                    value = value * 16 + static_cast<std::uint32_t>(digit);
                }
                return true;
            };
            std::uint32_t codePoint = 0;
            if (!readHex(i + 1, codePoint))
                return fail(escapeAt, "invalid \\u escape");
            i += 4;
            if (codePoint >= 0xD800 && codePoint <= 0xDBFF) {
                std::uint32_t low = 0;
                if (i + 2 >= end || m_line[i + 1] != '\\' || m_line[i + 2] != 'u'
                    || !readHex(i + 3, low) || low < 0xDC00 || low > 0xDFFF)
                    return fail(escapeAt, "unpaired surrogate in \\u escape");
                codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (low - 0xDC00);
                i += 6;
            } else if (codePoint >= 0xDC00 && codePoint <= 0xDFFF) {
                return fail(escapeAt, "unpaired surrogate in \\u escape");
            }
            appendUtf8(m_arena, codePoint);
            break;
        }
        default:
            return fail(escapeAt, "invalid escape in string");
        }
    }
    out = {static_cast<std::uint32_t>(arenaStart),
           static_cast<std::uint32_t>(m_arena.size() - arenaStart), true};
    return true;
}

bool JsonLineScanner::scanNumber(JsonText &out)
{
    const std::size_t start = m_pos;
    if (m_line[m_pos] == '-')
        ++m_pos;
    if (m_pos >= m_line.size() || !isDigit(m_line[m_pos]))
        return fail(start, "invalid number");
    if (m_line[m_pos] == '0')
        ++m_pos;
    else
        while (m_pos < m_line.size() && isDigit(m_line[m_pos]))
            ++m_pos;
    if (m_pos < m_line.size() && m_line[m_pos] == '.') {
        ++m_pos;
        if (m_pos >= m_line.size() || !isDigit(m_line[m_pos]))
            return fail(start, "invalid number");
        while (m_pos < m_line.size() && isDigit(m_line[m_pos]))
            ++m_pos;
    }
    if (m_pos < m_line.size() && (m_line[m_pos] == 'e' || m_line[m_pos] == 'E')) {
        ++m_pos;
        if (m_pos < m_line.size() && (m_line[m_pos] == '+' || m_line[m_pos] == '-'))
            ++m_pos;
        if (m_pos >= m_line.size() || !isDigit(m_line[m_pos]))
            return fail(start, "invalid number");
        while (m_pos < m_line.size() && isDigit(m_line[m_pos]))
            ++m_pos;
    }
    out = {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(m_pos - start), false};
    return true;
}

bool JsonLineScanner::scanLiteral(std::string_view word)
{
    if (m_line.substr(m_pos, word.size()) != word)
        return fail(m_pos, "invalid value");
    m_pos += word.size();
    return true;
}

// Validates an object or array at m_pos and appends its compact form to the arena.
bool JsonLineScanner::scanNested(int depth)
{
    if (depth > kMaxDepth)
        return fail(m_pos, "nesting deeper than 256 levels");
    const char open = m_line[m_pos];
    const char close = open == '{' ? '}' : ']';
    m_arena.push_back(open);
    ++m_pos;
    skipSpace();
    if (m_pos < m_line.size() && m_line[m_pos] == close) {
        m_arena.push_back(close);
        ++m_pos;
        return true;
    }
    for (;;) {
        skipSpace();
        if (open == '{') {
            if (m_pos >= m_line.size() || m_line[m_pos] != '"')
                return fail(m_pos, "expected a string key");
            const std::size_t keyStart = m_pos;
            JsonText ignored;
            const std::size_t arenaSize = m_arena.size();
            if (!scanString(ignored))
                return false;
            m_arena.resize(arenaSize); // keep the escaped source text, not the decoded
            m_arena.append(m_line.substr(keyStart, m_pos - keyStart));
            skipSpace();
            if (m_pos >= m_line.size() || m_line[m_pos] != ':')
                return fail(m_pos, "expected ':'");
            m_arena.push_back(':');
            ++m_pos;
            skipSpace();
        }
        if (m_pos >= m_line.size())
            return fail(m_pos, "unexpected end of line");
        const char c = m_line[m_pos];
        const std::size_t valueStart = m_pos;
        if (c == '{' || c == '[') {
            if (!scanNested(depth + 1))
                return false;
        } else {
            JsonText ignored;
            bool ok = false;
            if (c == '"') {
                const std::size_t arenaSize = m_arena.size();
                ok = scanString(ignored);
                m_arena.resize(arenaSize); // keep the escaped source text, not the decoded
            } else if (c == '-' || isDigit(c)) {
                ok = scanNumber(ignored);
            } else if (c == 't') {
                ok = scanLiteral("true");
            } else if (c == 'f') {
                ok = scanLiteral("false");
            } else if (c == 'n') {
                ok = scanLiteral("null");
            } else {
                ok = fail(m_pos, "invalid value");
            }
            if (!ok)
                return false;
            m_arena.append(m_line.substr(valueStart, m_pos - valueStart));
        }
        skipSpace();
        if (m_pos >= m_line.size())
            return fail(m_pos, "unexpected end of line");
        if (m_line[m_pos] == ',') {
            m_arena.push_back(',');
            ++m_pos;
            continue;
        }
        if (m_line[m_pos] == close) {
            m_arena.push_back(close);
            ++m_pos;
            return true;
        }
        return fail(m_pos, open == '{' ? "expected ',' or '}'" : "expected ',' or ']'");
    }
}

bool JsonLineScanner::scanObject(std::string_view line, std::vector<JsonMember> &members)
{
    m_line = line;
    m_pos = 0;
    m_arena.clear();
    members.clear();
    skipSpace();
    if (m_pos >= m_line.size() || m_line[m_pos] != '{')
        return fail(m_pos, "expected a JSON object");
    ++m_pos;
    skipSpace();
    if (m_pos < m_line.size() && m_line[m_pos] == '}') {
        ++m_pos;
    } else {
        for (;;) {
            skipSpace();
            if (m_pos >= m_line.size() || m_line[m_pos] != '"')
                return fail(m_pos, "expected a string key");
            JsonMember member;
            member.keyOffset = static_cast<std::uint32_t>(m_pos);
            if (!scanString(member.key))
                return false;
            skipSpace();
            if (m_pos >= m_line.size() || m_line[m_pos] != ':')
                return fail(m_pos, "expected ':'");
            ++m_pos;
            skipSpace();
            if (m_pos >= m_line.size())
                return fail(m_pos, "unexpected end of line");
            const char c = m_line[m_pos];
            if (c == '"') {
                member.kind = JsonKind::String;
                if (!scanString(member.value))
                    return false;
            } else if (c == '-' || isDigit(c)) {
                member.kind = JsonKind::Number;
                if (!scanNumber(member.value))
                    return false;
            } else if (c == '{' || c == '[') {
                member.kind = JsonKind::Nested;
                const std::size_t arenaStart = m_arena.size();
                if (!scanNested(1))
                    return false;
                member.value = {static_cast<std::uint32_t>(arenaStart),
                                static_cast<std::uint32_t>(m_arena.size() - arenaStart), true};
            } else if (c == 't') {
                member.kind = JsonKind::True;
                if (!scanLiteral("true"))
                    return false;
            } else if (c == 'f') {
                member.kind = JsonKind::False;
                if (!scanLiteral("false"))
                    return false;
            } else if (c == 'n') {
                member.kind = JsonKind::Null;
                if (!scanLiteral("null"))
                    return false;
            } else {
                return fail(m_pos, "invalid value");
            }
            members.push_back(member);
            skipSpace();
            if (m_pos < m_line.size() && m_line[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_line.size() && m_line[m_pos] == '}') {
                ++m_pos;
                break;
            }
            return fail(m_pos, "expected ',' or '}'");
        }
    }
    skipSpace();
    if (m_pos != m_line.size())
        return fail(m_pos, "unexpected text after the object");
    return true;
}

} // namespace assay::table
