#pragma once

#include <cstdint>
#include <string>

namespace assay::demo {

enum class CreditVintage {
    Reference, // applications of the first quarter: the training data
    Drifted,   // the second quarter: older applicants, lower incomes, higher rates, a new purpose
};

// A credit-risk table as CSV text: numeric, categorical, datetime and boolean columns,
// missing values, a binary target `defaulted` and sensitive attributes (`sex`, `age_band`).
std::string generateCreditCsv(CreditVintage vintage, std::size_t rows, std::uint64_t seed);

} // namespace assay::demo
