#pragma once

#include <cstdint>

namespace assay::testing {

// One seeded credit-like applicant: the default risk grows with debt, falls with income and is
// higher in region 0, plus uniform noise. CLI tests format these rows into their own CSV.
struct CreditRow {
    double income = 0; // 20 … 100
    double debt = 0;   // 0 … 1
    int region = 0;    // 0, 1, 2
    double risk = 0;   // "default" when above 0.2
};

// The same seed gives the same rows; each row draws income, debt, region and noise in turn.
class CreditRows {
public:
    explicit CreditRows(std::uint64_t seed) : m_state(seed) {}

    CreditRow next()
    {
        CreditRow row;
        row.income = 20 + 80 * uniform();
        row.debt = uniform();
        row.region = static_cast<int>(uniform() * 3);
        row.risk = 3.0 * row.debt - 0.02 * row.income + (row.region == 0 ? 0.8 : 0.0) + (uniform() - 0.5);
        return row;
    }

    // A further draw from the same stream, for a test's own extra column.
    double uniform()
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(m_state >> 11) * 0x1.0p-53;
    }

    static constexpr const char *regionName(int region)
    {
        constexpr const char *names[] = {"north", "south", "east"};
        return names[region];
    }

private:
    std::uint64_t m_state;
};

} // namespace assay::testing
