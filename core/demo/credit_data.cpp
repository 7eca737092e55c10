#include "demo/credit_data.h"

#include "demo/random.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string_view>
#include <vector>

namespace assay::demo {

namespace {

constexpr std::string_view kHeader =
    "application_id,application_date,age,age_band,sex,region,employment_type,home_ownership,"
    "purpose,annual_income,loan_amount,loan_term_months,interest_rate,credit_score,"
    "debt_to_income,open_accounts,late_payments_2y,has_cosigner,previous_default,defaulted\n";

constexpr std::array<std::string_view, 5> kRegions{"north", "south", "east", "west", "central"};
constexpr std::array<std::string_view, 5> kEmployment{"salaried", "self_employed", "contract",
                                                      "retired", "unemployed"};
constexpr std::array<std::string_view, 4> kHomes{"rent", "mortgage", "own", "other"};
constexpr std::array<std::string_view, 8> kPurposes{
    "debt_consolidation", "car", "home_improvement", "education",
    "medical", "business", "vacation", "energy_upgrade"};

struct Profile {
    double ageMean;
    double incomeScale;
    double rateShift;
    double scoreMissing;
    std::array<double, 5> employmentWeights;
    std::array<double, 8> purposeWeights;
    int firstDay; // days since 2025-01-01 of the window's start
};

Profile profileFor(CreditVintage vintage)
{
    if (vintage == CreditVintage::Reference)
        return {41.0, 1.0, 0.0, 0.04, {58, 14, 12, 11, 5}, {30, 18, 14, 9, 7, 12, 10, 0}, 0};
    return {45.0, 0.92, 1.6, 0.12, {50, 15, 16, 12, 7}, {27, 15, 13, 8, 8, 11, 8, 10}, 90};
}

std::string_view ageBand(int age)
{
    if (age <= 25)
        return "18-25";
    if (age <= 35)
        return "26-35";
    if (age <= 45)
        return "36-45";
    if (age <= 55)
        return "46-55";
    if (age <= 65)
        return "56-65";
    return "65+";
}

// Civil date from days since 1970-01-01 (Howard Hinnant's well-known algorithm).
void appendDate(std::string &out, int daysSinceEpoch)
{
    int z = daysSinceEpoch + 719468;
    const int era = z / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int year = yoe + era * 400;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int day = doy - (153 * mp + 2) / 5 + 1;
    const int month = mp < 10 ? mp + 3 : mp - 9;
    if (month <= 2)
        ++year;
    char buffer[16];
    const int n = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    out.append(buffer, static_cast<std::size_t>(n));
}

void appendFixed(std::string &out, double value, int decimals)
{
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value,
                                   std::chars_format::fixed, decimals);
    out.append(buffer, end);
}

void appendInt(std::string &out, long long value)
{
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, end);
}

constexpr int kDaysTo2025 = 20089; // 1970-01-01 → 2025-01-01

} // namespace

std::string generateCreditCsv(CreditVintage vintage, std::size_t rows, std::uint64_t seed)
{
    const Profile profile = profileFor(vintage);
    Random random(seed ^ (vintage == CreditVintage::Reference ? 0x5eed0001ULL : 0x5eed0002ULL));
    const long long firstId = vintage == CreditVintage::Reference ? 100001 : 100001 + 1000000;

    std::string csv;
    csv.reserve(rows * 150 + kHeader.size());
    csv += kHeader;
    for (std::size_t i = 0; i < rows; ++i) {
        const int age = std::clamp(static_cast<int>(std::lround(random.normal(profile.ageMean, 12))),
                                   19, 80);
        const bool female = random.chance(0.48);
        const std::size_t employment = random.pick(profile.employmentWeights);
        const std::size_t home = random.pick(std::array<double, 4>{38, 36, 22, 4});
        const std::size_t purpose = random.pick(profile.purposeWeights);
        const std::size_t region = random.pick(std::array<double, 5>{22, 20, 18, 24, 16});

        const double employmentFactor = std::array{1.0, 1.15, 0.85, 0.7, 0.35}[employment];
        const double experience = std::min(age - 18, 30) / 30.0;
        const double income = profile.incomeScale * employmentFactor *
                              std::exp(random.normal(10.55 + 0.35 * experience, 0.42));
        const double loan = std::clamp(income * random.uniform(0.08, 0.55), 1000.0, 80000.0);
        const int term = std::array{12, 24, 36, 48, 60}[random.pick(std::array{10, 20, 35, 15, 20})];
        const double score = std::clamp(random.normal(665 + 60 * experience, 70), 300.0, 850.0);
        const double dti = std::clamp(random.normal(0.28, 0.11) + loan / income * 0.2, 0.0, 0.95);
        const double rate = std::clamp(24.0 - (score - 300) * 0.028 + profile.rateShift +
                                           random.normal(0, 1.2),
                                       3.5, 29.9);
        const int openAccounts = std::max(0, static_cast<int>(std::lround(random.normal(6, 3))));
        const int late = random.chance(0.78) ? 0 : random.integer(1, 6);
        const bool cosigner = random.chance(0.09);
        const bool previousDefault = random.chance(0.05 + (score < 580 ? 0.1 : 0.0));

        const double logit = -2.1 + 3.2 * (dti - 0.3) - 0.011 * (score - 660) + 0.35 * late +
                             1.1 * previousDefault - 0.6 * cosigner + 0.06 * (rate - 12) +
                             (employment == 4 ? 0.9 : 0.0) + (term >= 48 ? 0.25 : 0.0);
        const bool defaulted = random.chance(1.0 / (1.0 + std::exp(-logit)));

        const bool incomeMissing = random.chance(0.03);
        const bool scoreMissing = random.chance(profile.scoreMissing);
        const int day = kDaysTo2025 + profile.firstDay + random.integer(0, 89);

        appendInt(csv, firstId + static_cast<long long>(i));
        csv += ',';
        appendDate(csv, day);
        csv += ',';
        appendInt(csv, age);
        csv += ',';
        csv += ageBand(age);
        csv += female ? ",female," : ",male,";
        csv += kRegions[region];
        csv += ',';
        csv += kEmployment[employment];
        csv += ',';
        csv += kHomes[home];
        csv += ',';
        csv += kPurposes[purpose];
        csv += ',';
        if (!incomeMissing)
            appendFixed(csv, income, 2);
        csv += ',';
        appendFixed(csv, std::round(loan / 50) * 50, 2);
        csv += ',';
        appendInt(csv, term);
        csv += ',';
        appendFixed(csv, rate, 2);
        csv += ',';
        if (!scoreMissing)
            appendInt(csv, std::lround(score));
        csv += ',';
        appendFixed(csv, dti, 4);
        csv += ',';
        appendInt(csv, openAccounts);
        csv += ',';
        appendInt(csv, late);
        csv += cosigner ? ",true" : ",false";
        csv += previousDefault ? ",true," : ",false,";
        csv += defaulted ? "1\n" : "0\n";
    }
    return csv;
}

} // namespace assay::demo
