#pragma once

#include "common/result.h"
#include "table/table.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace assay::model {

enum class SliceOp { Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual, In, NotIn };

// A literal of a slice expression: 'text' (or "text"), a number, true or false.
struct SliceValue {
    enum class Kind { Text, Number, Boolean };
    Kind kind = Kind::Number;
    double number = 0; // Number; Boolean as 1 or 0
    std::string text;  // Text unquoted; Number and Boolean as written
    int position = 1;  // 1-based character of the expression where the literal starts
};

// `column OP value`, or `column in [v, ...]` / `column not in [v, ...]`.
struct SliceCondition {
    std::string column;
    int position = 1; // where the column name starts
    SliceOp op = SliceOp::Equal;
    std::vector<SliceValue> values; // one, or the list
};

struct SliceNode {
    enum class Kind { And, Or, Not, Condition };
    Kind kind = Kind::Condition;
    std::vector<SliceNode> children; // And, Or: two or more; Not: one
    SliceCondition condition;        // Condition
};

// The rows a model test looks at, written as a boolean expression over data columns:
//   region == 'north' and (age >= 30 or segment in ['gold', 'silver']) and not churned
// Operators ==, !=, <, <=, >, >=, in [...], not in [...]; `and` binds tighter than `or`;
// `not` negates; parentheses group. Column names are words (letters, digits, _ and .) or
// `backquoted`. Text columns compare with quoted text (byte order for < and >), numeric and
// bool columns with numbers or true/false, datetime columns with quoted ISO 8601 dates
// ('2024-01-15'). A missing value satisfies no comparison, not even != (so `not` of a
// comparison includes it).
class SliceFilter {
public:
    // Errors read "position N: MESSAGE", N the 1-based character of the expression.
    static Result<SliceFilter> parse(std::string_view expression);

    const std::string &expression() const { return m_expression; }
    const SliceNode &root() const { return m_root; }

    // One byte per row of `data`, 1 when the row is in the slice. InvalidInput names a
    // column the data lacks (with `dataName`) or a value that does not fit its column's type,
    // with its position.
    Result<std::vector<std::uint8_t>> mask(const table::Table &data,
                                           std::string_view dataName) const;

private:
    SliceFilter(std::string expression, SliceNode root)
        : m_expression(std::move(expression)), m_root(std::move(root))
    {
    }

    std::string m_expression;
    SliceNode m_root;
};

} // namespace assay::model
