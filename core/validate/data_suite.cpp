#include "validate/data_suite.h"

#include <array>

namespace assay::validate {

namespace {

constexpr std::array kAllChecks = {
    CheckKind::NotNull, CheckKind::Unique,      CheckKind::Between,    CheckKind::InSet,
    CheckKind::Regex,   CheckKind::MeanBetween, CheckKind::StdBetween, CheckKind::RowCountBetween};

} // namespace

std::string_view checkName(CheckKind kind)
{
    switch (kind) {
    case CheckKind::NotNull:
        return "not_null";
    case CheckKind::Unique:
        return "unique";
    case CheckKind::Between:
        return "between";
    case CheckKind::InSet:
        return "in_set";
    case CheckKind::Regex:
        return "regex";
    case CheckKind::MeanBetween:
        return "mean_between";
    case CheckKind::StdBetween:
        return "std_between";
    case CheckKind::RowCountBetween:
        return "row_count_between";
    }
    return "unknown";
}

std::optional<CheckKind> checkFromName(std::string_view name)
{
    for (const CheckKind kind : kAllChecks) {
        if (checkName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

} // namespace assay::validate
