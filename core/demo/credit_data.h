#pragma once

#include <cstdint>
#include <string>

namespace assay::demo {

constexpr std::uint64_t kCreditColumns = 20;

enum class CreditVintage {
    Reference, // applications of the first quarter: the training data
    // Two months later: the first quarter's last month (some loans since defaulted, some
    // scores refreshed, a few withdrawn) and two months from a changed population — older
    // applicants, lower incomes, higher rates, more missing scores, a new loan purpose.
    Drifted,
};

// A credit-risk table as CSV text: numeric, categorical, datetime and boolean columns,
// missing values, a binary target `defaulted` and sensitive attributes (`sex`, `age_band`).
std::string generateCreditCsv(CreditVintage vintage, std::size_t rows, std::uint64_t seed);

} // namespace assay::demo
