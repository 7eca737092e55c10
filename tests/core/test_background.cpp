// The KernelSHAP background: k-means recovers well-separated blobs with their shares as weights,
// weights sum to 1, categorical centres are their cluster's most common code and codes compare
// by mismatch, missing values stay out of the means, the same seed gives the same summary.
#include "common/random.h"
#include "explain/background.h"
#include "explain/kmeans.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

using namespace assay;
using namespace assay::model;
using namespace assay::explain;

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

struct Blob {
    double x;
    double y;
    std::size_t rows;
    std::vector<double> codes; // the categorical codes the blob's rows take
};

const std::vector<Blob> kBlobs = {
    {0, 0, 100, {0, 2}},
    {10, 10, 200, {5}},
    {-10, 10, 300, {1, 3, 4}},
};

// Rows (x, y, colour) around each blob's centre, sd 0.5, shuffled; `missingShare` of the y
// values missing.
FeatureMatrix blobs(std::uint64_t seed, double missingShare = 0)
{
    Random random(seed);
    FeatureMatrix data;
    data.features = {{.name = "x", .kind = FeatureKind::Numeric, .categories = {}},
                     {.name = "y", .kind = FeatureKind::Numeric, .categories = {}},
                     {.name = "colour",
                      .kind = FeatureKind::Categorical,
                      .categories = {"a", "b", "c", "d", "e", "f"}}};
    std::vector<std::vector<double>> rows;
    for (const Blob &blob : kBlobs)
        for (std::size_t r = 0; r < blob.rows; ++r)
            rows.push_back({random.normal(blob.x, 0.5),
                            random.chance(missingShare) ? kMissing : random.normal(blob.y, 0.5),
                            blob.codes[random.pick(std::vector<double>(blob.codes.size(), 1.0))]});
    for (std::size_t i = rows.size(); i > 1; --i)
        std::swap(rows[i - 1], rows[std::size_t(random.integer(0, int(i) - 1))]);
    for (const auto &row : rows)
        data.values.insert(data.values.end(), row.begin(), row.end());
    data.rows = rows.size();
    return data;
}

Background summaryOk(const FeatureMatrix &data, std::size_t clusters, std::uint64_t seed)
{
    auto background = summarizeBackground(data, clusters, seed);
    if (!background)
        qFatal("%s", background.error().message.c_str());
    return std::move(*background);
}

// The blob whose centre is nearest to (x, y).
const Blob &nearestBlob(double x, double y)
{
    return *std::min_element(kBlobs.begin(), kBlobs.end(), [&](const Blob &a, const Blob &b) {
        return std::hypot(a.x - x, a.y - y) < std::hypot(b.x - x, b.y - y);
    });
}

void verifyBlobsRecovered(const Background &background)
{
    QCOMPARE(background.rows.rows, kBlobs.size());
    std::set<const Blob *> found;
    for (std::size_t k = 0; k < background.rows.rows; ++k) {
        const double x = background.rows.at(k, 0);
        const double y = background.rows.at(k, 1);
        const Blob &blob = nearestBlob(x, y);
        found.insert(&blob);
        QVERIFY2(std::hypot(blob.x - x, blob.y - y) < 0.2,
                 qPrintable(QStringLiteral("centre (%1, %2)").arg(x).arg(y)));
        QCOMPARE(background.weights[k], double(blob.rows) / 600.0);
        const double code = background.rows.at(k, 2);
        QVERIFY2(std::ranges::find(blob.codes, code) != blob.codes.end(),
                 qPrintable(QStringLiteral("code %1").arg(code)));
    }
    QCOMPARE(found.size(), kBlobs.size());
}

} // namespace

class TestBackground : public QObject {
    Q_OBJECT

private slots:
    void separatedBlobsAreRecovered()
    {
        for (std::uint64_t seed : {1, 2, 3})
            verifyBlobsRecovered(summaryOk(blobs(seed), 3, seed));
    }

    void missingValuesStayOutOfTheMeans()
    {
        verifyBlobsRecovered(summaryOk(blobs(4, 0.3), 3, 4));
        FeatureMatrix data = blobs(5);
        for (std::size_t r = 0; r < data.rows; ++r)
            data.values[r * 3 + 1] = kMissing;
        const Background background = summaryOk(data, 3, 5);
        for (std::size_t k = 0; k < background.rows.rows; ++k)
            QVERIFY(isMissing(background.rows.at(k, 1)));
    }

