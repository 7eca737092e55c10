#include "model/split_support.h"
#include "model/splits.h"

#include <algorithm>
#include <numeric>
#include <string>

namespace assay::model {

namespace {

// Which fold tests each row, for one repeat.
using FoldOfRow = std::vector<int>;

FoldOfRow plainFolds(std::size_t rows, int k, Random &random)
{
    std::vector<std::size_t> order(rows);
    std::iota(order.begin(), order.end(), std::size_t{0});
    splitting::shuffle(order, random);
    FoldOfRow foldOf(rows);
    std::size_t next = 0;
    for (int fold = 0; fold < k; ++fold) {
        const std::size_t size = rows / k + (std::size_t(fold) < rows % k ? 1 : 0);
        for (std::size_t i = 0; i < size; ++i)
            foldOf[order[next++]] = fold;
    }
    return foldOf;
}

// Each class's shuffled rows dealt round the folds, continuing where the previous class
// stopped, so every fold holds each class within one row and the fold sizes differ by at most
// one.
FoldOfRow stratifiedFolds(std::vector<std::vector<std::size_t>> byClass, std::size_t rows, int k,
                          Random &random)
{
    FoldOfRow foldOf(rows);
    std::size_t position = 0;
    for (auto &classRows : byClass) {
        splitting::shuffle(classRows, random);
        for (std::size_t row : classRows)
            foldOf[row] = int(position++ % std::size_t(k));
    }
    return foldOf;
}

FoldOfRow groupFolds(const std::vector<std::vector<std::size_t>> &members, std::size_t rows, int k,
                     Random &random)
{
    std::vector<std::size_t> order(members.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    splitting::shuffle(order, random);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return members[a].size() > members[b].size();
    });
    std::vector<std::size_t> foldRows(std::size_t(k), 0);
    FoldOfRow foldOf(rows);
    for (std::size_t group : order) {
        const auto lightest = std::min_element(foldRows.begin(), foldRows.end()) - foldRows.begin();
        foldRows[std::size_t(lightest)] += members[group].size();
        for (std::size_t row : members[group])
            foldOf[row] = int(lightest);
    }
    return foldOf;
}

void appendFolds(const FoldOfRow &foldOf, int k, int repeat, std::vector<Fold> &folds)
{
    for (int index = 0; index < k; ++index) {
        Fold fold;
        fold.repeat = repeat;
        fold.index = index;
        for (std::size_t row = 0; row < foldOf.size(); ++row)
            (foldOf[row] == index ? fold.test : fold.train).push_back(row);
        folds.push_back(std::move(fold));
    }
}

Status checkStrata(const std::vector<std::vector<std::size_t>> &byClass, int k)
{
    for (std::size_t c = 0; c < byClass.size(); ++c)
        if (!byClass[c].empty() && byClass[c].size() < std::size_t(k))
            return Error::invalidInput("stratified folds: class " + std::to_string(c) + " has " +
                                       std::to_string(byClass[c].size()) +
                                       " rows, fewer than the " + std::to_string(k) +
                                       " folds; choose k <= " + std::to_string(byClass[c].size()));
    return {};
}

} // namespace

Result<std::vector<Fold>> kFolds(std::size_t rows, int k, int repeats, const SplitOptions &options)
{
    if (k < 2)
        return Error::invalidInput("k-fold: k must be at least 2, not " + std::to_string(k));
    if (std::size_t(k) > rows)
        return Error::invalidInput("k-fold: k = " + std::to_string(k) + " folds need at least " +
                                   std::to_string(k) + " rows; there are " + std::to_string(rows));
    if (repeats < 1)
        return Error::invalidInput("k-fold: repeats must be at least 1");
    ASSAY_TRY(splitting::checkOptions(rows, options));
    Random random(options.seed);
    std::vector<Fold> folds;
    if (!options.groups.empty()) {
        const auto members = splitting::groupRows(options.groups);
        if (members.size() < std::size_t(k))
            return Error::invalidInput("group k-fold: " + std::to_string(members.size()) +
                                       " groups cannot fill " + std::to_string(k) + " folds");
        if (repeats > 1)
            return Error::invalidInput("group k-fold cannot be repeated: the folds would barely "
                                       "change");
        appendFolds(groupFolds(members, rows, k, random), k, 0, folds);
        return folds;
    }
    std::vector<std::vector<std::size_t>> byClass;
    if (!options.strata.empty()) {
        auto classes = splitting::rowsByClass(options.strata);
        if (!classes)
            return classes.error();
        ASSAY_TRY(checkStrata(*classes, k));
        byClass = std::move(*classes);
    }
    for (int repeat = 0; repeat < repeats; ++repeat) {
        const auto foldOf = byClass.empty() ? plainFolds(rows, k, random)
                                            : stratifiedFolds(byClass, rows, k, random);
        appendFolds(foldOf, k, repeat, folds);
    }
    return folds;
}

} // namespace assay::model
