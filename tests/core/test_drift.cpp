// Drift statistics on hand-computed cases, test selection, missing values, verdicts, errors.
#include "drift/chi_square.h"
#include "drift/column_sample.h"
#include "drift/drift.h"
#include "drift/histogram.h"
#include "drift/incomplete_gamma.h"
#include "drift/jensen_shannon.h"
#include "drift/kolmogorov_distribution.h"
#include "drift/ks_test.h"
#include "drift/linf.h"
#include "drift/psi.h"
#include "drift/radix_sort.h"
#include "drift/test_selection.h"
#include "drift/wasserstein.h"
#include "drift/z_test.h"
#include "support/files.h"
#include "table/reader.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <string>

using namespace assay;
using namespace assay::drift;

namespace {

bool near(double a, double b, double tolerance = 1e-12)
{
    return std::abs(a - b) <= tolerance * std::max(1.0, std::abs(b));
}

table::Table tableOf(const std::string &csv)
{
    auto read = table::readTableFromBuffer(csv, "test.csv");
    if (!read.ok())
        qFatal("%s", read.error().message.c_str());
    return std::move(read->table);
}

DatasetDrift driftOk(const std::string &reference, const std::string &current, DriftOptions options = {})
{
    auto result = computeDrift(tableOf(reference), tableOf(current), options);
    if (!result.ok())
        qFatal("%s", result.error().message.c_str());
    return std::move(*result);
}

const ColumnDrift &columnOf(const DatasetDrift &drift, const std::string &name)
{
    for (const auto &c : drift.columns) {
        if (c.name == name)
            return c;
    }
    qFatal("no column %s", name.c_str());
}

CategoryCounts countsOf(std::vector<std::uint64_t> reference, std::vector<std::uint64_t> current)
{
    CategoryCounts counts;
    for (std::size_t i = 0; i < reference.size(); ++i)
        counts.labels.push_back(std::string(1, char('a' + i)));
    counts.reference = std::move(reference);
    counts.current = std::move(current);
    return counts;
}

// "x\n0\n1\n...": a one-column CSV of `count` values cycling through `distinct` values.
std::string cycling(std::size_t count, std::size_t distinct, double offset = 0)
{
    std::string csv = "x\n";
    for (std::size_t i = 0; i < count; ++i)
        csv += std::to_string(double(i % distinct) + offset) + "\n";
    return csv;
}

} // namespace

