// Private statistics: the noise has the promised distribution (variance, mean, a KS test
// against the Laplace CDF), sensitivities and scales, clamping, seeded determinism, bad input;
// the ledger refuses what the budget cannot pay for, records nothing then, and cannot be
// overspent by two writers at once.
#include "govern/audit_log.h"
#include "govern/privacy_ledger.h"
#include "govern/private_stats.h"
#include "support/files.h"
#include "table/table.h"
#include "workspace/workspace.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

using namespace assay;
using govern::NoiseMechanism;
using govern::PrivateStatistic;
using govern::PrivateStatRequest;

namespace {

// A table with one float column; NaN marks a missing value.
table::Table floatTable(const std::vector<double> &values)
{
    table::Column column("x", table::ColumnType::Float);
    column.floats() = values;
    column.missing().resize(values.size());
    for (std::size_t row = 0; row < values.size(); ++row)
        column.missing()[row] = std::isnan(values[row]) ? 1 : 0;
    return table::Table({std::move(column)});
}

PrivateStatRequest countRequest(double epsilon, NoiseMechanism mechanism = NoiseMechanism::Laplace,
                                double delta = 0)
{
    PrivateStatRequest request;
    request.statistic = PrivateStatistic::Count;
    request.epsilon = epsilon;
    request.delta = delta;
    request.mechanism = mechanism;
    return request;
}

struct Moments {
    double mean = 0;
    double variance = 0; // sample variance
};

Moments momentsOf(const std::vector<double> &values)
{
    Moments moments;
    for (double value : values)
        moments.mean += value;
    moments.mean /= static_cast<double>(values.size());
    for (double value : values)
        moments.variance += (value - moments.mean) * (value - moments.mean);
    moments.variance /= static_cast<double>(values.size() - 1);
    return moments;
}

// Noise of `draws` count releases of a 50-row table, all from one seeded generator.
std::vector<double> countNoise(const PrivateStatRequest &request, int draws)
{
    const auto data = floatTable(std::vector<double>(50, 1.0));
    Random random(2026);
    std::vector<double> noise;
    for (int draw = 0; draw < draws; ++draw) {
        auto released = govern::computePrivateStatistic(data, request, random, "t.csv");
        if (!released)
            return {};
        noise.push_back(released->values.front() - 50.0);
    }
    return noise;
}

double laplaceCdf(double x, double scale)
{
    return x < 0 ? 0.5 * std::exp(x / scale) : 1.0 - 0.5 * std::exp(-x / scale);
}

} // namespace

class TestPrivateStats : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::filesystem::path m_root;
    std::string m_data; // absolute path of a CSV inside the workspace

    Result<workspace::Workspace> openWorkspace() { return workspace::Workspace::open(m_root); }

