#include "model/slice_filter.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace assay::model {

namespace {

enum class TokenKind { Word, Keyword, Text, Number, Operator, Open, Close, Comma, End };

struct Token {
    TokenKind kind = TokenKind::End;
    std::string text; // keywords lower-cased, text unquoted
    int position = 1;
};

Error errorAt(int position, const std::string &message)
{
    return Error::invalidInput("position " + std::to_string(position) + ": " + message);
}

bool isWordChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
}

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

class Lexer {
public:
    explicit Lexer(std::string_view text) : m_text(text) {}

    Result<std::vector<Token>> run()
    {
        std::vector<Token> tokens;
        while (true) {
            while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])))
                ++m_pos;
            if (m_pos == m_text.size()) {
                tokens.push_back({TokenKind::End, "", position(m_pos)});
                return tokens;
            }
            auto token = next();
            if (!token)
                return token.error();
            tokens.push_back(std::move(*token));
        }
    }

private:
    // Characters, not UTF-8 bytes, so positions match what an editor shows.
    int position(std::size_t index) const
    {
        int column = 1;
        for (std::size_t i = 0; i < index && i < m_text.size(); ++i)
            if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80)
                ++column;
        return column;
    }

    Result<Token> next()
    {
        const std::size_t start = m_pos;
        const char c = m_text[m_pos];
        const auto single = [&](TokenKind kind) {
            ++m_pos;
            return Token{kind, std::string(1, c), position(start)};
        };
        if (c == '(' || c == '[')
            return single(TokenKind::Open);
        if (c == ')' || c == ']')
            return single(TokenKind::Close);
        if (c == ',')
            return single(TokenKind::Comma);
        if (c == '\'' || c == '"' || c == '`')
            return quoted();
        if (c == '=' || c == '!' || c == '<' || c == '>')
            return comparison();
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+' ||
            (c == '.' && m_pos + 1 < m_text.size() &&
             std::isdigit(static_cast<unsigned char>(m_text[m_pos + 1]))))
            return number();
        if (isWordChar(c))
            return word();
        return errorAt(position(start), "unexpected character '" + std::string(1, c) + "'");
    }

    // 'text' and "text" are values, `text` a column name; a doubled quote stands for itself.
    Result<Token> quoted()
    {
        const std::size_t start = m_pos;
        const char quote = m_text[m_pos++];
        std::string text;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c != quote) {
                text += c;
            } else if (m_pos < m_text.size() && m_text[m_pos] == quote) {
                text += quote;
                ++m_pos;
            } else {
                return Token{quote == '`' ? TokenKind::Word : TokenKind::Text, std::move(text),
                             position(start)};
            }
        }
        return errorAt(position(start), std::string("unterminated ") +
                                            (quote == '`' ? "column name" : "text") +
                                            " starting here");
    }

    Result<Token> comparison()
    {
        const std::size_t start = m_pos;
        const char first = m_text[m_pos++];
        const bool equalsFollows = m_pos < m_text.size() && m_text[m_pos] == '=';
        if (equalsFollows)
            ++m_pos;
        if (first == '!' && !equalsFollows)
            return errorAt(position(start), "expected '!=' (write 'not' to negate)");
        std::string op(1, first);
        if (equalsFollows && first != '=')
            op += '=';
        if (op == "=")
            op = "=="; // `=` reads as `==`, as in SQL
        return Token{TokenKind::Operator, op, position(start)};
    }

    Result<Token> number()
    {
        const std::size_t start = m_pos;
        ++m_pos;
        while (m_pos < m_text.size() && (isWordChar(m_text[m_pos]) ||
                                         ((m_text[m_pos] == '-' || m_text[m_pos] == '+') &&
                                          (m_text[m_pos - 1] == 'e' || m_text[m_pos - 1] == 'E'))))
            ++m_pos;
        const std::string text(m_text.substr(start, m_pos - start));
        double value = 0;
        const char *begin = text.data() + (text.front() == '+' ? 1 : 0);
        const auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
        if (error != std::errc() || end != text.data() + text.size())
            return errorAt(position(start), "malformed number '" + text + "'");
        return Token{TokenKind::Number, text, position(start)};
    }

    Result<Token> word()
    {
        const std::size_t start = m_pos;
        while (m_pos < m_text.size() && isWordChar(m_text[m_pos]))
            ++m_pos;
        std::string text(m_text.substr(start, m_pos - start));
        const std::string lowered = lower(text);
        for (const char *keyword : {"and", "or", "not", "in", "true", "false"})
            if (lowered == keyword)
                return Token{TokenKind::Keyword, lowered, position(start)};
        return Token{TokenKind::Word, std::move(text), position(start)};
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

// or := and ('or' and)* ; and := unary ('and' unary)* ;
// unary := 'not' unary | '(' or ')' | condition
class Parser {
public:
    explicit Parser(std::vector<Token> tokens) : m_tokens(std::move(tokens)) {}

    Result<SliceNode> expression()
    {
        auto root = disjunction();
        if (!root)
            return root;
        if (peek().kind != TokenKind::End)
            return errorAt(peek().position,
                           "expected 'and', 'or' or the end, got " + describe(peek()));
        return root;
    }

private:
    const Token &peek() const { return m_tokens[m_index]; }
    const Token &take() { return m_tokens[m_index++]; }
    bool atKeyword(const char *keyword) const
    {
        return peek().kind == TokenKind::Keyword && peek().text == keyword;
    }

    static std::string describe(const Token &token)
    {
        switch (token.kind) {
        case TokenKind::End:
            return "the end";
        case TokenKind::Text:
            return "'" + token.text + "'";
        default:
            return "'" + token.text + "'";
        }
    }

    Result<SliceNode> chain(SliceNode::Kind kind, const char *keyword,
                            Result<SliceNode> (Parser::*operand)())
    {
        auto first = (this->*operand)();
        if (!first || !atKeyword(keyword))
            return first;
        SliceNode node;
        node.kind = kind;
        node.children.push_back(std::move(*first));
        while (atKeyword(keyword)) {
            take();
            auto next = (this->*operand)();
            if (!next)
                return next;
            node.children.push_back(std::move(*next));
        }
        return node;
    }

    Result<SliceNode> disjunction()
    {
        return chain(SliceNode::Kind::Or, "or", &Parser::conjunction);
    }
    Result<SliceNode> conjunction() { return chain(SliceNode::Kind::And, "and", &Parser::unary); }

    Result<SliceNode> unary()
    {
        if (atKeyword("not")) {
            take();
            auto operand = unary();
            if (!operand)
                return operand;
            SliceNode node;
            node.kind = SliceNode::Kind::Not;
            node.children.push_back(std::move(*operand));
            return node;
        }
        if (peek().kind == TokenKind::Open && peek().text == "(") {
            const int open = take().position;
            auto inner = disjunction();
            if (!inner)
                return inner;
            if (peek().kind != TokenKind::Close || peek().text != ")")
                return errorAt(peek().position, "expected ')' to close the '(' at position " +
                                                    std::to_string(open) + ", got " +
                                                    describe(peek()));
            take();
            return inner;
        }
        return condition();
    }

    Result<SliceNode> condition()
    {
        if (peek().kind != TokenKind::Word)
            return errorAt(peek().position, "expected a column name, got " + describe(peek()));
        SliceNode node;
        node.condition.column = peek().text;
        node.condition.position = take().position;
        if (atKeyword("in") || atKeyword("not")) {
            node.condition.op = take().text == "in" ? SliceOp::In : SliceOp::NotIn;
            if (node.condition.op == SliceOp::NotIn) {
                if (!atKeyword("in"))
                    return errorAt(peek().position,
                                   "expected 'in' after 'not', got " + describe(peek()));
                take();
            }
            ASSAY_TRY(list(node.condition.values));
            return node;
        }
        if (peek().kind != TokenKind::Operator)
            return errorAt(peek().position, "expected ==, !=, <, <=, >, >=, in or not in after '" +
                                                node.condition.column + "', got " +
                                                describe(peek()));
        const std::string op = take().text;
        node.condition.op = op == "=="   ? SliceOp::Equal
                            : op == "!=" ? SliceOp::NotEqual
                            : op == "<"  ? SliceOp::Less
                            : op == "<=" ? SliceOp::LessEqual
                            : op == ">"  ? SliceOp::Greater
                                         : SliceOp::GreaterEqual;
        auto value = literal(op);
        if (!value)
            return value.error();
        node.condition.values.push_back(std::move(*value));
        return node;
    }

    Status list(std::vector<SliceValue> &values)
    {
        if (peek().kind != TokenKind::Open)
            return errorAt(peek().position,
                           "expected a list such as ['a', 'b'], got " + describe(peek()));
        take();
        while (true) {
            auto value = literal("in");
            if (!value)
                return value.error();
            values.push_back(std::move(*value));
            if (peek().kind == TokenKind::Comma) {
                take();
                continue;
            }
            if (peek().kind == TokenKind::Close)
                break;
            return errorAt(peek().position,
                           "expected ',' or the end of the list, got " + describe(peek()));
        }
        take();
        return {};
    }

    Result<SliceValue> literal(const std::string &after)
    {
        const Token &token = peek();
        SliceValue value;
        value.position = token.position;
        value.text = token.text;
        if (token.kind == TokenKind::Text) {
            value.kind = SliceValue::Kind::Text;
        } else if (token.kind == TokenKind::Number) {
            value.kind = SliceValue::Kind::Number;
            const char *begin = token.text.data() + (token.text.front() == '+' ? 1 : 0);
            std::from_chars(begin, token.text.data() + token.text.size(), value.number);
        } else if (token.kind == TokenKind::Keyword &&
                   (token.text == "true" || token.text == "false")) {
            value.kind = SliceValue::Kind::Boolean;
            value.number = token.text == "true" ? 1 : 0;
        } else if (token.kind == TokenKind::Word) {
            return errorAt(token.position, "expected a value after '" + after + "'; quote text: '" +
                                               token.text + "'");
        } else {
            return errorAt(token.position,
                           "expected a value after '" + after + "', got " + describe(token));
        }
        take();
        return value;
    }

    std::vector<Token> m_tokens;
    std::size_t m_index = 0;
};

} // namespace

Result<SliceFilter> SliceFilter::parse(std::string_view expression)
{
    auto tokens = Lexer(expression).run();
    if (!tokens)
        return tokens.error();
    if (tokens->size() == 1)
        return errorAt(1, "the expression is empty");
    auto root = Parser(std::move(*tokens)).expression();
    if (!root)
        return root.error();
    return SliceFilter(std::string(expression), std::move(*root));
}

} // namespace assay::model
