// The KernelSHAP coalition sampler: sampled coalition sizes follow the Shapley kernel, small
// budgets enumerate nothing, a full budget enumerates every coalition exactly once.
#include "explain/coalition_sampler.h"

#include <QTest>

#include <algorithm>
#include <numeric>
#include <set>
#include <vector>

using namespace assay;
using namespace assay::explain;

namespace {

// The Shapley kernel's share of coalition size s among sizes 1 … players − 1:
// (M − 1) / (s (M − s)), normalised.
std::vector<double> kernelSizeShares(std::size_t players)
{
    std::vector<double> shares(players + 1, 0.0);
    for (std::size_t s = 1; s < players; ++s)
        shares[s] = double(players - 1) / double(s * (players - s));
    const double total = std::accumulate(shares.begin(), shares.end(), 0.0);
    for (double &share : shares)
        share /= total;
    return shares;
}

// The sampler's weight per coalition size, summed over many seeds and normalised.
std::vector<double> sampledSizeShares(std::size_t players, std::size_t budget, std::size_t seeds)
{
    std::vector<double> shares(players + 1, 0.0);
    for (std::size_t seed = 1; seed <= seeds; ++seed) {
        Random random(seed);
        const CoalitionSet set = sampleCoalitions(players, budget, random);
        for (std::size_t i = 0; i < set.count(); ++i) {
            const auto mask = set.mask(i);
            shares[std::size_t(std::count(mask.begin(), mask.end(), 1))] += set.weights[i];
        }
    }
    const double total = std::accumulate(shares.begin(), shares.end(), 0.0);
    for (double &share : shares)
        share /= total;
    return shares;
}

} // namespace

class TestCoalitionSampler : public QObject {
    Q_OBJECT

private slots:
    void sampledSizesFollowTheShapleyKernel_data()
    {
        QTest::addColumn<int>("players");
        QTest::newRow("even: a middle size without a complement") << 20;
        QTest::newRow("odd: every size paired") << 21;
    }

    void sampledSizesFollowTheShapleyKernel()
    {
        QFETCH(int, players);
        const auto m = std::size_t(players);
        // 100 coalitions are too few to enumerate size 1 (2 · M coalitions at ~30 % of the
        // kernel), so every coalition is sampled; 400 seeds give ~40 000 draws.
        const std::size_t budget = 100;
        {
            Random random(1);
            const CoalitionSet set = sampleCoalitions(m, budget, random);
            QCOMPARE(set.count(), budget);
        }
        const std::vector<double> expected = kernelSizeShares(m);
        const std::vector<double> observed = sampledSizeShares(m, budget, 400);
        for (std::size_t s = 1; s < m; ++s)
            if (std::abs(observed[s] / expected[s] - 1.0) > 0.12)
                QFAIL(qPrintable(QStringLiteral("size %1: sampled share %2, kernel %3")
                                     .arg(s)
                                     .arg(observed[s])
                                     .arg(expected[s])));
    }

    void fullBudgetEnumeratesEveryCoalitionOnce()
    {
        Random random(3);
        const CoalitionSet set = sampleCoalitions(6, 1000, random);
        QCOMPARE(set.count(), std::size_t(62));
        std::set<std::vector<std::uint8_t>> distinct;
        for (std::size_t i = 0; i < set.count(); ++i)
            distinct.emplace(set.mask(i).begin(), set.mask(i).end());
        QCOMPARE(distinct.size(), std::size_t(62));
        // The kernel weight of each coalition, all sizes together summing to 1.
        const std::vector<double> expected = kernelSizeShares(6);
        std::vector<double> bySize(7, 0.0);
        for (std::size_t i = 0; i < set.count(); ++i) {
            const auto mask = set.mask(i);
            bySize[std::size_t(std::count(mask.begin(), mask.end(), 1))] += set.weights[i];
        }
        for (std::size_t s = 1; s < 6; ++s)
            QVERIFY(std::abs(bySize[s] - expected[s]) < 1e-12);
    }

    void fewerThanTwoPlayersNeedNoCoalitions()
    {
        Random random(1);
        QCOMPARE(sampleCoalitions(1, 100, random).count(), std::size_t(0));
        QCOMPARE(sampleCoalitions(0, 100, random).count(), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestCoalitionSampler)
#include "test_coalition_sampler.moc"
