#include "model/split_support.h"
#include "model/splits.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <string>

namespace assay::model {

namespace {

using Parts = std::array<std::vector<std::size_t> *, 3>;
constexpr const char *kPartNames[3] = {"train", "validation", "test"};

Status checkFractions(const std::array<double, 3> &fractions)
{
    double sum = 0;
    for (int part = 0; part < 3; ++part) {
        if (!(fractions[part] >= 0 && fractions[part] <= 1))
            return Error::invalidInput(std::string("split: the ") + kPartNames[part] +
                                       " fraction must be in [0, 1]");
        sum += fractions[part];
    }
    if (std::abs(sum - 1) > 1e-9)
        return Error::invalidInput("split: the fractions sum to " + std::to_string(sum) +
                                   ", not 1");
    if (fractions[0] == 0)
        return Error::invalidInput("split: the train fraction must be positive");
    return {};
}

// Deals the rows in `order` to the parts: the first counts[0] to train, and so on.
void deal(const std::vector<std::size_t> &order, const std::vector<std::size_t> &counts,
          Parts parts)
{
    std::size_t next = 0;
    for (int part = 0; part < 3; ++part)
        for (std::size_t i = 0; i < counts[part]; ++i)
            parts[part]->push_back(order[next++]);
}

// Whole groups in a seeded order; a group goes to the part in which its middle row falls when
// the rows are laid out in that order against the cumulative fractions.
void dealGroups(std::span<const double> groups, const std::array<double, 3> &fractions,
                Random &random, Parts parts)
{
    auto members = splitting::groupRows(groups);
    std::vector<std::size_t> order(members.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    splitting::shuffle(order, random);
    const double rows = double(groups.size());
    double before = 0;
    for (std::size_t group : order) {
        const double size = double(members[group].size());
        const double middle = (before + size / 2) / rows;
        const int part = middle < fractions[0] ? 0 : middle < fractions[0] + fractions[1] ? 1 : 2;
        parts[part]->insert(parts[part]->end(), members[group].begin(), members[group].end());
        before += size;
    }
}

} // namespace

Result<ThreeWaySplit> splitRows(std::size_t rows, double trainFraction, double validationFraction,
                                double testFraction, const SplitOptions &options)
{
    const std::array<double, 3> fractions{trainFraction, validationFraction, testFraction};
    ASSAY_TRY(checkFractions(fractions));
    ASSAY_TRY(splitting::checkOptions(rows, options));
    Random random(options.seed);
    ThreeWaySplit split;
    const Parts parts{&split.train, &split.validation, &split.test};
    if (!options.groups.empty()) {
        dealGroups(options.groups, fractions, random, parts);
    } else if (!options.strata.empty()) {
        auto byClass = splitting::rowsByClass(options.strata);
        if (!byClass)
            return byClass.error();
        for (auto &classRows : *byClass) {
            splitting::shuffle(classRows, random);
            deal(classRows, splitting::apportion(classRows.size(), fractions), parts);
        }
    } else {
        std::vector<std::size_t> order(rows);
        std::iota(order.begin(), order.end(), std::size_t{0});
        splitting::shuffle(order, random);
        deal(order, splitting::apportion(rows, fractions), parts);
    }
    for (int part = 0; part < 3; ++part) {
        if (fractions[part] > 0 && parts[part]->empty())
            return Error::invalidInput("split: the " + std::string(kPartNames[part]) +
                                       " part would be empty with " + std::to_string(rows) +
                                       " rows" +
                                       (options.groups.empty() ? "" : " in these groups"));
        std::sort(parts[part]->begin(), parts[part]->end());
    }
    return split;
}

} // namespace assay::model
