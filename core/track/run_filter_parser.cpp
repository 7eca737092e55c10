#include "track/run_filter_parser.h"

#include "track/run_filter_lexer.h"

#include <array>
#include <cstdlib>
#include <optional>
#include <utility>

namespace assay::track {

namespace {

std::optional<FilterEntity> entityNamed(const std::string &name)
{
    static const std::array<std::pair<std::string_view, FilterEntity>, 10> names{{
        {"metrics", FilterEntity::Metric},
        {"metric", FilterEntity::Metric},
        {"params", FilterEntity::Param},
        {"param", FilterEntity::Param},
        {"tags", FilterEntity::Tag},
        {"tag", FilterEntity::Tag},
        {"attributes", FilterEntity::Attribute},
        {"attribute", FilterEntity::Attribute},
        {"attr", FilterEntity::Attribute},
        {"run", FilterEntity::Attribute},
    }};
    for (const auto &[text, entity] : names)
        if (text == name)
            return entity;
    return std::nullopt;
}

std::optional<RunAttribute> attributeNamed(const std::string &name)
{
    static const std::array<std::pair<std::string_view, RunAttribute>, 11> names{{
        {"run_id", RunAttribute::RunId},
        {"run_uuid", RunAttribute::RunId},
        {"run_name", RunAttribute::RunName},
        {"name", RunAttribute::RunName},
        {"status", RunAttribute::Status},
        {"start_time", RunAttribute::StartTime},
        {"end_time", RunAttribute::EndTime},
        {"user_id", RunAttribute::User},
        {"user", RunAttribute::User},
        {"experiment", RunAttribute::Experiment},
        {"experiment_name", RunAttribute::Experiment},
    }};
    for (const auto &[text, attribute] : names)
        if (text == name)
            return attribute;
    return std::nullopt;
}

bool isNumeric(const Comparison &c)
{
    return c.entity == FilterEntity::Metric ||
           (c.entity == FilterEntity::Attribute &&
            (c.attribute == RunAttribute::StartTime || c.attribute == RunAttribute::EndTime));
}

// Resolves an identifier token to what it names; `column` is for the error.
Result<Comparison> fieldFromToken(std::string_view filter, const FilterToken &token)
{
    Comparison c;
    std::string attributeName = token.key;
    if (!token.entity.empty()) {
        const auto entity = entityNamed(token.entity);
        if (!entity)
            return filterError(filter, token.column,
                               "unknown entity '" + token.entity +
                                   "' (use metrics., params., tags. or attributes.)");
        c.entity = *entity;
        if (c.entity != FilterEntity::Attribute) {
            c.key = token.key;
            return c;
        }
    }
    const auto attribute = attributeNamed(attributeName);
    if (!attribute)
        return filterError(
            filter, token.column,
            "unknown attribute '" + attributeName +
                "' (run_id, run_name, status, start_time, end_time, user_id, experiment)");
    c.entity = FilterEntity::Attribute;
    c.attribute = *attribute;
    return c;
}

class Parser {
public:
    Parser(std::string_view filter, std::vector<FilterToken> tokens)
        : m_filter(filter), m_tokens(std::move(tokens))
    {
    }

    Result<FilterNode> run()
    {
        if (peek().kind == FilterTokenKind::End)
            return FilterNode{};
        auto node = orExpression();
        if (!node)
            return node;
        if (peek().kind != FilterTokenKind::End)
            return error(peek(),
                         peek().kind == FilterTokenKind::RightParen
                             ? "unmatched ')'"
                             : "expected 'and', 'or' or the end, found '" + peek().text + "'");
        return node;
    }

private:
    const FilterToken &peek() const { return m_tokens[m_pos]; }
    const FilterToken &take() { return m_tokens[m_pos == m_tokens.size() - 1 ? m_pos : m_pos++]; }
    bool isKeyword(std::string_view word) const
    {
        return peek().kind == FilterTokenKind::Keyword && peek().text == word;
    }
    Error error(const FilterToken &at, const std::string &message) const
    {
        return filterError(m_filter, at.column, message);
    }

    Result<FilterNode> orExpression()
    {
        return chain("or", FilterNode::Kind::Or, [this] { return andExpression(); });
    }

    Result<FilterNode> andExpression()
    {
        return chain("and", FilterNode::Kind::And, [this] { return primary(); });
    }

    template <typename Operand>
    Result<FilterNode> chain(std::string_view word, FilterNode::Kind kind, Operand operand)
    {
        auto first = operand();
        if (!first || !isKeyword(word))
            return first;
        FilterNode node{kind, {std::move(*first)}, {}};
        while (isKeyword(word)) {
            take();
            auto next = operand();
            if (!next)
                return next;
            node.children.push_back(std::move(*next));
        }
        return node;
    }