    void weightsSumToOne()
    {
        const FeatureMatrix data = blobs(6);
        for (std::size_t clusters : {1, 2, 10, 25}) {
            const Background background = summaryOk(data, clusters, 6);
            QCOMPARE(background.rows.rows, clusters);
            QCOMPARE(background.weights.size(), clusters);
            double total = 0;
            for (double w : background.weights) {
                QVERIFY(w > 0);
                total += w;
            }
            QVERIFY(std::abs(total - 1) < 1e-12);
            for (std::size_t k = 0; k < clusters; ++k) {
                const double code = background.rows.at(k, 2);
                QVERIFY(code == std::floor(code) && code >= 0 && code <= 5);
            }
        }
    }

    void sameSeedSameSummary()
    {
        const FeatureMatrix data = blobs(7);
        const Background first = summaryOk(data, 10, 42);
        const Background again = summaryOk(data, 10, 42);
        QVERIFY(first.rows.values == again.rows.values);
        QVERIFY(first.weights == again.weights);
        const Background other = summaryOk(data, 10, 43);
        QVERIFY(first.rows.values != other.rows.values);
    }

    void fewRowsAreTheirOwnSummary()
    {
        const FeatureMatrix data = blobs(8).subset(std::vector<std::size_t>{3, 1, 4});
        const Background background = summaryOk(data, 10, 1);
        QVERIFY(background.rows.values == data.values);
        QVERIFY(background.weights == std::vector<double>(3, 1.0 / 3));
        const Background uniform = uniformBackground(data);
        QVERIFY(uniform.weights == background.weights);
    }

    void duplicateRowsGiveFewerCentres()
    {
        FeatureMatrix data = blobs(9).subset(std::vector<std::size_t>{0, 0, 0, 1, 1, 1, 1, 1});
        const Background background = summaryOk(data, 5, 1);
        QCOMPARE(background.rows.rows, std::size_t(2));
        QVERIFY((background.weights == std::vector<double>{3.0 / 8, 5.0 / 8} ||
                 background.weights == std::vector<double>{5.0 / 8, 3.0 / 8}));
    }

    void categoricalCentreIsTheMostCommonCode()
    {
        FeatureMatrix data;
        data.features = {{.name = "colour",
                          .kind = FeatureKind::Categorical,
                          .categories = {"a", "b", "c", "d"}}};
        data.values = {0, 3, 0, 1, 3, 0, 3, 0}; // mean code 1.25, but 0 is the most common
        data.rows = data.values.size();
        const Background background = summaryOk(data, 1, 1);
        QCOMPARE(background.rows.rows, std::size_t(1));
        QCOMPARE(background.rows.at(0, 0), 0.0);
    }

    void categoryCodesAreComparedByMismatch()
    {
        // Two groups, (0, code 0) and (3, code 3), and one row at 1.9 with code 1. Codes have no
        // order: code 1 is as far from 0 as from 3, so the row joins the nearer group in x, B.
        FeatureMatrix data;
        data.features = {{.name = "x", .kind = FeatureKind::Numeric, .categories = {}},
                         {.name = "colour",
                          .kind = FeatureKind::Categorical,
                          .categories = {"a", "b", "c", "d"}}};
        Random random(3);
        for (int r = 0; r < 40; ++r) {
            const bool groupB = r % 2 == 1;
            data.values.insert(data.values.end(),
                               {random.normal(groupB ? 3.0 : 0.0, 0.05), groupB ? 3.0 : 0.0});
        }
        data.values.insert(data.values.end(), {1.9, 1.0});
        data.rows = 41;
        const Clustering clustering = kMeans(data, 2, 5);
        QCOMPARE(clustering.clusters, std::size_t(2));
        QVERIFY(clustering.assignment[0] != clustering.assignment[1]);
        QCOMPARE(clustering.assignment[40], clustering.assignment[1]);
        QCOMPARE(clustering.centres[clustering.assignment[1] * 2 + 1], 3.0);
    }

    void noRowsIsAnError()
    {
        FeatureMatrix empty = blobs(1);
        empty.rows = 0;
        empty.values.clear();
        const auto background = summarizeBackground(empty, 10, 1);
        QVERIFY(!background);
        QCOMPARE(background.error().kind, ErrorKind::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestBackground)
#include "test_background.moc"
