#include "govern/fairness.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

namespace assay::govern {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::string_view kMissingGroup = "(missing)";

struct Counts {
    std::int64_t rows = 0;
    std::int64_t selected = 0;
    std::int64_t positives = 0;
    std::int64_t truePositives = 0;
    std::int64_t negatives = 0;
    std::int64_t falsePositives = 0;
    std::int64_t correct = 0;

    void add(int truth, int predicted)
    {
        ++rows;
        selected += predicted;
        correct += truth == predicted ? 1 : 0;
        if (truth == 1) {
            ++positives;
            truePositives += predicted;
        } else {
            ++negatives;
            falsePositives += predicted;
        }
    }
};

double ratio(std::int64_t numerator, std::int64_t denominator)
{
    return denominator == 0 ? kNaN
                            : static_cast<double>(numerator) / static_cast<double>(denominator);
}

GroupMetrics metricsOf(std::string group, const Counts &counts)
{
    return {.group = std::move(group),
            .count = counts.rows,
            .selectionRate = ratio(counts.selected, counts.rows),
            .truePositiveRate = ratio(counts.truePositives, counts.positives),
            .falsePositiveRate = ratio(counts.falsePositives, counts.negatives),
            .accuracy = ratio(counts.correct, counts.rows)};
}

std::optional<double> asNumber(const std::string &text)
{
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// Numeric order when every group is a number ("2" before "10"), text order otherwise;
// the missing group last.
void orderGroups(std::vector<GroupMetrics> &groups)
{
    const bool numeric = std::all_of(groups.begin(), groups.end(), [](const GroupMetrics &g) {
        return g.group == kMissingGroup || asNumber(g.group).has_value();
    });
    std::stable_sort(groups.begin(), groups.end(),
                     [numeric](const GroupMetrics &a, const GroupMetrics &b) {
                         const bool aMissing = a.group == kMissingGroup;
                         const bool bMissing = b.group == kMissingGroup;
                         if (aMissing || bMissing)
                             return !aMissing && bMissing;
                         if (numeric)
                             return *asNumber(a.group) < *asNumber(b.group);
                         return a.group < b.group;
                     });
}

// The spread of one rate over the groups where it is defined (NaN rates are left out);
// NaN when no group defines it.
struct Spread {
    double min = kNaN;
    double max = kNaN;
    double difference() const { return max - min; }
};

Spread spreadOf(const std::vector<GroupMetrics> &groups, double GroupMetrics::*rate)
{
    Spread spread;
    for (const auto &group : groups) {
        const double value = group.*rate;
        if (std::isnan(value))
            continue;
        spread.min = std::isnan(spread.min) ? value : std::min(spread.min, value);
        spread.max = std::isnan(spread.max) ? value : std::max(spread.max, value);
    }
    return spread;
}

// The larger of two differences, ignoring one that is NaN.
double largerDefined(double a, double b)
{
    if (std::isnan(a))
        return b;
    if (std::isnan(b))
        return a;
    return std::max(a, b);
}

} // namespace

Result<FairnessReport> computeFairness(const std::vector<int> &truth,
                                       const std::vector<int> &predicted,
                                       const std::vector<std::string> &groups)
{
    if (truth.size() != predicted.size() || truth.size() != groups.size())
        return Error::invalidInput("fairness: " + std::to_string(truth.size()) + " labels, " +
                                   std::to_string(predicted.size()) + " predictions and " +
                                   std::to_string(groups.size()) + " group values do not line up");
    if (truth.empty())
        return Error::invalidInput("fairness: no rows to measure");
    Counts overall;
    std::map<std::string, Counts> byGroup;
    for (std::size_t row = 0; row < truth.size(); ++row) {
        const int y = truth[row];
        const int yHat = predicted[row];
        if ((y != 0 && y != 1) || (yHat != 0 && yHat != 1))
            return Error::invalidInput("fairness: row " + std::to_string(row) +
                                       ": labels and predictions must be 0 or 1");
        overall.add(y, yHat);
        byGroup[groups[row]].add(y, yHat);
    }

    FairnessReport report;
    for (const auto &[group, counts] : byGroup)
        report.groups.push_back(metricsOf(group, counts));
    orderGroups(report.groups);
    report.overall = metricsOf("(overall)", overall);

    const Spread selection = spreadOf(report.groups, &GroupMetrics::selectionRate);
    const Spread tpr = spreadOf(report.groups, &GroupMetrics::truePositiveRate);
    const Spread fpr = spreadOf(report.groups, &GroupMetrics::falsePositiveRate);
    report.demographicParityDifference = selection.difference();
    report.demographicParityRatio = selection.max > 0 ? selection.min / selection.max : kNaN;
    report.truePositiveRateDifference = tpr.difference();
    report.falsePositiveRateDifference = fpr.difference();
    report.equalizedOddsDifference =
        largerDefined(report.truePositiveRateDifference, report.falsePositiveRateDifference);
    return report;
}

} // namespace assay::govern
