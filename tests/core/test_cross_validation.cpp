// Cross-validation: per-fold evaluations on held-out rows, mean ± sample std, progress,
// cancellation, errors naming the fold.
#include "common/random.h"
#include "model/cross_validation.h"
#include "model/linear_trainers.h"

#include <QTest>

#include <cmath>

using namespace assay;
using namespace assay::model;

namespace {

struct Data {
    FeatureMatrix x;
    std::vector<double> y;
    ModelSignature signature;
    TrainingSet set() const { return {&x, y, signature}; }
};

Data binaryData(std::size_t rows, std::uint64_t seed)
{
    Random random(seed);
    Data data;
    data.x.rows = rows;
    data.x.features = {{"a", FeatureKind::Numeric, {}}, {"b", FeatureKind::Numeric, {}}};
    for (std::size_t row = 0; row < rows; ++row) {
        const double a = random.normal(0, 1), b = random.normal(0, 1);
        data.x.values.insert(data.x.values.end(), {a, b});
        data.y.push_back(random.uniform() < 1 / (1 + std::exp(-(1.5 * a - b))) ? 1.0 : 0.0);
    }
    data.signature = {Task::Binary, "y", {"0", "1"}, data.x.features};
    return data;
}

} // namespace

class TestCrossValidation : public QObject {
    Q_OBJECT

private slots:
    void eachFoldIsEvaluatedOnItsHeldOutRows()
    {
        const auto data = binaryData(300, 1);
        const auto folds = kFolds(300, 5, 1, {.seed = 3, .strata = data.y});
        QVERIFY(folds.ok());
        const auto trainer = makeLogisticRegressionTrainer();
        std::vector<double> reported;
        TrainOptions options;
        options.progress =
            Progress([&](double fraction, std::string_view) { reported.push_back(fraction); }, {});
        const auto cv = crossValidate(*trainer, data.set(), *folds, options);
        QVERIFY2(cv.ok(), cv.ok() ? "" : cv.error().message.c_str());
        QCOMPARE(cv->folds.size(), std::size_t(5));

        for (std::size_t f = 0; f < 5; ++f) {
            const auto &fold = (*folds)[f];
            const auto &result = cv->folds[f];
            QCOMPARE(result.index, fold.index);
            QCOMPARE(result.trainRows, fold.train.size());
            QCOMPARE(result.evaluation.rows, fold.test.size());
            // The same numbers as training and evaluating the fold by hand.
            const auto trainX = data.x.subset(fold.train);
            std::vector<double> trainY, testY;
            for (auto row : fold.train)
                trainY.push_back(data.y[row]);
            for (auto row : fold.test)
                testY.push_back(data.y[row]);
            const auto model = trainer->train({&trainX, trainY, data.signature}, {});
            QVERIFY(model.ok());
            const auto manual =
                evaluate(Task::Binary, 2, testY, (*model)->predictions(data.x.subset(fold.test)));
            QCOMPARE(result.evaluation.metrics, manual->metrics);
            QCOMPARE(result.model->predictions(data.x), (*model)->predictions(data.x));
        }

        const auto &auc = cv->summary.at("roc_auc");
        QCOMPARE(auc.folds, std::size_t(5));
        double mean = 0, squares = 0;
        for (const auto &fold : cv->folds)
            mean += fold.evaluation.metrics.at("roc_auc") / 5;
        for (const auto &fold : cv->folds)
            squares += std::pow(fold.evaluation.metrics.at("roc_auc") - mean, 2);
        QVERIFY(std::abs(auc.mean - mean) < 1e-12);
        QVERIFY(std::abs(auc.std - std::sqrt(squares / 4)) < 1e-12); // ddof = 1
        QVERIFY(auc.std > 0);
        QVERIFY(auc.mean > 0.7);

        QVERIFY(std::is_sorted(reported.begin(), reported.end()));
        QCOMPARE(reported.back(), 1.0);
    }

    void regressionFoldsSummariseRegressionMetrics()
    {
        auto data = binaryData(120, 2);
        data.signature = {Task::Regression, "y", {}, data.x.features};
        const auto folds = kFolds(120, 3, 2, {.seed = 1});
        const auto cv = crossValidate(*makeRidgeTrainer(), data.set(), *folds, {});
        QVERIFY(cv.ok());
        QCOMPARE(cv->folds.size(), std::size_t(6));
        QCOMPARE(cv->folds[3].repeat, 1);
        for (const char *metric : {"rmse", "mae", "r2", "mape"})
            QCOMPARE(cv->summary.at(metric).folds, std::size_t(6));
    }

    void cancellationStopsCrossValidation()
    {
        const auto data = binaryData(100, 3);
        const auto folds = kFolds(100, 4, 1, {.seed = 1});
        CancellationToken token;
        TrainOptions options;
        options.progress = Progress(
            [&](double fraction, std::string_view) {
                if (fraction >= 0.25)
                    token.cancel();
            },
            token);
        const auto cv =
            crossValidate(*makeLogisticRegressionTrainer(), data.set(), *folds, options);
        QVERIFY(!cv.ok());
        QCOMPARE(cv.error().kind, ErrorKind::Cancelled);
    }

    void trainingErrorsNameTheFold()
    {
        const auto data = binaryData(40, 4); // a binary target: linreg refuses it
        const auto folds = kFolds(40, 2, 1, {.seed = 1});
        const auto cv = crossValidate(*makeLinearRegressionTrainer(), data.set(), *folds, {});
        QVERIFY(!cv.ok());
        QVERIFY2(cv.error().message.rfind("fold 1: ", 0) == 0, cv.error().message.c_str());
        QVERIFY(!crossValidate(*makeRidgeTrainer(), data.set(), {}, {}).ok());
    }
};

QTEST_GUILESS_MAIN(TestCrossValidation)
#include "test_cross_validation.moc"
