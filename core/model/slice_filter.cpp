#include "model/slice_filter.h"

#include "table/datetime_parse.h"

#include <charconv>
#include <cmath>

namespace assay::model {

namespace {

using Mask = std::vector<std::uint8_t>;

Error errorAt(int position, const std::string &message)
{
    return Error::invalidInput("position " + std::to_string(position) + ": " + message);
}

template <typename T> bool compare(const T &value, SliceOp op, const T &literal)
{
    switch (op) {
    case SliceOp::Equal:
    case SliceOp::In:
        return value == literal;
    case SliceOp::NotEqual:
    case SliceOp::NotIn:
        return value != literal;
    case SliceOp::Less:
        return value < literal;
    case SliceOp::LessEqual:
        return value <= literal;
    case SliceOp::Greater:
        return value > literal;
    case SliceOp::GreaterEqual:
        return value >= literal;
    }
    return false;
}

// `in` holds when any literal is equal; `not in` when every literal differs.
template <typename T> bool matches(const T &value, SliceOp op, const std::vector<T> &literals)
{
    if (op == SliceOp::NotIn) {
        for (const T &literal : literals)
            if (value == literal)
                return false;
        return true;
    }
    for (const T &literal : literals)
        if (compare(value, op, literal))
            return true;
    return false;
}

std::optional<double> numberInText(const std::string &text)
{
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty())
        return std::nullopt;
    return value;
}

// The literals of a condition on a numeric, bool or datetime column, as the column's numbers.
Result<std::vector<double>> numericLiterals(const SliceCondition &condition, table::ColumnType type)
{
    std::vector<double> numbers;
    for (const auto &value : condition.values) {
        if (type == table::ColumnType::Datetime) {
            const auto instant = value.kind == SliceValue::Kind::Text
                                     ? table::parseIsoDatetime(value.text)
                                     : std::nullopt;
            if (!instant)
                return errorAt(value.position, "column '" + condition.column +
                                                   "' holds datetimes; compare it with a quoted "
                                                   "date such as '2024-01-15', not " +
                                                   value.text);
            numbers.push_back(static_cast<double>(*instant));
            continue;
        }
        if (value.kind == SliceValue::Kind::Text) {
            const auto number = numberInText(value.text);
            if (!number)
                return errorAt(value.position,
                               "column '" + condition.column + "' holds " +
                                   (type == table::ColumnType::Bool ? "true/false" : "numbers") +
                                   ", not text like '" + value.text + "'");
            numbers.push_back(*number);
            continue;
        }
        numbers.push_back(value.number);
    }
    return numbers;
}

Result<Mask> conditionMask(const SliceCondition &condition, const table::Table &data,
                           std::string_view dataName)
{
    const auto index = data.indexOf(condition.column);
    if (!index)
        return errorAt(condition.position,
                       "no column '" + condition.column + "' in " + std::string(dataName));
    const table::Column &column = data.column(*index);
    Mask mask(data.rowCount(), 0);
    if (column.type() == table::ColumnType::String) {
        std::vector<std::string_view> texts;
        for (const auto &value : condition.values) {
            if (value.kind != SliceValue::Kind::Text)
                return errorAt(value.position, "column '" + condition.column +
                                                   "' holds text; quote the value: '" + value.text +
                                                   "'");
            texts.emplace_back(value.text);
        }
        // Decide once per dictionary entry, then look rows up by their code.
        Mask entryMatches(column.dictionary().size(), 0);
        for (std::size_t entry = 0; entry < entryMatches.size(); ++entry)
            entryMatches[entry] =
                matches(std::string_view(column.dictionary()[entry]), condition.op, texts);
        for (std::size_t row = 0; row < mask.size(); ++row)
            mask[row] = !column.isMissing(row) && entryMatches[column.codes()[row]];
        return mask;
    }
    auto literals = numericLiterals(condition, column.type());
    if (!literals)
        return literals.error();
    for (std::size_t row = 0; row < mask.size(); ++row) {
        const double value = column.numeric(row);
        mask[row] =
            !column.isMissing(row) && !std::isnan(value) && matches(value, condition.op, *literals);
    }
    return mask;
}

Result<Mask> nodeMask(const SliceNode &node, const table::Table &data, std::string_view dataName)
{
    if (node.kind == SliceNode::Kind::Condition)
        return conditionMask(node.condition, data, dataName);
    auto first = nodeMask(node.children.front(), data, dataName);
    if (!first)
        return first;
    Mask mask = std::move(*first);
    if (node.kind == SliceNode::Kind::Not) {
        for (auto &in : mask)
            in = !in;
        return mask;
    }
    for (std::size_t child = 1; child < node.children.size(); ++child) {
        auto other = nodeMask(node.children[child], data, dataName);
        if (!other)
            return other;
        for (std::size_t row = 0; row < mask.size(); ++row)
            mask[row] = node.kind == SliceNode::Kind::And ? (mask[row] && (*other)[row])
                                                          : (mask[row] || (*other)[row]);
    }
    return mask;
}

} // namespace

Result<std::vector<std::uint8_t>> SliceFilter::mask(const table::Table &data,
                                                    std::string_view dataName) const
{
    return nodeMask(m_root, data, dataName);
}

} // namespace assay::model
