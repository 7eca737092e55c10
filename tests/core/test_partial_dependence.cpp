// Partial dependence and ICE: the grid, the average and every ICE curve equal
// sklearn.inspection.partial_dependence(method="brute", kind="both") for the same model function
// (a LinearRegression and a LogisticRegression fitted by the oracle script, recomputed here);
// categorical grids are the codes present; cancellation and bad input are errors.
#include "common/random.h"
#include "explain/batch_limits.h"
#include "explain/partial_dependence.h"
#include "support/files.h"
#include "support/function_predictor.h"
#include "support/oracle_json.h"
#include "support/python_oracle.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace assay;
using namespace assay::explain;
using namespace assay::model;
using assay::testing::FunctionPredictor;
using assay::testing::linearPredictor;
using assay::testing::MisshapenPredictor;
using assay::testing::toDoubles;

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kRows = 240;
constexpr std::size_t kColumns = 4;

struct Dataset {
    FeatureMatrix x;
    std::vector<double> y;
    std::vector<double> label;
};

FeatureMatrix emptyMatrix(std::size_t columns)
{
    FeatureMatrix x;
    for (std::size_t c = 0; c < columns; ++c)
        x.features.push_back(
            {.name = "f" + std::to_string(c), .kind = FeatureKind::Numeric, .categories = {}});
    return x;
}

// f0 normal, f1 uniform on [0, 10), f2 one of five integers (fewer uniques than the grid), f3
// normal rounded to quarters (repeated values on the percentiles).
Dataset makeDataset(std::uint64_t seed)
{
    Dataset data{.x = emptyMatrix(kColumns), .y = {}, .label = {}};
    Random random(seed);
    data.x.rows = kRows;
    for (std::size_t r = 0; r < kRows; ++r) {
        const double row[kColumns] = {random.normal(0, 1), random.uniform(0, 10),
                                      double(random.integer(0, 4)),
                                      std::round(random.normal(1, 2) * 4) / 4};
        data.x.values.insert(data.x.values.end(), row, row + kColumns);
        const double signal = 2 * row[0] - 0.3 * row[1] + 0.5 * row[2] + 0.2 * row[3];
        data.y.push_back(signal + random.normal(0, 0.3));
        data.label.push_back(signal + random.normal(0, 1) > -0.5 ? 1 : 0);
    }
    return data;
}

std::string toCsv(const Dataset &data)
{
    std::string csv = "f0,f1,f2,f3,y,label\n";
    char buffer[40];
    for (std::size_t r = 0; r < data.x.rows; ++r) {
        for (std::size_t c = 0; c < kColumns; ++c) {
            std::snprintf(buffer, sizeof buffer, "%.17g,", data.x.at(r, c));
            csv += buffer;
        }
        std::snprintf(buffer, sizeof buffer, "%.17g,%g\n", data.y[r], data.label[r]);
        csv += buffer;
    }
    return csv;
}

void compareClose(const std::vector<double> &ours, const std::vector<double> &theirs,
                  double tolerance, const char *what)
{
    QCOMPARE(ours.size(), theirs.size());
    for (std::size_t i = 0; i < ours.size(); ++i)
        if (std::abs(ours[i] - theirs[i]) > tolerance)
            QFAIL(qPrintable(QStringLiteral("%1[%2]: ours %3, sklearn %4")
                                 .arg(QString::fromUtf8(what))
                                 .arg(i)
                                 .arg(ours[i], 0, 'g', 17)
                                 .arg(theirs[i], 0, 'g', 17)));
}

} // namespace

class TestPartialDependence : public QObject {
    Q_OBJECT

private slots:
    void matchesSklearnBrute_data()
    {
        QTest::addColumn<int>("resolution");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::newRow("default percentiles") << 20 << 0.05 << 0.95;
        QTest::newRow("narrow percentiles") << 7 << 0.1 << 0.9;
        QTest::newRow("full range") << 50 << 0.0 << 1.0;
    }

