#include "validate/value_scan.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace assay::validate {

namespace {

// Keeps counts for this many distinct refused values while streaming; beyond it only the
// total grows, so memory stays bounded however dirty the column is.
constexpr std::size_t kTrackedRejectedValues = 10'000;

void sortAndTrim(std::vector<stats::ValueCount> &values, std::size_t maxExamples)
{
    std::sort(values.begin(), values.end(), [](const auto &a, const auto &b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    if (values.size() > maxExamples)
        values.resize(maxExamples);
}

} // namespace

ValueStream streamOfTable(const table::Table &table)
{
    return [&table](std::string_view name, const ValueVisitor &visit) -> Status {
        const auto index = table.indexOf(name);
        if (!index)
            return Error::notFound("no column '" + std::string(name) + "'");
        const table::Column &column = table.column(*index);
        for (std::size_t row = 0; row < column.size(); ++row) {
            if (!column.isMissing(row))
                visit(column.format(row));
        }
        return {};
    };
}

bool hasExactValueCounts(const stats::ColumnProfile &column)
{
    return column.distinctExact && column.valueCounts.size() == column.distinct;
}

Result<RejectedValues> rejectedValues(const stats::ColumnProfile &column, const ValueStream &stream,
                                      const std::function<bool(std::string_view)> &accept,
                                      std::size_t maxExamples)
{
    RejectedValues rejected;
    std::vector<stats::ValueCount> found;
    if (hasExactValueCounts(column)) {
        for (const auto &entry : column.valueCounts) {
            if (!accept(entry.value)) {
                rejected.count += entry.count;
                found.push_back(entry);
            }
        }
        rejected.distinct = found.size();
    } else {
        if (!stream)
            return Error::internal("column '" + column.name + "' needs a pass over its values");
        std::unordered_map<std::string, std::uint64_t> counts;
        std::unordered_map<std::string, bool> verdicts; // accept() once per distinct value seen
        std::uint64_t untracked = 0;
        ASSAY_TRY(stream(column.name, [&](std::string_view value) {
            const std::string key(value);
            auto verdict = verdicts.find(key);
            if (verdict == verdicts.end()) {
                if (verdicts.size() >= 4 * kTrackedRejectedValues)
                    verdicts.clear();
                verdict = verdicts.emplace(key, accept(value)).first;
            }
            if (verdict->second)
                return;
            ++rejected.count;
            if (auto it = counts.find(key); it != counts.end())
                ++it->second;
            else if (counts.size() < kTrackedRejectedValues)
                counts.emplace(key, 1);
            else
                ++untracked;
        }));
        rejected.distinct = counts.size() + (untracked ? 1 : 0);
        for (auto &[value, count] : counts)
            found.push_back({value, count});
    }
    sortAndTrim(found, maxExamples);
    rejected.examples = std::move(found);
    return rejected;
}

Result<DuplicatedValues> duplicatedValues(const stats::ColumnProfile &column,
                                          const ValueStream &stream, std::size_t maxExamples)
{
    DuplicatedValues duplicated;
    std::vector<stats::ValueCount> found;
    if (hasExactValueCounts(column)) {
        for (const auto &entry : column.valueCounts) {
            if (entry.count > 1) {
                duplicated.rows += entry.count - 1;
                found.push_back(entry);
            }
        }
    } else {
        if (!stream)
            return Error::internal("column '" + column.name + "' needs a pass over its values");
        // Uniqueness needs every distinct value; memory grows with them, inherent to the check.
        std::unordered_set<std::string> seen;
        std::unordered_map<std::string, std::uint64_t> repeated;
        ASSAY_TRY(stream(column.name, [&](std::string_view value) {
            std::string key(value);
            if (seen.insert(key).second)
                return;
            ++duplicated.rows;
            auto [it, inserted] = repeated.emplace(std::move(key), 2);
            if (!inserted)
                ++it->second;
        }));
        for (auto &[value, count] : repeated)
            found.push_back({value, count});
    }
    sortAndTrim(found, maxExamples);
    duplicated.examples = std::move(found);
    return duplicated;
}

std::string describeValues(const std::vector<stats::ValueCount> &values, std::uint64_t total)
{
    std::string text;
    for (const auto &entry : values)
        text +=
            (text.empty() ? "'" : ", '") + entry.value + "' (" + std::to_string(entry.count) + ")";
    if (total > values.size())
        text += ", and " + std::to_string(total - values.size()) + " more";
    return text;
}

std::string describeShare(double share)
{
    if (share > 0 && share < 0.001)
        return "<0.1%";
    char buffer[32];
    // One decimal unless the percentage is whole, so 96.8% and 97% never both read "97%".
    const double percent = share * 100;
    const bool whole = std::abs(percent - std::round(percent)) < 0.05;
    std::snprintf(buffer, sizeof buffer, "%.*f%%", whole ? 0 : 1, percent);
    if (share >= 0.1 && share < 1 && std::string(buffer) == "100%")
        return ">99%";
    return buffer;
}

std::string describeNumber(double value)
{
    // Exact when short (what a person typed in a bound), else 10 significant digits.
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    if (end - buffer <= 12)
        return std::string(buffer, end);
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

} // namespace assay::validate
