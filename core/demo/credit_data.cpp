#include "demo/credit_data.h"

#include "common/random.h"

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

constexpr int kDaysTo2025 = 20089; // 1970-01-01 → 2025-01-01
constexpr int kWindowDays = 90;    // each version covers three months of applications

// How the applicant population looks in a period.
struct Population {
    double ageMean;
    double incomeScale;
    double rateShift;
    double scoreMissing;
    std::array<double, 5> employmentWeights;
    std::array<double, 8> purposeWeights;
};

constexpr Population kFirstQuarter{41.0, 1.0, 0.0, 0.04, {58, 14, 12, 11, 5},
                                   {30, 18, 14, 9, 7, 12, 10, 0}};
constexpr Population kLaterMonths{45.5, 0.9, 1.8, 0.13, {50, 15, 16, 12, 7},
                                  {26, 15, 13, 8, 8, 11, 8, 11}};

struct Application {
    long long id;
    int day; // days since the epoch
    int age;
    bool female;
    std::size_t region, employment, home, purpose;
    double income; // NaN when missing
    double loan;
    int term;
    double rate;
    double score; // NaN when missing
    double dti;
    int openAccounts, late;
    bool cosigner, previousDefault, defaulted;
};

Application drawApplication(Random &random, const Population &population, long long id, int day)
{
    Application a{};
    a.id = id;
    a.day = day;
    a.age = std::clamp(static_cast<int>(std::lround(random.normal(population.ageMean, 12))), 19, 80);
    a.female = random.chance(0.48);
    a.employment = random.pick(population.employmentWeights);
    a.home = random.pick(std::array<double, 4>{38, 36, 22, 4});
    a.purpose = random.pick(population.purposeWeights);
    a.region = random.pick(std::array<double, 5>{22, 20, 18, 24, 16});

    const double employmentFactor = std::array{1.0, 1.15, 0.85, 0.7, 0.35}[a.employment];
    const double experience = std::min(a.age - 18, 30) / 30.0;
    const double income = population.incomeScale * employmentFactor *
                          std::exp(random.normal(10.55 + 0.35 * experience, 0.42));
    a.loan = std::round(std::clamp(income * random.uniform(0.08, 0.55), 1000.0, 80000.0) / 50) * 50;
    a.term = std::array{12, 24, 36, 48, 60}[random.pick(std::array{10, 20, 35, 15, 20})];
    const double score = std::clamp(random.normal(665 + 60 * experience, 70), 300.0, 850.0);
    a.dti = std::clamp(random.normal(0.28, 0.11) + a.loan / income * 0.2, 0.0, 0.95);
    a.rate = std::clamp(24.0 - (score - 300) * 0.028 + population.rateShift + random.normal(0, 1.2),
                        3.5, 29.9);
    a.openAccounts = std::max(0, static_cast<int>(std::lround(random.normal(6, 3))));
    a.late = random.chance(0.78) ? 0 : random.integer(1, 6);
    a.cosigner = random.chance(0.09);
    a.previousDefault = random.chance(0.05 + (score < 580 ? 0.1 : 0.0));

    const double logit = -2.1 + 3.2 * (a.dti - 0.3) - 0.011 * (score - 660) + 0.35 * a.late +
                         1.1 * a.previousDefault - 0.6 * a.cosigner + 0.06 * (a.rate - 12) +
                         (a.employment == 4 ? 0.9 : 0.0) + (a.term >= 48 ? 0.25 : 0.0);
    a.defaulted = random.chance(1.0 / (1.0 + std::exp(-logit)));
    a.income = random.chance(0.03) ? std::nan("") : income;
    a.score = random.chance(population.scoreMissing) ? std::nan("") : std::round(score);
    return a;
}

std::vector<Application> firstQuarter(std::size_t rows, std::uint64_t seed)
{
    Random random(seed ^ 0x5eed0001ULL);
    std::vector<Application> applications;
    applications.reserve(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        const int day = kDaysTo2025 + static_cast<int>(i * kWindowDays / rows);
        applications.push_back(drawApplication(random, kFirstQuarter, 100001 + static_cast<long long>(i), day));
    }
    return applications;
}