    void matchesSklearnBrute()
    {
        QFETCH(int, resolution);
        QFETCH(double, low);
        QFETCH(double, high);
        const Dataset data = makeDataset(11);
        QTemporaryDir dir;
        const auto path = testing::pathOf(dir) / "data.csv";
        testing::writeFile(path, toCsv(data));
        const auto reference = testing::runPythonOracle(
            QStringLiteral("partial_dependence_sklearn.py"),
            {QString::fromStdString(path.string()), QString::number(resolution),
             QString::number(low, 'g', 17), QString::number(high, 'g', 17)});
        QVERIFY(reference.isObject());

        const PartialDependenceOptions options{.lowPercentile = low,
                                               .highPercentile = high,
                                               .gridResolution = std::size_t(resolution),
                                               .iceRows = kRows};
        for (const char *kind : {"linear", "logistic"}) {
            const QJsonObject fitted = reference[QLatin1String(kind)].toObject();
            FunctionPredictor predictor = linearPredictor(
                toDoubles(fitted[QStringLiteral("coef")]),
                fitted[QStringLiteral("intercept")].toDouble(), std::string(kind) == "logistic");
            const QJsonArray features = fitted[QStringLiteral("features")].toArray();
            QCOMPARE(std::size_t(features.size()), kColumns);
            for (std::size_t f = 0; f < kColumns; ++f) {
                const QJsonObject expected = features[int(f)].toObject();
                auto result = partialDependence(predictor, data.x, f, options);
                QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
                QCOMPARE(result->outputs, std::size_t(1));
                compareClose(result->grid, toDoubles(expected[QStringLiteral("grid")]), 1e-12,
                             "grid");
                compareClose(result->average, toDoubles(expected[QStringLiteral("average")]), 1e-10,
                             "average");
                QCOMPARE(result->iceRows.size(), kRows);
                compareClose(result->ice, toDoubles(expected[QStringLiteral("individual")]), 1e-10,
                             "ice");
            }
        }
    }

    void iceRowsAreEvenlySpacedAndAllRowsFeedTheAverage()
    {
        const Dataset data = makeDataset(5);
        FunctionPredictor predictor = linearPredictor({1, -2, 0.5, 3}, 0.25, false);
        PartialDependenceOptions options;
        options.iceRows = kRows;
        auto full = partialDependence(predictor, data.x, 0, options);
        QVERIFY(full.ok());
        options.iceRows = 8;
        auto few = partialDependence(predictor, data.x, 0, options);
        QVERIFY(few.ok());
        QCOMPARE(few->average, full->average);
        QCOMPARE(few->iceRows, (std::vector<std::size_t>{0, 30, 60, 90, 120, 150, 180, 210}));
        const std::size_t grid = few->grid.size();
        for (std::size_t i = 0; i < few->iceRows.size(); ++i)
            for (std::size_t g = 0; g < grid; ++g)
                QCOMPARE(few->ice[i * grid + g], full->ice[few->iceRows[i] * grid + g]);
        // A small problem is predicted in one batch.
        QCOMPARE(predictor.calls, std::size_t(2));
        QCOMPARE(predictor.rowsPredicted, 2 * grid * kRows);
    }

    void multipleOutputsAreAveragedSeparately()
    {
        const Dataset data = makeDataset(6);
        FunctionPredictor predictor(2, [](std::span<const double> row, std::span<double> out) {
            out[0] = row[0];
            out[1] = 10 + row[1];
        });
        PartialDependenceOptions options;
        options.gridResolution = 5;
        auto result = partialDependence(predictor, data.x, 0, options);
        QVERIFY(result.ok());
        QCOMPARE(result->outputs, std::size_t(2));
        double meanF1 = 0;
        for (std::size_t r = 0; r < kRows; ++r)
            meanF1 += data.x.at(r, 1) / kRows;
        for (std::size_t g = 0; g < result->grid.size(); ++g) {
            QVERIFY(std::abs(result->average[g * 2] - result->grid[g]) < 1e-12);
            QVERIFY(std::abs(result->average[g * 2 + 1] - (10 + meanF1)) < 1e-9);
        }
    }