    Result<FilterNode> primary()
    {
        if (peek().kind == FilterTokenKind::LeftParen) {
            const FilterToken &open = take();
            auto inner = orExpression();
            if (!inner)
                return inner;
            if (peek().kind != FilterTokenKind::RightParen)
                return error(peek(), "expected ')' to close the '(' at column " +
                                         std::to_string(open.column));
            take();
            return inner;
        }
        if (peek().kind != FilterTokenKind::Identifier)
            return error(peek(),
                         peek().kind == FilterTokenKind::End
                             ? "expected a comparison such as metrics.auc > 0.8"
                             : "expected a field such as metrics.auc, found '" + peek().text + "'");
        return comparison();
    }

    Result<FilterNode> comparison()
    {
        const FilterToken &field = take();
        auto parsed = fieldFromToken(m_filter, field);
        if (!parsed)
            return parsed.error();
        Comparison c = std::move(*parsed);

        const FilterToken &opToken = peek();
        if (opToken.kind == FilterTokenKind::Operator) {
            take();
            static const std::array<std::pair<std::string_view, CompareOp>, 6> ops{{
                {"=", CompareOp::Equal},
                {"!=", CompareOp::NotEqual},
                {"<", CompareOp::Less},
                {"<=", CompareOp::LessEqual},
                {">", CompareOp::Greater},
                {">=", CompareOp::GreaterEqual},
            }};
            for (const auto &[text, op] : ops)
                if (text == opToken.text)
                    c.op = op;
        } else if (isKeyword("not") || isKeyword("in")) {
            const bool negated = isKeyword("not");
            take();
            if (negated && !isKeyword("in"))
                return error(peek(), "expected 'in' after 'not'");
            if (negated)
                take();
            c.op = negated ? CompareOp::NotIn : CompareOp::In;
        } else if (isKeyword("like") || isKeyword("ilike")) {
            c.op = take().text == "like" ? CompareOp::Like : CompareOp::ILike;
        } else {
            return error(
                opToken,
                "expected a comparison operator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN) after '" +
                    field.text + "'");
        }
        if (isNumeric(c) && (c.op == CompareOp::Like || c.op == CompareOp::ILike))
            return error(opToken, "LIKE and ILIKE compare text; '" + field.text + "' is a number");

        if (c.op == CompareOp::In || c.op == CompareOp::NotIn) {
            if (peek().kind != FilterTokenKind::LeftParen)
                return error(peek(), "expected '(' after 'in'");
            take();
            while (true) {
                auto value =
                    valueFor(c, opToken.kind == FilterTokenKind::Keyword ? "in" : opToken.text);
                if (!value)
                    return value.error();
                c.values.push_back(std::move(*value));
                if (peek().kind == FilterTokenKind::Comma) {
                    take();
                    continue;
                }
                if (peek().kind != FilterTokenKind::RightParen)
                    return error(peek(), "expected ',' or ')' in the IN list");
                take();
                break;
            }
        } else {
            auto value = valueFor(c, opToken.text);
            if (!value)
                return value.error();
            c.values.push_back(std::move(*value));
        }
        return FilterNode{FilterNode::Kind::Compare, {}, std::move(c)};
    }

    Result<FilterValue> valueFor(const Comparison &c, const std::string &after)
    {
        const FilterToken &token = peek();
        if (token.kind != FilterTokenKind::String && token.kind != FilterTokenKind::Number)
            return error(token, "expected a value after '" + after + "'");
        take();
        FilterValue value{token.kind == FilterTokenKind::Number, 0, token.text};
        if (value.isNumber)
            value.number =
                std::strtod(token.text.c_str(), nullptr); // 1e999 → inf, as MLflow's float()
        if (isNumeric(c) && !value.isNumber)
            return error(token, "expected a number, found the string '" + token.text + "'");
        return value;
    }

    std::string_view m_filter;
    std::vector<FilterToken> m_tokens;
    std::size_t m_pos = 0;
};

} // namespace

Result<FilterNode> parseFilter(std::string_view filter)
{
    auto tokens = tokenizeFilter(filter);
    if (!tokens)
        return tokens.error();
    return Parser(filter, std::move(*tokens)).run();
}

Result<Comparison> parseRunField(std::string_view field)
{
    auto tokens = tokenizeFilter(field);
    if (!tokens)
        return tokens.error();
    if (tokens->size() != 2 || tokens->front().kind != FilterTokenKind::Identifier)
        return Error::invalidInput("not a run field: '" + std::string(field) +
                                   "' (e.g. metrics.auc, params.lr, start_time, name)");
    return fieldFromToken(field, tokens->front());
}

} // namespace assay::track
