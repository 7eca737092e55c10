// Train/validation/test splits and k-fold variants: partitions, class shares, groups,
// determinism, bad input.
#include "common/random.h"
#include "model/splits.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

using namespace assay;
using namespace assay::model;

namespace {

std::vector<double> classesOf(std::size_t rows, const std::vector<double> &shares,
                              std::uint64_t seed)
{
    Random random(seed);
    std::vector<double> y(rows);
    for (auto &label : y)
        label = double(random.pick(shares));
    return y;
}

std::map<double, std::size_t> countClasses(const std::vector<double> &y,
                                           const std::vector<std::size_t> &rows)
{
    std::map<double, std::size_t> counts;
    for (std::size_t row : rows)
        ++counts[y[row]];
    return counts;
}

// Every row of [0, rows) in exactly one of the parts, and each part ascending.
void verifyPartition(std::size_t rows, const std::vector<const std::vector<std::size_t> *> &parts)
{
    std::vector<int> seen(rows, 0);
    for (const auto *part : parts) {
        QVERIFY(std::is_sorted(part->begin(), part->end()));
        for (std::size_t row : *part) {
            QVERIFY(row < rows);
            ++seen[row];
        }
    }
    QVERIFY(std::all_of(seen.begin(), seen.end(), [](int count) { return count == 1; }));
}

// Each class's count in a part is its total times the part's fraction, within one row.
void verifyShares(const std::vector<double> &y, const std::vector<std::size_t> &part,
                  double fraction)
{
    const auto all = countClasses(y, [&] {
        std::vector<std::size_t> every(y.size());
        for (std::size_t i = 0; i < every.size(); ++i)
            every[i] = i;
        return every;
    }());
    const auto inPart = countClasses(y, part);
    for (const auto &[label, total] : all) {
        const double expected = double(total) * fraction;
        const double actual = inPart.contains(label) ? double(inPart.at(label)) : 0.0;
        QVERIFY2(std::abs(actual - expected) < 1.0 + 1e-9,
                 qPrintable(QStringLiteral("class %1: %2 rows, expected %3")
                                .arg(label)
                                .arg(actual)
                                .arg(expected)));
    }
}

} // namespace

class TestSplits : public QObject {
    Q_OBJECT

private slots:
    void threeWaySplitPartitionsTheRowsInProportion()
    {
        const auto split = splitRows(1000, 0.7, 0.15, 0.15, {.seed = 3});
        QVERIFY(split.ok());
        verifyPartition(1000, {&split->train, &split->validation, &split->test});
        QCOMPARE(split->train.size(), std::size_t(700));
        QCOMPARE(split->validation.size(), std::size_t(150));
        QCOMPARE(split->test.size(), std::size_t(150));
        // Shuffled, not the first 700 rows.
        QVERIFY(split->train.back() > 700);
    }

    void emptyValidationIsAllowed()
    {
        const auto split = splitRows(11, 0.8, 0, 0.2, {.seed = 1});
        QVERIFY(split.ok());
        QVERIFY(split->validation.empty());
        QCOMPARE(split->train.size() + split->test.size(), std::size_t(11));
        QCOMPARE(split->test.size(), std::size_t(2)); // 2.2 rounds down; 8.8 takes the remainder
    }

    void stratifiedSplitKeepsClassShares()
    {
        const auto y = classesOf(997, {0.85, 0.1, 0.05}, 5);
        const auto split = splitRows(y.size(), 0.6, 0.2, 0.2, {.seed = 9, .strata = y});
        QVERIFY(split.ok());
        verifyPartition(y.size(), {&split->train, &split->validation, &split->test});
        verifyShares(y, split->train, 0.6);
        verifyShares(y, split->validation, 0.2);
        verifyShares(y, split->test, 0.2);
    }

    void groupedSplitNeverSplitsAGroup()
    {
        Random random(4);
        std::vector<double> groups(600);
        for (auto &group : groups)
            group = double(random.integer(0, 59));
        groups[7] = std::nan(""); // missing values form one group
        groups[100] = std::nan("");
        const auto split = splitRows(groups.size(), 0.7, 0.15, 0.15, {.seed = 2, .groups = groups});
        QVERIFY(split.ok());
        verifyPartition(groups.size(), {&split->train, &split->validation, &split->test});
        std::map<double, int> partOfGroup;
        int nanPart = -1;
        const std::vector<std::size_t> *parts[3] = {&split->train, &split->validation,
                                                    &split->test};
        for (int part = 0; part < 3; ++part)
            for (std::size_t row : *parts[part]) {
                if (std::isnan(groups[row])) {
                    QVERIFY(nanPart == -1 || nanPart == part);
                    nanPart = part;
                    continue;
                }
                const auto [found, added] = partOfGroup.emplace(groups[row], part);
                QVERIFY2(added || found->second == part, "a group straddles two parts");
            }
        // Sizes near the fractions as 60 groups of ~10 allow.
        QVERIFY(std::abs(double(split->train.size()) - 420) < 40);
    }