    void categoricalGridIsThePresentCodes()
    {
        FeatureMatrix x = emptyMatrix(2);
        x.features[1] = {.name = "purpose",
                         .kind = FeatureKind::Categorical,
                         .categories = {"business", "car", "education", "repairs"}};
        x.rows = 5;
        x.values = {0.1, 3, 0.2, 0, 0.3, kMissing, 0.4, 3, 0.5, 2};
        auto grid = partialDependenceGrid(x, 1, {});
        QVERIFY(grid.ok());
        QCOMPARE(*grid, (std::vector<double>{0, 2, 3}));

        FunctionPredictor predictor(1, [](std::span<const double> row, std::span<double> out) {
            out[0] = row[1] == 2 ? 5.0 : 1.0;
        });
        auto result = partialDependence(predictor, x, 1, {});
        QVERIFY(result.ok());
        QCOMPARE(result->average, (std::vector<double>{1, 5, 1}));
    }

    void cancellationStops()
    {
        const Dataset data = makeDataset(7);
        FunctionPredictor predictor = linearPredictor({1, 1, 1, 1}, 0, false);
        CancellationToken token;
        token.cancel();
        auto result = partialDependence(predictor, data.x, 0, {}, Progress({}, token));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ErrorKind::Cancelled);
        QCOMPARE(predictor.calls, std::size_t(0));
    }

    void wrongPredictionShapeIsTheUsersError()
    {
        const Dataset data = makeDataset(8);
        FunctionPredictor linear = linearPredictor({1, 1, 1, 1}, 0, false);
        MisshapenPredictor fewerRows(linear, 1, MisshapenPredictor::Fault::FewerRows);
        auto result = partialDependence(fewerRows, data.x, 0, {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ErrorKind::InvalidInput);

        // Two batches (rows × grid > kBatchValues / 2 columns); the second changes its outputs.
        FeatureMatrix x = emptyMatrix(2);
        x.rows = kBatchValues / 2 / 200 + 1;
        for (std::size_t r = 0; r < x.rows; ++r)
            x.values.insert(x.values.end(), {double(r), 1.0});
        FunctionPredictor twoOutputs(2, [](std::span<const double> row, std::span<double> out) {
            out[0] = row[0];
            out[1] = -row[0];
        });
        MisshapenPredictor laterBatch(twoOutputs, 2, MisshapenPredictor::Fault::OtherOutputs);
        PartialDependenceOptions options;
        options.gridResolution = 200;
        result = partialDependence(laterBatch, x, 0, options);
        QCOMPARE(laterBatch.calls, std::size_t(2));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ErrorKind::InvalidInput);
        QVERIFY2(result.error().message.find("1 outputs") != std::string::npos,
                 result.error().message.c_str());
    }

    void badInputIsNamed()
    {
        FeatureMatrix x = emptyMatrix(2);
        x.features[1].name = "income";
        x.rows = 3;
        x.values = {1, kMissing, 2, kMissing, 3, kMissing};
        auto noValues = partialDependenceGrid(x, 1, {});
        QVERIFY(!noValues.ok());
        QCOMPARE(noValues.error().kind, ErrorKind::InvalidInput);
        QVERIFY(noValues.error().message.find("'income'") != std::string::npos);

        PartialDependenceOptions coarse;
        coarse.gridResolution = 1;
        QCOMPARE(partialDependenceGrid(x, 0, coarse).error().kind, ErrorKind::InvalidInput);
        QCOMPARE(partialDependenceGrid(x, 2, {}).error().kind, ErrorKind::InvalidInput);

        // Many equal values: both percentiles coincide.
        FeatureMatrix flat = emptyMatrix(1);
        flat.rows = 200;
        for (std::size_t r = 0; r < flat.rows; ++r)
            flat.values.push_back(r < 195 ? 4.0 : double(r));
        PartialDependenceOptions fine;
        fine.gridResolution = 3;
        auto tooClose = partialDependenceGrid(flat, 0, fine);
        QVERIFY(!tooClose.ok());
        QVERIFY(tooClose.error().message.find("'f0'") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestPartialDependence)
#include "test_partial_dependence.moc"
