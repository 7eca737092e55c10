#pragma once

#include "common/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace assay::track {

// The words of an MLflow search filter, e.g. `metrics.auc > 0.8 and params.depth = '6'`.
enum class FilterTokenKind {
    Identifier, // metrics.auc, start_time, metrics.`f1 score` (entity and key joined by '.')
    String,     // 'text' or "text"; quotes doubled or backslash-escaped inside
    Number,     // 0.8, -2, 1e-3
    Operator,   // = != <> < <= > >=
    Keyword,    // and or not in like ilike (lower-cased)
    LeftParen,
    RightParen,
    Comma,
    End,
};

struct FilterToken {
    FilterTokenKind kind = FilterTokenKind::End;
    std::string text; // unquoted string, identifier as written, number as written
    int column = 1;   // 1-based, in characters of the filter
    // Identifiers only: the part before the first '.' ("metrics") and the key after it;
    // entity is empty for a bare attribute name such as `start_time`.
    std::string entity;
    std::string key;
};

// Splits a filter into tokens ending with one End token; errors read
// "filter:1:COL: unterminated string" and the like.
Result<std::vector<FilterToken>> tokenizeFilter(std::string_view filter);

// "filter:1:COL: MESSAGE" followed by the filter and a caret line under COL.
Error filterError(std::string_view filter, int column, const std::string &message);

} // namespace assay::track