class TestDrift : public QObject {
    Q_OBJECT

private slots:
    void radixSortOrdersLikeStdSort()
    {
        std::mt19937_64 random(7);
        std::normal_distribution<double> normal(0, 1e6);
        std::vector<double> values{0.0, -0.0, 1e300, -1e300, 5e-324, -5e-324};
        for (int i = 0; i < 100'000; ++i)
            values.push_back(i % 10 == 0 ? std::round(normal(random)) : normal(random));
        auto expected = values;
        std::sort(expected.begin(), expected.end());
        radixSort(values);
        QVERIFY(std::equal(values.begin(), values.end(), expected.begin())); // -0.0 == 0.0
    }

    void ksStatisticStepsPastTies()
    {
        const std::vector<double> a{1, 2, 2, 3}, b{2, 3, 3, 4};
        QCOMPARE(ksStatistic(a, b), 0.5); // F_a - F_b at 2: 0.75 - 0.25
    }

    void ksExactPValuesCountLatticePaths()
    {
        // Fully separated samples: only 2 of C(m+n, n) orderings reach D = 1.
        const std::vector<double> a{1, 2, 3}, b{4, 5, 6};
        KsResult equal = ksTwoSample(a, b);
        QCOMPARE(equal.statistic, 1.0);
        QVERIFY(equal.exact);
        QVERIFY(near(equal.pValue, 2.0 / 20));
        const std::vector<double> c{1, 2}, d{3, 4, 5};
        QVERIFY(near(ksTwoSample(c, d).pValue, 2.0 / 10));
        QCOMPARE(ksTwoSample(c, c).pValue, 1.0);
    }

    void ksAsymptoticBeyondTenThousand()
    {
        std::vector<double> a(10'001), b(20'000);
        for (std::size_t i = 0; i < a.size(); ++i)
            a[i] = double(i);
        for (std::size_t i = 0; i < b.size(); ++i)
            b[i] = double(i) / 2 + 3000;
        const KsResult result = ksTwoSample(a, b);
        QVERIFY(!result.exact);
        // n_eff = round(10001 * 20000 / 30001) = 6667; the statistic stays unrounded.
        QVERIFY(near(result.pValue, kolmogorovSf(6667, result.statistic)));
    }

    void kolmogorovDistributionAtItsClosedForms()
    {
        // Ruben-Gambino: P(D_2 <= 0.4) = 2!/2^2 (2 * 0.8 - 1)^2 = 0.18.
        QVERIFY(near(kolmogorovSf(2, 0.4), 0.82));
        // Near d = 1: P(D_3 >= 0.8) = 2 (1 - 0.8)^3.
        QVERIFY(near(kolmogorovSf(3, 0.8), 0.016));
        QCOMPARE(kolmogorovSf(10, 0.01), 1.0); // d <= 1/2n
        QCOMPARE(kolmogorovSf(10, 1.0), 0.0);
        // One-sided at n = 1: P(D+ >= d) = 1 - d.
        QVERIFY(near(smirnovSf(1, 0.3), 0.7));
    }

    void kolmogorovMethodsAgreeWhereBothApply()
    {
        // Durbin is exact; Pelz-Good is an expansion good to about 1e-5 at n = 1000.
        for (double d : {0.02, 0.03, 0.04}) {
            const double durbin = kolmogorovCdfDurbin(1000, d);
            const double pelzGood = kolmogorovCdfPelzGood(1000, d);
            QVERIFY2(std::abs(durbin - pelzGood) < 1e-4, qPrintable(QString::number(d)));
        }
        // Large n tends to Kolmogorov's limit: P(sqrt(n) D >= 1) -> 0.2699996717.
        QVERIFY(std::abs(kolmogorovSf(4'000'000, 1.0 / 2000) - 0.2699996717) < 2e-3);
    }

    void chiSquareAgainstHandComputation()
    {
        // Expected 50/50, observed 30/70: (20^2 / 50) * 2 = 16 on 1 degree of freedom.
        const CategoryTestResult result = chiSquareTest(countsOf({50, 50}, {30, 70}));
        QVERIFY(near(result.statistic, 16));
        QVERIFY(near(result.pValue, std::erfc(std::sqrt(8.0)), 1e-10));
        QVERIFY(near(regularizedGammaQ(1, 2.5), std::exp(-2.5)));
        QVERIFY(near(chiSquareSf(3, 2), std::exp(-1.5)));
    }

    void chiSquareCategoryNewInCurrentIsInfinite()
    {
        const CategoryTestResult result = chiSquareTest(countsOf({10, 0}, {5, 5}));
        QVERIFY(std::isinf(result.statistic));
        QCOMPARE(result.pValue, 0.0);
        QVERIFY(result.detail.find("'b' is new in current") != std::string::npos);
        QVERIFY(std::isnan(chiSquareTest(countsOf({10}, {5})).pValue)); // one category: 0 dof
    }

    void zTestPoolsProportions()
    {
        // 30 % against 50 %: pooled 0.4, z = -0.2 / sqrt(0.4 * 0.6 * (1/100 + 1/100)).
        const CategoryTestResult result = twoProportionZTest(countsOf({30, 70}, {50, 50}));
        const double z = -0.2 / std::sqrt(0.4 * 0.6 * 0.02);
        QVERIFY(near(result.statistic, z));
        QVERIFY(near(result.pValue, std::erfc(std::abs(z) / std::sqrt(2.0))));
        const CategoryTestResult same = twoProportionZTest(countsOf({10}, {20}));
        QCOMPARE(same.pValue, 1.0);
    }

    void wassersteinIsTheShiftForTranslatedSamples()
    {
        const std::vector<double> a{0, 1, 3}, b{5, 6, 8};
        QVERIFY(near(wassersteinDistance(a, b), 5));
        QVERIFY(near(normedWassersteinDistance(a, b), 5 / std::sqrt(42.0 / 27)));
        const std::vector<double> constant{2, 2};
        QVERIFY(near(normedWassersteinDistance(constant, constant), 0));
        const std::vector<double> moved{3, 3};
        QVERIFY(near(normedWassersteinDistance(constant, moved), 1 / 0.001)); // std floored at 0.001
    }

    void jensenShannonBetweenZeroAndOneBit()
    {
        QCOMPARE(jensenShannonDistance({3, 1}, {6, 2}), 0.0);
        QVERIFY(near(jensenShannonDistance({1, 0}, {0, 1}), 1));
        // p = (1, 0), q = (1/2, 1/2): m = (3/4, 1/4).
        const double kl = std::log(4.0 / 3) + 0.5 * std::log(2.0 / 3) + 0.5 * std::log(2.0);
        QVERIFY(near(jensenShannonDistance({1, 0}, {1, 1}), std::sqrt(kl / 2 / std::log(2.0))));
    }

    void psiOverDecilesAndFlooredShares()
    {
        QVERIFY(near(populationStabilityIndex({50, 50}, {25, 75}), 0.25 * std::log(3.0)));
        // A share of 0 counts as 0.0001.
        QVERIFY(near(populationStabilityIndex({50, 50}, {100, 0}),
                     0.5 * std::log(1 / 0.5) + (0.0001 - 0.5) * std::log(0.0001 / 0.5)));
        // 1..11: the linear-interpolation deciles fall on 2..10; a value on an edge counts
        // in the bin below it: (-inf, 2], (2, 3], ..., (10, inf).
        std::vector<double> values;
        for (int i = 1; i <= 11; ++i)
            values.push_back(i);
        const auto edges = psiDecileEdges(values);
        QCOMPARE(edges, (std::vector<double>{2, 3, 4, 5, 6, 7, 8, 9, 10}));
        QCOMPARE(countsAtMostEdges(values, edges), (std::vector<std::uint64_t>{2, 1, 1, 1, 1, 1, 1, 1, 1, 1}));
        const std::vector<double> four{0, 10, 20, 30};
        QVERIFY(near(psiDecileEdges(four)[0], 3)); // position 0.3 between 0 and 10
    }

    void linfNamesTheCategory()
    {
        const CategoryTestResult result = linfDistance(countsOf({50, 25, 25}, {50, 0, 50}));
        QVERIFY(near(result.statistic, 0.25));
        QVERIFY(result.detail.rfind("'b'", 0) == 0); // b and c both move 0.25: the first wins
    }

    void histogramBinsAsNumpy()
    {
        const auto edges = equalWidthEdges(0, 3, 3);
        QCOMPARE(edges, (std::vector<double>{0, 1, 2, 3}));
        const std::vector<double> values{0, 1, 1, 2, 3};
        QCOMPARE(histogramCounts(values, edges), (std::vector<std::uint64_t>{1, 2, 2})); // last bin closed
        const auto widened = equalWidthEdges(4, 4, 2);
        QCOMPARE(widened, (std::vector<double>{3.5, 4, 4.5}));
    }

    void autoSelectionBorders()
    {
        QCOMPARE(chooseTest({true, 1000, 6, 6}), DriftTest::Ks);
        QCOMPARE(chooseTest({true, 1001, 6, 6}), DriftTest::Wasserstein);
        QCOMPARE(chooseTest({true, 1000, 5, 5}), DriftTest::ChiSquare);
        QCOMPARE(chooseTest({true, 1000, 5, 3}), DriftTest::ChiSquare);
        QCOMPARE(chooseTest({true, 1000, 2, 2}), DriftTest::Z);
        QCOMPARE(chooseTest({true, 1001, 5, 5}), DriftTest::JensenShannon);
        QCOMPARE(chooseTest({false, 1000, 40, 40}), DriftTest::ChiSquare);
        QCOMPARE(chooseTest({false, 1000, 2, 2}), DriftTest::Z);
        QCOMPARE(chooseTest({false, 1001, 2, 2}), DriftTest::JensenShannon);
    }

    void autoSelectionThroughTheWholePipeline()
    {
        QCOMPARE(columnOf(driftOk(cycling(1000, 6), cycling(50, 6)), "x").test, DriftTest::Ks);
        QCOMPARE(columnOf(driftOk(cycling(1001, 6), cycling(50, 6)), "x").test, DriftTest::Wasserstein);
        QCOMPARE(columnOf(driftOk(cycling(1000, 5), cycling(50, 5)), "x").test, DriftTest::ChiSquare);
        QCOMPARE(columnOf(driftOk(cycling(1001, 5), cycling(50, 5)), "x").test, DriftTest::JensenShannon);
        QCOMPARE(columnOf(driftOk(cycling(1000, 2), cycling(50, 2)), "x").test, DriftTest::Z);
        // Missing values do not count towards the 1000: 1000 values and 5 missing.
        std::string withMissing = cycling(1000, 6);
        withMissing += "\n\n\n\n\n";
        QCOMPARE(columnOf(driftOk(withMissing, cycling(50, 6)), "x").test, DriftTest::Ks);
    }

    void missingValuesAreLeftOutAndReported()
    {
        const auto withMissing = driftOk("x,y\n1,a\nNA,b\n3,\n4,a\n", "x,y\n1,a\n5,\n,\n7,b\n");
        const ColumnDrift &x = columnOf(withMissing, "x");
        QCOMPARE(x.referenceMissingShare, 0.25);
        QCOMPARE(x.currentMissingShare, 0.25);
        QCOMPARE(x.referenceValues, std::uint64_t(3));
        const auto without = driftOk("x\n1\n3\n4\n", "x\n1\n5\n7\n");
        QCOMPARE(x.test, columnOf(without, "x").test);
        QCOMPARE(x.statistic, columnOf(without, "x").statistic);
        QCOMPARE(*x.pValue, *columnOf(without, "x").pValue);
        QCOMPARE(columnOf(withMissing, "y").currentMissingShare, 0.5);
    }

    void columnWithoutValuesIsNotTested()
    {
        const auto result = driftOk("x,y\n1,\n2,\n", "x,y\n1,\n3,\n");
        const ColumnDrift &y = columnOf(result, "y");
        QCOMPARE(y.test, DriftTest::None);
        QVERIFY(y.detail.find("no values") != std::string::npos);
        QCOMPARE(result.testedColumns, std::size_t(1));
    }

    void datasetVerdictFollowsDriftShare()
    {
        // x drifts (categories swap), y does not: half the columns.
        const std::string ref = "x,y\na,1\na,2\na,1\na,2\n", cur = "x,y\nb,1\nb,2\nb,1\nb,2\n";
        DriftOptions options;
        options.test = DriftTest::Linf;
        options.driftShare = 0.5;
        const auto half = driftOk(ref, cur, options);
        QCOMPARE(half.driftedColumns, std::size_t(1));
        QCOMPARE(half.shareOfDriftedColumns, 0.5);
        QVERIFY(half.datasetDrift);
        options.driftShare = 0.6;
        QVERIFY(!driftOk(ref, cur, options).datasetDrift);
        options.threshold = 1.5; // no distance reaches it
        options.driftShare = 0.5;
        QCOMPARE(driftOk(ref, cur, options).driftedColumns, std::size_t(0));
    }

    void mismatchedKindsNameTheColumnAndTypes()
    {
        auto result = computeDrift(tableOf("id,amount\n1,2.5\n2,3.5\n"), tableOf("id,amount\n1,high\n2,low\n"), {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ErrorKind::InvalidInput);
        const std::string &message = result.error().message;
        for (const char *part : {"'amount'", "numeric (float)", "categorical (string)", "reference", "current"})
            QVERIFY2(message.find(part) != std::string::npos, message.c_str());
        // int against float is one numeric kind.
        QVERIFY(computeDrift(tableOf("x\n1\n2\n"), tableOf("x\n1.5\n2.5\n"), {}).ok());
    }

    void oneSidedColumnsAreReportedNotTested()
    {
        const auto result = driftOk("a,b\n1,2\n", "a,c\n1,2\n");
        QCOMPARE(result.referenceOnly, std::vector<std::string>{"b"});
        QCOMPARE(result.currentOnly, std::vector<std::string>{"c"});
        QCOMPARE(result.columns.size(), std::size_t(1));
        QVERIFY(!computeDrift(tableOf("a\n1\n"), tableOf("b\n1\n"), {}).ok());
        DriftOptions unknown;
        unknown.columns = {"a", "zzz"};
        auto failed = computeDrift(tableOf("a\n1\n"), tableOf("a\n1\n"), unknown);
        QVERIFY(!failed.ok());
        QVERIFY(failed.error().message.find("'zzz'") != std::string::npos);
    }

    void distributionsForTheView()
    {
        std::string ref = "n,c\n", cur = "n,c\n";
        for (int i = 0; i < 100; ++i) {
            ref += std::to_string(i) + ",k" + std::to_string(i % 25) + "\n";
            cur += std::to_string(i + 50) + ",k" + std::to_string(i % 3) + "\n";
        }
        const auto result = driftOk(ref, cur);
        const DriftDistribution &n = columnOf(result, "n").distribution;
        QCOMPARE(n.kind, DriftDistribution::Kind::Histogram);
        QCOMPARE(n.edges.size(), kHistogramBins + 1);
        QCOMPARE(n.edges.front(), 0.0);
        QCOMPARE(n.edges.back(), 149.0);
        QCOMPARE(std::accumulate(n.reference.begin(), n.reference.end(), std::uint64_t(0)), std::uint64_t(100));
        QCOMPARE(std::accumulate(n.current.begin(), n.current.end(), std::uint64_t(0)), std::uint64_t(100));
        const DriftDistribution &c = columnOf(result, "c").distribution;
        QCOMPARE(c.kind, DriftDistribution::Kind::Categories);
        QCOMPARE(c.categories.size(), kDistributionCategories);
        QCOMPARE(c.categories.front(), std::string("k0")); // 4 + 34: most frequent first
        QCOMPARE(c.categories.back(), std::string("(other)"));
        QCOMPARE(c.otherCategories, std::size_t(25 - 19));
    }

    void streamingAcrossChunksMatchesWholeTables()
    {
        // Tiny blocks: chunks infer int, then float, then all-missing for x; text for s.
        QTemporaryDir dir;
        const auto root = testing::pathOf(dir);
        std::string ref = "x,s,b\n", cur = "x,s,b\n";
        for (int i = 0; i < 400; ++i) {
            ref += (i < 200 ? std::to_string(i % 17) : i < 300 ? std::to_string(i * 0.5) : std::string()) +
                   ",s" + std::to_string(i % 7) + "," + (i % 3 ? "true" : "false") + "\n";
            cur += std::to_string(i % 13) + ",s" + std::to_string(i % 5) + "," + (i % 4 ? "true" : "false") + "\n";
        }
        testing::writeFile(root / "ref.csv", ref);
        testing::writeFile(root / "cur.csv", cur);
        DriftOptions options;
        options.read.blockBytes = 256;
        for (DriftTest test : {DriftTest::Auto, DriftTest::Ks, DriftTest::Psi, DriftTest::ChiSquare}) {
            options.test = test;
            auto streamed = computeDrift(version::DatasetRef{(root / "ref.csv").string(), {}},
                                         version::DatasetRef{(root / "cur.csv").string(), {}}, options);
            QVERIFY2(streamed.ok(), streamed.ok() ? "" : streamed.error().message.c_str());
            const auto whole = driftOk(ref, cur, options);
            QCOMPARE(streamed->columns.size(), whole.columns.size());
            for (std::size_t i = 0; i < whole.columns.size(); ++i) {
                QCOMPARE(streamed->columns[i].type, whole.columns[i].type);
                QCOMPARE(streamed->columns[i].test, whole.columns[i].test);
                QCOMPARE(streamed->columns[i].statistic, whole.columns[i].statistic);
                QCOMPARE(streamed->columns[i].referenceMissingShare, whole.columns[i].referenceMissingShare);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestDrift)
#include "test_drift.moc"
