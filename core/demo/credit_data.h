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

// `rows` applications (same columns) from a population `shift` of the way from the first
// quarter's (0) to the later months' (1); beyond 1 the change goes further. Dated from
// `firstDay` (days since 1970-01-01) over `days` days, ids counting from `firstId`.
std::string generateCreditApplications(double shift, std::size_t rows, std::uint64_t seed,
                                       int firstDay, int days, long long firstId);

} // namespace assay::demo
