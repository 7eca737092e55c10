#include "track/run_filter_lexer.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace assay::track {

namespace {

constexpr std::array<std::string_view, 6> kKeywords{"and", "or", "not", "in", "like", "ilike"};

bool isWordChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Unquoted keys may hold the characters MLflow allows in names except space.
bool isKeyChar(char c)
{
    return isWordChar(c) || c == '.' || c == '-' || c == '/' || c == ':';
}

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

class Lexer {
public:
    explicit Lexer(std::string_view filter) : m_filter(filter) {}

    Result<std::vector<FilterToken>> run()
    {
        std::vector<FilterToken> tokens;
        while (true) {
            while (m_pos < m_filter.size() &&
                   std::isspace(static_cast<unsigned char>(m_filter[m_pos])))
                ++m_pos;
            if (m_pos == m_filter.size()) {
                tokens.push_back({FilterTokenKind::End, "", column(m_pos), {}, {}});
                return tokens;
            }
            auto token = next();
            if (!token)
                return token.error();
            tokens.push_back(std::move(*token));
        }
    }

private:
    int column(std::size_t index) const
    {
        // Count characters, not UTF-8 bytes, so the caret sits under the right letter.
        int col = 1;
        for (std::size_t i = 0; i < index && i < m_filter.size(); ++i)
            if ((static_cast<unsigned char>(m_filter[i]) & 0xC0) != 0x80)
                ++col;
        return col;
    }

    Error error(std::size_t index, const std::string &message) const
    {
        return filterError(m_filter, column(index), message);
    }

    // Reads a quoted text starting at m_pos; doubled quotes and backslashes escape.
    Result<std::string> quoted()
    {
        const std::size_t start = m_pos;
        const char quote = m_filter[m_pos++];
        std::string text;
        while (m_pos < m_filter.size()) {
            const char c = m_filter[m_pos++];
            if (c == '\\' && m_pos < m_filter.size()) {
                text += m_filter[m_pos++];
            } else if (c == quote) {
                if (m_pos < m_filter.size() && m_filter[m_pos] == quote) {
                    text += quote;
                    ++m_pos;
                } else {
                    return text;
                }
            } else {
                text += c;
            }
        }
        return error(start, std::string("unterminated ") +
                                (quote == '`' ? "backtick key" : "string") + " starting here");
    }

    bool startsNumber() const
    {
        auto digitAt = [&](std::size_t i) {
            return i < m_filter.size() &&
                   (std::isdigit(static_cast<unsigned char>(m_filter[i])) ||
                    (m_filter[i] == '.' && i + 1 < m_filter.size() &&
                     std::isdigit(static_cast<unsigned char>(m_filter[i + 1]))));
        };
        const char c = m_filter[m_pos];
        return digitAt(m_pos) || ((c == '-' || c == '+') && digitAt(m_pos + 1));
    }

    Result<FilterToken> number()
    {
        const std::size_t start = m_pos;
        auto digits = [&] {
            while (m_pos < m_filter.size() &&
                   std::isdigit(static_cast<unsigned char>(m_filter[m_pos])))
                ++m_pos;
        };
        if (m_filter[m_pos] == '-' || m_filter[m_pos] == '+')
            ++m_pos;
        digits();
        if (m_pos < m_filter.size() && m_filter[m_pos] == '.') {
            ++m_pos;
            digits();
        }
        if (m_pos < m_filter.size() && (m_filter[m_pos] == 'e' || m_filter[m_pos] == 'E')) {
            std::size_t p = m_pos + 1;
            if (p < m_filter.size() && (m_filter[p] == '-' || m_filter[p] == '+'))
                ++p;
            if (p >= m_filter.size() || !std::isdigit(static_cast<unsigned char>(m_filter[p])))
                return error(m_pos, "malformed number exponent");
            m_pos = p;
            digits();
        }
        if (m_pos < m_filter.size() && isWordChar(m_filter[m_pos]))
            return error(start, "malformed number '" +
                                    std::string(m_filter.substr(start, m_pos - start + 1)) + "'");
        return FilterToken{FilterTokenKind::Number,
                           std::string(m_filter.substr(start, m_pos - start)),
                           column(start),
                           {},
                           {}};
    }

    Result<FilterToken> word()
    {
        const std::size_t start = m_pos;
        while (m_pos < m_filter.size() && isWordChar(m_filter[m_pos]))
            ++m_pos;
        const std::string word(m_filter.substr(start, m_pos - start));
        const std::string lowered = lower(word);
        if (std::find(kKeywords.begin(), kKeywords.end(), lowered) != kKeywords.end())
            return FilterToken{FilterTokenKind::Keyword, lowered, column(start), {}, {}};
        FilterToken token{FilterTokenKind::Identifier, word, column(start), {}, word};
        if (m_pos >= m_filter.size() || m_filter[m_pos] != '.')
            return token; // a bare attribute such as start_time
        ++m_pos;
        token.entity = lowered;
        if (m_pos < m_filter.size() && (m_filter[m_pos] == '`' || m_filter[m_pos] == '"')) {
            auto key = quoted();
            if (!key)
                return key.error();
            token.key = std::move(*key);
        } else {
            const std::size_t keyStart = m_pos;
            while (m_pos < m_filter.size() && isKeyChar(m_filter[m_pos]))
                ++m_pos;
            token.key = std::string(m_filter.substr(keyStart, m_pos - keyStart));
            if (token.key.empty())
                return error(keyStart, "expected a key after '" + word + ".'");
        }
        token.text = std::string(m_filter.substr(start, m_pos - start));
        return token;
    }

    Result<FilterToken> next()
    {
        const std::size_t start = m_pos;
        const char c = m_filter[m_pos];
        auto single = [&](FilterTokenKind kind) {
            ++m_pos;
            return FilterToken{kind, std::string(1, c), column(start), {}, {}};
        };
        if (c == '(')
            return single(FilterTokenKind::LeftParen);
        if (c == ')')
            return single(FilterTokenKind::RightParen);
        if (c == ',')
            return single(FilterTokenKind::Comma);
        if (c == '\'' || c == '"') {
            auto text = quoted();
            if (!text)
                return text.error();
            return FilterToken{FilterTokenKind::String, std::move(*text), column(start), {}, {}};
        }
        if (c == '`')
            return error(start, "a backticked key needs an entity first, e.g. metrics.`f1 score`");
        if (startsNumber())
            return number();
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_')
            return word();
        for (std::string_view op : {"!=", "<>", "<=", ">=", "==", "=", "<", ">"}) {
            if (m_filter.substr(m_pos, op.size()) == op) {
                m_pos += op.size();
                return FilterToken{FilterTokenKind::Operator,
                                   std::string(op == "=="   ? "="
                                               : op == "<>" ? "!="
                                                            : op),
                                   column(start),
                                   {},
                                   {}};
            }
        }
        return error(start, std::string("unexpected character '") + c + "'");
    }

    std::string_view m_filter;
    std::size_t m_pos = 0;
};

} // namespace

Result<std::vector<FilterToken>> tokenizeFilter(std::string_view filter)
{
    return Lexer(filter).run();
}

Error filterError(std::string_view filter, int column, const std::string &message)
{
    std::string text = "filter:1:" + std::to_string(column) + ": " + message + "\n  " +
                       std::string(filter) + "\n  " +
                       std::string(static_cast<std::size_t>(column - 1), ' ') + "^";
    return Error::invalidInput(std::move(text));
}

} // namespace assay::track