// The window moved on by two months: the first quarter's last month stays (some loans have
// defaulted since, some scores were refreshed, a few applications were withdrawn), and two
// months of a changed population arrive.
std::vector<Application> laterWindow(std::size_t rows, std::uint64_t seed)
{
    const std::vector<Application> previous = firstQuarter(rows, seed);
    Random random(seed ^ 0x5eed0002ULL);
    const int windowStart = kDaysTo2025 + 60;
    std::vector<Application> applications;
    applications.reserve(rows);
    for (Application a : previous) {
        if (a.day < windowStart || random.chance(0.01))
            continue;
        if (!a.defaulted && random.chance(0.05))
            a.defaulted = true;
        if (!std::isnan(a.score) && random.chance(0.03))
            a.score = std::clamp(a.score + std::round(random.normal(0, 25)), 300.0, 850.0);
        applications.push_back(a);
    }
    const long long nextId = previous.empty() ? 100001 : previous.back().id + 1;
    const std::size_t fresh = rows - std::min(rows, applications.size());
    for (std::size_t i = 0; i < fresh; ++i) {
        const int day = kDaysTo2025 + kWindowDays + static_cast<int>(i * 60 / std::max<std::size_t>(fresh, 1));
        applications.push_back(drawApplication(random, kLaterMonths, nextId + static_cast<long long>(i), day));
    }
    return applications;
}

// Civil date from days since 1970-01-01 (the days-from-civil inverse).
void appendDate(std::string &out, int daysSinceEpoch)
{
    const int z = daysSinceEpoch + 719468;
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
    if (std::isnan(value))
        return; // missing: an empty field
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed,
                                   decimals);
    out.append(buffer, end);
}

void appendInt(std::string &out, long long value)
{
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, end);
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

void appendRow(std::string &csv, const Application &a)
{
    appendInt(csv, a.id);
    csv += ',';
    appendDate(csv, a.day);
    csv += ',';
    appendInt(csv, a.age);
    csv += ',';
    csv += ageBand(a.age);
    csv += a.female ? ",female," : ",male,";
    csv += kRegions[a.region];
    csv += ',';
    csv += kEmployment[a.employment];
    csv += ',';
    csv += kHomes[a.home];
    csv += ',';
    csv += kPurposes[a.purpose];
    csv += ',';
    appendFixed(csv, a.income, 2);
    csv += ',';
    appendFixed(csv, a.loan, 2);
    csv += ',';
    appendInt(csv, a.term);
    csv += ',';
    appendFixed(csv, a.rate, 2);
    csv += ',';
    appendFixed(csv, a.score, 0);
    csv += ',';
    appendFixed(csv, a.dti, 4);
    csv += ',';
    appendInt(csv, a.openAccounts);
    csv += ',';
    appendInt(csv, a.late);
    csv += a.cosigner ? ",true" : ",false";
    csv += a.previousDefault ? ",true," : ",false,";
    csv += a.defaulted ? "1\n" : "0\n";
}

Population shifted(double shift)
{
    const auto mix = [shift](double from, double to) { return std::max(0.0, from + shift * (to - from)); };
    Population population{mix(kFirstQuarter.ageMean, kLaterMonths.ageMean),
                          mix(kFirstQuarter.incomeScale, kLaterMonths.incomeScale),
                          kFirstQuarter.rateShift + shift * (kLaterMonths.rateShift - kFirstQuarter.rateShift),
                          mix(kFirstQuarter.scoreMissing, kLaterMonths.scoreMissing),
                          {},
                          {}};
    for (std::size_t i = 0; i < population.employmentWeights.size(); ++i)
        population.employmentWeights[i] =
            mix(kFirstQuarter.employmentWeights[i], kLaterMonths.employmentWeights[i]);
    for (std::size_t i = 0; i < population.purposeWeights.size(); ++i)
        population.purposeWeights[i] = mix(kFirstQuarter.purposeWeights[i], kLaterMonths.purposeWeights[i]);
    return population;
}

} // namespace

std::string generateCreditApplications(double shift, std::size_t rows, std::uint64_t seed,
                                       int firstDay, int days, long long firstId)
{
    Random random(seed ^ 0x5eed0003ULL);
    const Population population = shifted(shift);
    std::string csv;
    csv.reserve(rows * 150 + kHeader.size());
    csv += kHeader;
    for (std::size_t i = 0; i < rows; ++i) {
        const int day = firstDay + static_cast<int>(i * static_cast<std::size_t>(std::max(days, 1)) / std::max<std::size_t>(rows, 1));
        appendRow(csv, drawApplication(random, population, firstId + static_cast<long long>(i), day));
    }
    return csv;
}

std::string generateCreditCsv(CreditVintage vintage, std::size_t rows, std::uint64_t seed)
{
    const auto applications =
        vintage == CreditVintage::Reference ? firstQuarter(rows, seed) : laterWindow(rows, seed);
    std::string csv;
    csv.reserve(applications.size() * 150 + kHeader.size());
    csv += kHeader;
    for (const Application &a : applications)
        appendRow(csv, a);
    return csv;
}

} // namespace assay::demo