private slots:
    void initTestCase()
    {
        m_root = testing::pathOf(m_dir) / "ws";
        QVERIFY(workspace::Workspace::init(m_root).ok());
        m_data = (m_root / "data" / "people.csv").string();
        std::string csv = "age,income,city\n";
        for (int row = 0; row < 200; ++row)
            csv += std::to_string(18 + row % 60) + "," +
                   (row % 10 == 0 ? "" : std::to_string(1000 * (row % 7))) + "," +
                   (row % 2 ? "oslo" : "rome") + "\n";
        testing::writeFile(m_data, csv);
    }

    void laplaceScaleAndVariance()
    {
        const auto request = countRequest(0.5);
        auto scale = govern::noiseScale(NoiseMechanism::Laplace, 1, 1, 0.5, 0);
        QVERIFY(scale.ok());
        QCOMPARE(*scale, 2.0); // Δ1 / ε
        const auto noise = countNoise(request, 20000);
        QCOMPARE(noise.size(), std::size_t(20000));
        const Moments moments = momentsOf(noise);
        // Var(Laplace(b)) = 2b² = 8; the sample variance's sd here is about 0.13.
        QVERIFY2(std::abs(moments.variance - 8.0) < 0.5,
                 qPrintable(QString::number(moments.variance)));
        QVERIFY2(std::abs(moments.mean) < 0.1, qPrintable(QString::number(moments.mean)));
    }

    void laplaceNoiseFollowsTheLaplaceCdf()
    {
        auto noise = countNoise(countRequest(0.25), 20000); // b = 4
        std::sort(noise.begin(), noise.end());
        double largestGap = 0;
        const double n = static_cast<double>(noise.size());
        for (std::size_t i = 0; i < noise.size(); ++i) {
            const double cdf = laplaceCdf(noise[i], 4.0);
            largestGap = std::max({largestGap, std::abs(cdf - static_cast<double>(i) / n),
                                   std::abs(static_cast<double>(i + 1) / n - cdf)});
        }
        // Kolmogorov–Smirnov critical value at α = 0.001: 1.95 / √n ≈ 0.0138.
        QVERIFY2(largestGap < 1.95 / std::sqrt(n), qPrintable(QString::number(largestGap)));
        // A wrong scale is caught by the same test.
        double gapAgainstWrongScale = 0;
        for (std::size_t i = 0; i < noise.size(); ++i)
            gapAgainstWrongScale =
                std::max(gapAgainstWrongScale,
                         std::abs(laplaceCdf(noise[i], 5.0) - static_cast<double>(i) / n));
        QVERIFY(gapAgainstWrongScale > 1.95 / std::sqrt(n));
    }

    void gaussianSigmaAndVariance()
    {
        const double epsilon = 0.5;
        const double delta = 1e-5;
        const double sigma = std::sqrt(2.0 * std::log(1.25 / delta)) / epsilon;
        auto scale = govern::noiseScale(NoiseMechanism::Gaussian, 1, 1, epsilon, delta);
        QVERIFY(scale.ok());
        QCOMPARE(*scale, sigma);
        const auto noise =
            countNoise(countRequest(epsilon, NoiseMechanism::Gaussian, delta), 20000);
        const Moments moments = momentsOf(noise);
        QVERIFY2(std::abs(moments.variance / (sigma * sigma) - 1.0) < 0.05,
                 qPrintable(QString::number(moments.variance)));
        QVERIFY2(std::abs(moments.mean) < 4 * sigma / std::sqrt(20000.0),
                 qPrintable(QString::number(moments.mean)));
    }

    void gaussianNeedsEpsilonBelowOneAndADelta()
    {
        const auto data = floatTable({1, 2, 3});
        Random random(1);
        auto tooLarge = govern::computePrivateStatistic(
            data, countRequest(1.0, NoiseMechanism::Gaussian, 1e-6), random, "t.csv");
        QVERIFY(!tooLarge.ok());
        QCOMPARE(tooLarge.error().kind, ErrorKind::InvalidInput);
        QVERIFY(tooLarge.error().message.find("epsilon < 1") != std::string::npos);
        auto noDelta = govern::computePrivateStatistic(
            data, countRequest(0.5, NoiseMechanism::Gaussian, 0), random, "t.csv");
        QCOMPARE(noDelta.error().kind, ErrorKind::InvalidInput);
        auto laplaceWithDelta = govern::computePrivateStatistic(
            data, countRequest(0.5, NoiseMechanism::Laplace, 1e-6), random, "t.csv");
        QCOMPARE(laplaceWithDelta.error().kind, ErrorKind::InvalidInput);
    }

    void sensitivitiesAndScalesAreRecorded()
    {
        const auto data = floatTable({1, 2, 3});
        Random random(3);
        PrivateStatRequest mean;
        mean.statistic = PrivateStatistic::Mean;
        mean.column = "x";
        mean.lower = -10;
        mean.upper = 30;
        mean.epsilon = 0.4;
        auto released = govern::computePrivateStatistic(data, mean, random, "t.csv");
        QVERIFY(released.ok());
        QCOMPARE(released->parts.size(), std::size_t(2));
        QCOMPARE(released->parts[0].name, std::string("sum"));
        QCOMPARE(released->parts[0].l1Sensitivity, 20.0); // (upper − lower) / 2
        QCOMPARE(released->parts[0].epsilon, 0.2);        // half of ε each
        QCOMPARE(released->parts[0].noiseScale, 100.0);
        QCOMPARE(released->parts[1].name, std::string("count"));
        QCOMPARE(released->parts[1].noiseScale, 5.0);
        QCOMPARE(released->recordedSensitivity(), 20.0);

        PrivateStatRequest histogram = mean;
        histogram.statistic = PrivateStatistic::Histogram;
        histogram.bins = 4;
        released = govern::computePrivateStatistic(data, histogram, random, "t.csv");
        QVERIFY(released.ok());
        QCOMPARE(released->parts.size(), std::size_t(1));
        QCOMPARE(released->parts[0].l1Sensitivity, 1.0);
        QCOMPARE(released->parts[0].l2Sensitivity, 1.0);
        QCOMPARE(released->parts[0].noiseScale, 2.5);
    }

    void meanClampsToTheBounds()
    {
        // With an enormous ε the noise vanishes: the mean of the clamped values, missing left out.
        const auto data = floatTable({-100, 5, 10, 1000, std::nan("")});
        PrivateStatRequest request;
        request.statistic = PrivateStatistic::Mean;
        request.column = "x";
        request.lower = 0;
        request.upper = 20;
        request.epsilon = 1e9;
        Random random(5);
        auto released = govern::computePrivateStatistic(data, request, random, "t.csv");
        QVERIFY(released.ok());
        QVERIFY2(std::abs(released->values.front() - 8.75) < 1e-6,
                 qPrintable(QString::number(released->values.front())));
        QVERIFY(std::abs(released->noisyCount - 4.0) < 1e-6);
        // Even large noise cannot push the release outside the bounds.
        request.epsilon = 1e-6;
        for (int draw = 0; draw < 50; ++draw) {
            released = govern::computePrivateStatistic(data, request, random, "t.csv");
            QVERIFY(released->values.front() >= 0 && released->values.front() <= 20);
        }
    }

    void histogramCountsBinsExactlyWithHugeEpsilon()
    {
        const auto data = floatTable({0, 0.5, 1, 2.5, 3.99, 4, 4.5, -1, std::nan("")});
        PrivateStatRequest request;
        request.statistic = PrivateStatistic::Histogram;
        request.column = "x";
        request.bins = 4;
        request.lower = 0;
        request.upper = 4;
        request.epsilon = 1e9;
        Random random(8);
        auto released = govern::computePrivateStatistic(data, request, random, "t.csv");
        QVERIFY(released.ok());
        QCOMPARE(released->binEdges, (std::vector<double>{0, 1, 2, 3, 4}));
        const std::vector<double> expected{
            2, 1, 1, 2}; // 4 falls in the last, closed bin; 4.5 and -1 do not count
        for (std::size_t bin = 0; bin < expected.size(); ++bin)
            QVERIFY2(std::abs(released->values[bin] - expected[bin]) < 1e-6,
                     qPrintable(QString::number(bin)));
    }

    void seededReleasesRepeat()
    {
        const auto data = floatTable({1, 2, 3, 4});
        auto request = countRequest(0.1);
        request.seed = 42;
        Random first = govern::noiseSource(request.seed);
        Random second = govern::noiseSource(request.seed);
        const double a =
            govern::computePrivateStatistic(data, request, first, "t.csv")->values.front();
        const double b =
            govern::computePrivateStatistic(data, request, second, "t.csv")->values.front();
        QCOMPARE(a, b);
        Random other = govern::noiseSource(std::uint64_t(43));
        QVERIFY(govern::computePrivateStatistic(data, request, other, "t.csv")->values.front() !=
                a);
    }

    void badRequestsNameTheProblem()
    {
        const auto data = floatTable({1, 2, 3});
        Random random(1);
        PrivateStatRequest request;
        request.statistic = PrivateStatistic::Mean;
        request.column = "nope";
        request.lower = 0;
        request.upper = 1;
        request.epsilon = 0.1;
        auto unknown = govern::computePrivateStatistic(data, request, random, "t.csv");
        QCOMPARE(unknown.error().kind, ErrorKind::InvalidInput);
        QVERIFY(unknown.error().message.find("'nope'") != std::string::npos);
        request.column = "x";
        request.lower = 1;
        QCOMPARE(govern::computePrivateStatistic(data, request, random, "t.csv").error().kind,
                 ErrorKind::InvalidInput);
        request.lower = 0;
        request.epsilon = 0;
        QCOMPARE(govern::computePrivateStatistic(data, request, random, "t.csv").error().kind,
                 ErrorKind::InvalidInput);
        request.epsilon = -1;
        QCOMPARE(govern::computePrivateStatistic(data, request, random, "t.csv").error().kind,
                 ErrorKind::InvalidInput);
        request.epsilon = 0.1;
        request.upper.reset();
        QCOMPARE(govern::computePrivateStatistic(data, request, random, "t.csv").error().kind,
                 ErrorKind::InvalidInput);
    }

    void noBudgetIsRefusedWithAHint()
    {
        auto opened = openWorkspace();
        QVERIFY(opened.ok());
        auto &workspace = *opened;
        auto refused = govern::releasePrivateStatistic(workspace, m_data, countRequest(0.1));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::Refused);
        QVERIFY2(refused.error().message.find("assay privacy budget data/people.csv --epsilon") !=
                     std::string::npos,
                 refused.error().message.c_str());
        QVERIFY(govern::privacyLedger(workspace, m_data)->empty());
    }

    void budgetIsSpentThenRefused()
    {
        auto opened = openWorkspace();
        QVERIFY(opened.ok());
        auto &workspace = *opened;
        auto budget = govern::setPrivacyBudget(workspace, m_data, 1.0, 0.0);
        QVERIFY(budget.ok());
        QCOMPARE(budget->dataset, std::string("data/people.csv"));
        // Ten releases of 0.1 fit exactly although Σ 0.1 drifts in the last bits.
        for (int release = 0; release < 9; ++release)
            QVERIFY(govern::releasePrivateStatistic(workspace, m_data, countRequest(0.1)).ok());
        auto last = govern::releasePrivateStatistic(workspace, m_data, countRequest(0.1));
        QVERIFY2(last.ok(), last.ok() ? "" : last.error().message.c_str());
        QCOMPARE(last->budget.releases, std::int64_t(10));

        auto refused = govern::releasePrivateStatistic(workspace, m_data, countRequest(0.01));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::Refused);
        auto after = govern::privacyBudget(workspace, m_data);
        QCOMPARE(after->releases, std::int64_t(10));
        QVERIFY(std::abs(after->spentEpsilon - 1.0) < 1e-12);
        // The Gaussian mechanism also needs delta, and this budget has none.
        QVERIFY(govern::setPrivacyBudget(workspace, m_data, 2.0, 0.0).ok());
        auto noDelta = govern::releasePrivateStatistic(
            workspace, m_data, countRequest(0.5, NoiseMechanism::Gaussian, 1e-6));
        QCOMPARE(noDelta.error().kind, ErrorKind::Refused);

        govern::AuditQuery releases;
        releases.action = "privacy.release";
        QCOMPARE(govern::readAudit(workspace.database(), releases)->size(), std::size_t(10));
        govern::AuditQuery budgets;
        budgets.action = "privacy.budget";
        QCOMPARE(govern::readAudit(workspace.database(), budgets)->size(), std::size_t(2));
    }

    void ledgerRecordsEachRelease()
    {
        auto opened = openWorkspace();
        QVERIFY(opened.ok());
        auto &workspace = *opened;
        const std::string other = (m_root / "data" / "other.csv").string();
        testing::writeFile(other, "v\n1\n2\n3\n");
        QVERIFY(govern::setPrivacyBudget(workspace, other, 5.0, 1e-3).ok());
        PrivateStatRequest mean;
        mean.statistic = PrivateStatistic::Mean;
        mean.column = "v";
        mean.lower = 0;
        mean.upper = 10;
        mean.epsilon = 0.5;
        mean.delta = 1e-4;
        mean.mechanism = NoiseMechanism::Gaussian;
        mean.seed = 11;
        auto released = govern::releasePrivateStatistic(workspace, other, mean);
        QVERIFY2(released.ok(), released.ok() ? "" : released.error().message.c_str());
        auto ledger = govern::privacyLedger(workspace, other);
        QCOMPARE(ledger->size(), std::size_t(1));
        const auto &record = ledger->front();
        QCOMPARE(record.id, released->record.id);
        QCOMPARE(record.statistic, std::string("mean"));
        QCOMPARE(record.column, std::string("v"));
        QCOMPARE(record.mechanism, std::string("gaussian"));
        QCOMPARE(record.epsilon, 0.5);
        QCOMPARE(record.delta, 1e-4);
        QCOMPARE(record.sensitivity, 5.0);
        QCOMPARE(record.dataMd5.size(), std::size_t(32));
        QVERIFY(record.resultJson.find("\"seeded\":true") != std::string::npos);
        QVERIFY(record.resultJson.find("\"seed\"") == std::string::npos); // never the seed itself
        // The other dataset's ledger is its own.
        QCOMPARE(govern::privacyLedger(workspace, m_data)->size(), std::size_t(10));
    }

    void thousandsOfLedgerReleasesHaveTheGaussianSpread()
    {
        auto opened = openWorkspace();
        QVERIFY(opened.ok());
        auto &workspace = *opened;
        const std::string big = (m_root / "data" / "big.csv").string();
        testing::writeFile(big, "v\n1\n2\n");
        QVERIFY(govern::setPrivacyBudget(workspace, big, 1e6, 0.5).ok());
        const double epsilon = 0.5;
        const double delta = 1e-5;
        const double sigma = std::sqrt(2.0 * std::log(1.25 / delta)) / epsilon;
        std::vector<double> noise;
        for (std::uint64_t seed = 1; seed <= 2000; ++seed) {
            auto request = countRequest(epsilon, NoiseMechanism::Gaussian, delta);
            request.seed = seed;
            auto released = govern::releasePrivateStatistic(workspace, big, request);
            QVERIFY2(released.ok(), released.ok() ? "" : released.error().message.c_str());
            noise.push_back(released->result.values.front() - 2.0);
        }
        const Moments moments = momentsOf(noise);
        // The sample variance's relative sd is √(2/n) ≈ 0.032.
        QVERIFY2(std::abs(moments.variance / (sigma * sigma) - 1.0) < 0.13,
                 qPrintable(QString::number(moments.variance)));
        QVERIFY2(std::abs(moments.mean) < 4 * sigma / std::sqrt(2000.0),
                 qPrintable(QString::number(moments.mean)));
        QVERIFY(std::abs(govern::privacyBudget(workspace, big)->spentDelta - 2000 * delta) < 1e-12);
    }

    void twoWritersCannotOverspend()
    {
        const std::string shared = (m_root / "data" / "shared.csv").string();
        testing::writeFile(shared, "v\n1\n");
        {
            auto opened = openWorkspace();
            QVERIFY(opened.ok());
            auto &workspace = *opened;
            QVERIFY(govern::setPrivacyBudget(workspace, shared, 1.0, 0).ok());
        }
        std::atomic<int> granted = 0;
        std::atomic<int> refused = 0;
        std::atomic<int> failed = 0;
        const auto writer = [&] {
            auto workspace = workspace::Workspace::open(m_root);
            if (!workspace) {
                ++failed;
                return;
            }
            for (int attempt = 0; attempt < 15; ++attempt) {
                auto released =
                    govern::releasePrivateStatistic(*workspace, shared, countRequest(0.1));
                if (released)
                    ++granted;
                else if (released.error().kind == ErrorKind::Refused)
                    ++refused;
                else
                    ++failed;
            }
        };
        std::thread first(writer);
        std::thread second(writer);
        first.join();
        second.join();
        QCOMPARE(failed.load(), 0);
        QCOMPARE(granted.load(), 10);
        QCOMPARE(refused.load(), 20);
        auto opened = openWorkspace();
        QVERIFY(opened.ok());
        auto &workspace = *opened;
        QCOMPARE(govern::privacyLedger(workspace, shared)->size(), std::size_t(10));
    }
};

QTEST_GUILESS_MAIN(TestPrivateStats)
#include "test_private_stats.moc"
