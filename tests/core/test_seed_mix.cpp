// The explainers' seeds: a row's seed depends on its values only (NaN payloads and the sign of
// zero do not count), and on the seed; derived seeds differ for each index.
#include "explain/seed_mix.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <set>
#include <vector>

using namespace assay::explain;

class TestSeedMix : public QObject {
    Q_OBJECT

private slots:
    void equalRowsGiveEqualSeeds()
    {
        const double quiet = std::numeric_limits<double>::quiet_NaN();
        const double negativeNan = -std::nan("7");
        const std::vector<double> a{1.5, 0.0, quiet}, b{1.5, -0.0, negativeNan};
        QCOMPARE(rowSeed(3, a), rowSeed(3, b));
        QVERIFY(rowSeed(3, a) != rowSeed(4, a));
        const std::vector<double> c{1.5, 0.0, 2.0};
        QVERIFY(rowSeed(3, a) != rowSeed(3, c));
        const std::vector<double> swapped{0.0, 1.5, quiet};
        QVERIFY(rowSeed(3, a) != rowSeed(3, swapped));
    }

    void derivedSeedsDiffer()
    {
        std::set<std::uint64_t> seeds;
        for (std::uint64_t a = 0; a < 50; ++a)
            for (std::uint64_t b = 0; b < 50; ++b)
                seeds.insert(deriveSeed(42, a, b));
        QCOMPARE(seeds.size(), std::size_t(2500));
    }
};

QTEST_GUILESS_MAIN(TestSeedMix)
#include "test_seed_mix.moc"
