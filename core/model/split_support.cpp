#include "model/split_support.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace assay::model::splitting {

void shuffle(std::vector<std::size_t> &items, Random &random)
{
    for (std::size_t i = items.size(); i > 1; --i) {
        const auto j = static_cast<std::size_t>(random.uniform() * double(i));
        std::swap(items[i - 1], items[j]);
    }
}

std::vector<std::vector<std::size_t>> groupRows(std::span<const double> values)
{
    std::vector<std::vector<std::size_t>> members;
    std::map<double, std::size_t> groupOf;
    std::size_t missingGroup = SIZE_MAX;
    for (std::size_t row = 0; row < values.size(); ++row) {
        std::size_t group = 0;
        if (std::isnan(values[row])) {
            if (missingGroup == SIZE_MAX)
                missingGroup = members.size(), members.emplace_back();
            group = missingGroup;
        } else {
            const auto [found, added] = groupOf.emplace(values[row], members.size());
            if (added)
                members.emplace_back();
            group = found->second;
        }
        members[group].push_back(row);
    }
    return members;
}

Result<std::vector<std::vector<std::size_t>>> rowsByClass(std::span<const double> strata)
{
    std::vector<std::vector<std::size_t>> byClass;
    for (std::size_t row = 0; row < strata.size(); ++row) {
        const double value = strata[row];
        if (!(value >= 0) || value != std::floor(value) || value > 1e6)
            return Error::invalidInput("stratified split: row " + std::to_string(row + 1) +
                                       " has no class (missing target?)");
        const auto c = static_cast<std::size_t>(value);
        if (c >= byClass.size())
            byClass.resize(c + 1);
        byClass[c].push_back(row);
    }
    return byClass;
}

std::vector<std::size_t> apportion(std::size_t total, std::span<const double> fractions)
{
    std::vector<std::size_t> counts(fractions.size());
    std::vector<double> remainders(fractions.size());
    std::size_t assigned = 0;
    for (std::size_t part = 0; part < fractions.size(); ++part) {
        const double exact = double(total) * fractions[part];
        // The epsilon keeps 0.7 * 10 = 7.000000000000001 or 6.999999999999999 at 7.
        counts[part] = static_cast<std::size_t>(std::floor(exact + 1e-9));
        remainders[part] = exact - double(counts[part]);
        assigned += counts[part];
    }
    while (assigned < total) {
        std::size_t best = 0;
        for (std::size_t part = 1; part < fractions.size(); ++part)
            if (remainders[part] > remainders[best])
                best = part;
        ++counts[best];
        remainders[best] = -1;
        ++assigned;
    }
    return counts;
}

Status checkOptions(std::size_t rows, const SplitOptions &options)
{
    if (!options.strata.empty() && !options.groups.empty())
        return Error::invalidInput("a split can be stratified or grouped, not both");
    if (!options.strata.empty() && options.strata.size() != rows)
        return Error::invalidInput("stratified split: " + std::to_string(options.strata.size()) +
                                   " class labels for " + std::to_string(rows) + " rows");
    if (!options.groups.empty() && options.groups.size() != rows)
        return Error::invalidInput("grouped split: " + std::to_string(options.groups.size()) +
                                   " group values for " + std::to_string(rows) + " rows");
    return {};
}

} // namespace assay::model::splitting