    void kFoldsTestEveryRowOncePerRepeat()
    {
        const auto folds = kFolds(103, 5, 3, {.seed = 8});
        QVERIFY(folds.ok());
        QCOMPARE(folds->size(), std::size_t(15));
        for (int repeat = 0; repeat < 3; ++repeat) {
            std::vector<int> tested(103, 0);
            for (const auto &fold : *folds) {
                if (fold.repeat != repeat)
                    continue;
                verifyPartition(103, {&fold.train, &fold.test});
                QVERIFY(fold.test.size() == 20 || fold.test.size() == 21);
                for (std::size_t row : fold.test)
                    ++tested[row];
            }
            QVERIFY(std::all_of(tested.begin(), tested.end(), [](int t) { return t == 1; }));
        }
        // Repeats reshuffle.
        QVERIFY((*folds)[0].test != (*folds)[5].test);
    }

    void stratifiedFoldsKeepClassShares()
    {
        const auto y = classesOf(500, {0.7, 0.2, 0.1}, 6);
        const auto folds = kFolds(y.size(), 5, 2, {.seed = 4, .strata = y});
        QVERIFY(folds.ok());
        for (const auto &fold : *folds) {
            verifyPartition(y.size(), {&fold.train, &fold.test});
            verifyShares(y, fold.test, 0.2);
            QVERIFY(fold.test.size() == 100);
        }
    }

    void groupFoldsNeverSplitAGroup()
    {
        Random random(10);
        std::vector<double> groups(400);
        for (auto &group : groups)
            group = double(random.integer(0, 29));
        const auto folds = kFolds(groups.size(), 4, 1, {.seed = 1, .groups = groups});
        QVERIFY(folds.ok());
        std::map<double, int> foldOfGroup;
        for (const auto &fold : *folds) {
            verifyPartition(groups.size(), {&fold.train, &fold.test});
            for (std::size_t row : fold.test) {
                const auto [found, added] = foldOfGroup.emplace(groups[row], fold.index);
                QVERIFY2(added || found->second == fold.index, "a group is in two test folds");
            }
            QVERIFY(std::abs(double(fold.test.size()) - 100) < 25);
        }
        QCOMPARE(foldOfGroup.size(), std::size_t(30));
    }

    void sameSeedSameFoldsDifferentSeedDifferentFolds()
    {
        const auto y = classesOf(200, {0.5, 0.5}, 1);
        const auto a = kFolds(200, 4, 1, {.seed = 42, .strata = y});
        const auto b = kFolds(200, 4, 1, {.seed = 42, .strata = y});
        const auto c = kFolds(200, 4, 1, {.seed = 43, .strata = y});
        QVERIFY(a.ok() && b.ok() && c.ok());
        for (std::size_t i = 0; i < a->size(); ++i)
            QCOMPARE((*a)[i].test, (*b)[i].test);
        QVERIFY((*a)[0].test != (*c)[0].test);
        const auto s1 = splitRows(200, 0.5, 0.25, 0.25, {.seed = 42});
        const auto s2 = splitRows(200, 0.5, 0.25, 0.25, {.seed = 42});
        const auto s3 = splitRows(200, 0.5, 0.25, 0.25, {.seed = 7});
        QCOMPARE(s1->test, s2->test);
        QVERIFY(s1->test != s3->test);
    }

    void badInputIsRejected()
    {
        const auto invalid = [](const auto &result) {
            return !result.ok() && result.error().kind == ErrorKind::InvalidInput;
        };
        QVERIFY(invalid(kFolds(4, 5, 1, {})));  // k > rows
        QVERIFY(invalid(kFolds(10, 1, 1, {}))); // k < 2
        QVERIFY(invalid(kFolds(10, 2, 0, {}))); // no repeats
        QVERIFY(invalid(splitRows(10, 0.7, 0.2, 0.2, {})));
        QVERIFY(invalid(splitRows(10, 0, 0.5, 0.5, {})));
        QVERIFY(invalid(splitRows(10, 1.2, -0.1, -0.1, {})));
        QVERIFY(invalid(splitRows(3, 0.8, 0.1, 0.1, {}))); // validation would be empty

        std::vector<double> y(30, 0.0);
        y[0] = y[1] = y[2] = 1; // class 1 has 3 rows
        const auto rare = kFolds(y.size(), 5, 1, {.strata = y});
        QVERIFY(invalid(rare));
        QVERIFY(rare.error().message.find("class 1 has 3 rows") != std::string::npos);
        QVERIFY(kFolds(y.size(), 3, 1, {.strata = y}).ok());

        std::vector<double> groups{1, 1, 2, 2, 2, 1};
        QVERIFY(invalid(kFolds(groups.size(), 3, 1, {.groups = groups}))); // 2 groups, 3 folds
        QVERIFY(invalid(kFolds(6, 2, 1, {.strata = y})));                  // wrong length
        std::vector<double> six(6, 0.0);
        QVERIFY(invalid(kFolds(6, 2, 1, {.strata = six, .groups = groups})));
        std::vector<double> missingClass{0, 1, std::nan(""), 1, 0, 1};
        QVERIFY(invalid(kFolds(6, 2, 1, {.strata = missingClass})));
    }
};

QTEST_GUILESS_MAIN(TestSplits)
#include "test_splits.moc"
