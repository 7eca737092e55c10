#include "common/random.h"
#include "model/feature_binning.h"
#include "model/gbt_trainer.h"
#include "model/tree_ensemble.h"
#include "model/worker_pool.h"
#include "support/files.h"
#include "support/python_oracle.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

using namespace assay;
using namespace assay::model;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kFeatures = 6;
constexpr int kClasses = 3;

struct Dataset {
    FeatureMatrix x;
    std::vector<double> y;
    ModelSignature signature;
};

// Six numeric features: f0..f2 informative (with an interaction), f3 small integers with ties,
// f4 informative and 10% missing (missingness itself informative), f5 noise.
Dataset makeData(Task task, std::size_t rows, std::uint64_t seed)
{
    Random random(seed);
    Dataset data;
    data.signature.task = task;
    data.signature.target = "y";
    if (task == Task::Binary)
        data.signature.classes = {"0", "1"};
    if (task == Task::Multiclass)
        data.signature.classes = {"a", "b", "c"};
    for (std::size_t f = 0; f < kFeatures; ++f)
        data.signature.features.push_back({"f" + std::to_string(f), FeatureKind::Numeric, {}});
    data.x.features = data.signature.features;
    data.x.rows = rows;
    for (std::size_t row = 0; row < rows; ++row) {
        double f[kFeatures];
        for (double &value : f)
            value = random.normal(0, 1);
        f[3] = random.integer(0, 9);
        const bool missing = random.chance(0.1);
        const double f4 = missing ? 0.0 : f[4];
        if (missing)
            f[4] = kNaN;
        data.x.values.insert(data.x.values.end(), f, f + kFeatures);
        const double signal = 1.5 * f[0] - f[1] + 0.8 * f[0] * f[2] + 0.2 * (f[3] - 4.5) +
                              0.7 * f4 - (missing ? 1.0 : 0.0);
        if (task == Task::Binary) {
            data.y.push_back(random.chance(1 / (1 + std::exp(-signal))) ? 1 : 0);
        } else if (task == Task::Multiclass) {
            const double scores[kClasses] = {signal + random.normal(0, 1),
                                             f[1] - f[2] + random.normal(0, 1),
                                             0.5 * f[3] - 2 + random.normal(0, 1)};
            data.y.push_back(
                static_cast<double>(std::max_element(scores, scores + kClasses) - scores));
        } else {
            data.y.push_back(2 * std::sin(f[0]) + f[1] * f[1] + 0.5 * f[2] * f[3] + 0.5 * f4 +
                             (missing ? 1.0 : 0.0) + random.normal(0, 0.3));
        }
    }
    return data;
}

std::string csvOf(const Dataset &data)
{
    std::string text;
    for (std::size_t f = 0; f < kFeatures; ++f)
        text += "f" + std::to_string(f) + ",";
    text += "y\n";
    char buffer[32];
    for (std::size_t row = 0; row < data.x.rows; ++row) {
        for (std::size_t f = 0; f < kFeatures; ++f) {
            const double value = data.x.at(row, f);
            if (!std::isnan(value)) {
                std::snprintf(buffer, sizeof buffer, "%.17g", value);
                text += buffer;
            }
            text += ",";
        }
        std::snprintf(buffer, sizeof buffer, "%.17g\n", data.y[row]);
        text += buffer;
    }
    return text;
}

ParamValues paramsWith(const std::map<std::string, std::string> &given)
{
    auto values = resolveParams(makeGradientBoostingTrainer()->params(), given);
    if (!values)
        qFatal("bad params: %s", values.error().message.c_str());
    return *values;
}

std::unique_ptr<TreeEnsemble> trainOn(const Dataset &data, TrainOptions options)
{
    const TrainingSet set{&data.x, data.y, data.signature};
    auto model = makeGradientBoostingTrainer()->train(set, options);
    if (!model)
        qFatal("training failed: %s", model.error().message.c_str());
    return std::unique_ptr<TreeEnsemble>(dynamic_cast<TreeEnsemble *>(model->release()));
}

QByteArray bytesOf(const TreeEnsemble &model)
{
    return QJsonDocument(model.parametersToJson()).toJson(QJsonDocument::Compact);
}

double rocAuc(const std::vector<double> &scores, const std::vector<double> &labels)
{
    double correct = 0, pairs = 0;
    for (std::size_t i = 0; i < scores.size(); ++i)
        for (std::size_t j = 0; j < scores.size(); ++j)
            if (labels[i] > 0.5 && labels[j] < 0.5) {
                pairs += 1;
                correct += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
            }
    return correct / pairs;
}

double logLoss(const std::vector<double> &margins, const std::vector<double> &labels)
{
    double sum = 0;
    for (std::size_t row = 0; row < labels.size(); ++row) {
        const double p = 1 / (1 + std::exp(-margins[row]));
        sum -= labels[row] > 0.5 ? std::log(p) : std::log(1 - p);
    }
    return sum / static_cast<double>(labels.size());
}

} // namespace

class TestGbtTrainer : public QObject {
    Q_OBJECT

private:
    // Trains ours and xgboost (through the oracle) with the same parameters on the same rows.
    QJsonObject xgboostOn(const Dataset &train, const Dataset &test, const char *task,
                          const QJsonObject &params)
    {
        QTemporaryDir dir;
        testing::writeFile(testing::pathOf(dir) / "train.csv", csvOf(train));
        testing::writeFile(testing::pathOf(dir) / "test.csv", csvOf(test));
        return testing::runPythonOracle(
                   QStringLiteral("xgboost_gbt.py"),
                   {QString::fromStdString((testing::pathOf(dir) / "train.csv").string()),
                    QString::fromStdString((testing::pathOf(dir) / "test.csv").string()),
                    QString::fromLatin1(task),
                    QString::fromUtf8(QJsonDocument(params).toJson(QJsonDocument::Compact))})
            .object();
    }

    static QJsonObject xgboostParams(int rounds)
    {
        return {{QStringLiteral("rounds"), rounds},
                {QStringLiteral("max_depth"), 4},
                {QStringLiteral("eta"), 0.3},
                {QStringLiteral("lambda"), 1},
                {QStringLiteral("min_child_weight"), 1},
                {QStringLiteral("max_bin"), 256}};
    }

    static TrainOptions ourOptions(int rounds)
    {
        TrainOptions options;
        options.params = paramsWith({{"n_estimators", std::to_string(rounds)}, {"max_depth", "4"}});
        return options;
    }

private slots:
    void binaryRocAucMatchesXgboost()
    {
        const Dataset train = makeData(Task::Binary, 3000, 1);
        const Dataset test = makeData(Task::Binary, 1500, 2);
        const auto model = trainOn(train, ourOptions(40));
        QCOMPARE(model->trees().size(), std::size_t(40));
        QCOMPARE(model->link(), OutputLink::Logistic);
        const double ours = rocAuc(model->predictions(test.x), test.y);
        const double theirs =
            xgboostOn(train, test, "binary", xgboostParams(40))[QStringLiteral("roc_auc")]
                .toDouble();
        qInfo("test ROC AUC: ours %.4f, xgboost %.4f", ours, theirs);
        QVERIFY2(ours > 0.8, qPrintable(QString::number(ours)));
        QVERIFY2(std::abs(ours - theirs) < 0.01,
                 qPrintable(QStringLiteral("ours %1, xgboost %2").arg(ours).arg(theirs)));
    }

    void multiclassLogLossMatchesXgboost()
    {
        const Dataset train = makeData(Task::Multiclass, 3000, 3);
        const Dataset test = makeData(Task::Multiclass, 1500, 4);
        const auto model = trainOn(train, ourOptions(30));
        QCOMPARE(model->trees().size(), std::size_t(30 * kClasses));
        for (std::size_t t = 0; t < model->trees().size(); ++t)
            QCOMPARE(model->trees()[t].outputGroup, static_cast<std::int32_t>(t % kClasses));
        const std::vector<double> p = model->predictions(test.x);
        double loss = 0;
        for (std::size_t row = 0; row < test.x.rows; ++row)
            loss -= std::log(p[row * kClasses + static_cast<std::size_t>(test.y[row])]);
        loss /= static_cast<double>(test.x.rows);
        const double theirs =
            xgboostOn(train, test, "multiclass", xgboostParams(30))[QStringLiteral("mlogloss")]
                .toDouble();
        qInfo("test mlogloss: ours %.4f, xgboost %.4f", loss, theirs);
        QVERIFY2(std::abs(loss - theirs) < 0.05 * theirs,
                 qPrintable(QStringLiteral("ours %1, xgboost %2").arg(loss).arg(theirs)));
    }

    void regressionRmseMatchesXgboost()
    {
        const Dataset train = makeData(Task::Regression, 3000, 5);
        const Dataset test = makeData(Task::Regression, 1500, 6);
        const auto model = trainOn(train, ourOptions(60));
        const std::vector<double> predicted = model->predictions(test.x);
        double squares = 0;
        for (std::size_t row = 0; row < test.x.rows; ++row)
            squares += (predicted[row] - test.y[row]) * (predicted[row] - test.y[row]);
        const double ours = std::sqrt(squares / static_cast<double>(test.x.rows));
        const double theirs =
            xgboostOn(train, test, "regression", xgboostParams(60))[QStringLiteral("rmse")]
                .toDouble();
        qInfo("test RMSE: ours %.4f, xgboost %.4f", ours, theirs);
        QVERIFY2(std::abs(ours - theirs) < 0.05 * theirs,
                 qPrintable(QStringLiteral("ours %1, xgboost %2").arg(ours).arg(theirs)));
    }

    void sameModelBytesForAnyThreadCountAndSameSeed()
    {
        const Dataset train = makeData(Task::Binary, 20000, 7); // several row blocks per node
        TrainOptions options;
        options.params =
            paramsWith({{"n_estimators", "8"}, {"subsample", "0.8"}, {"colsample_bytree", "0.7"}});
        options.seed = 11;
        options.threads = 1;
        const QByteArray one = bytesOf(*trainOn(train, options));
        options.threads = 2;
        const QByteArray two = bytesOf(*trainOn(train, options));
        options.threads = 3;
        const QByteArray three = bytesOf(*trainOn(train, options));
        QCOMPARE(two, one);
        QCOMPARE(three, one);
        QCOMPARE(bytesOf(*trainOn(train, options)), one);
        options.seed = 12;
        QVERIFY(bytesOf(*trainOn(train, options)) != one);
    }

    void binsAgreeWithFloatThresholds()
    {
        // Distinct doubles that round to the same float, and values right at float boundaries.
        FeatureMatrix x;
        x.features = {{"v", FeatureKind::Numeric, {}}};
        Random random(3);
        for (int i = 0; i < 5000; ++i) {
            const double base = std::round(random.uniform(-3, 3) * 40) / 40;
            x.values.push_back(base + random.normal(0, 1e-9));
            x.values.push_back(std::nextafter(static_cast<float>(base), 10.0f));
        }
        x.rows = x.values.size();
        WorkerPool pool(2);
        const auto binned = binFeatures(x, 64, pool);
        QVERIFY(binned);
        const FeatureBins &bins = binned->feature(0);
        QVERIFY(bins.cuts.size() > 10 && bins.cuts.size() < 64);
        for (std::size_t row = 0; row < x.rows; ++row)
            for (std::size_t b = 0; b < bins.cuts.size(); ++b)
                QCOMPARE(binned->bin(row, 0) <= b,
                         static_cast<float>(x.values[row]) < bins.cuts[b]);
    }

    void trainingRowsReachTheLeavesTheirBinsReached()
    {
        // The trainer's own training loss (from the margins it added leaf by leaf as the bins
        // routed the rows) equals the loss of the finished model predicting from raw values.
        Dataset train = makeData(Task::Binary, 4000, 8);
        for (double &value : train.x.values)
            if (!std::isnan(value))
                value = std::round(value * 20) / 20 + 1e-9 * std::sin(value * 1e4);
        TrainOptions options;
        options.params = paramsWith({{"n_estimators", "20"}, {"max_bin", "32"}});
        double reported = 0;
        options.onIteration = [&](const IterationReport &report) {
            reported = report.metrics.at("train_logloss");
        };
        const auto model = trainOn(train, options);
        std::vector<double> margins(train.x.rows);
        model->predictMargin(train.x, margins);
        QVERIFY2(
            std::abs(logLoss(margins, train.y) - reported) < 1e-12,
            qPrintable(QStringLiteral("%1 vs %2").arg(logLoss(margins, train.y)).arg(reported)));
    }

    void missingValuesTakeTheLearnedDirection_data()
    {
        QTest::addColumn<double>("labelWhenMissing");
        QTest::newRow("with the high values (right)") << 1.0;
        QTest::newRow("with the low values (left)") << 0.0;
    }

    void missingValuesTakeTheLearnedDirection()
    {
        QFETCH(double, labelWhenMissing);
        Dataset data;
        data.signature = {Task::Binary, "y", {"0", "1"}, {{"x", FeatureKind::Numeric, {}}}};
        data.x.features = data.signature.features;
        Random random(9);
        for (int i = 0; i < 2000; ++i) {
            const bool missing = random.chance(0.2);
            const double value = random.uniform();
            data.x.values.push_back(missing ? kNaN : value);
            data.y.push_back(missing ? labelWhenMissing : value > 0.5 ? 1 : 0);
        }
        data.x.rows = data.y.size();
        TrainOptions options;
        options.params = paramsWith({{"n_estimators", "20"}, {"max_depth", "1"}});
        const auto model = trainOn(data, options);
        const TreeNode &root = model->trees().front().nodes.front();
        QCOMPARE(root.defaultLeft, labelWhenMissing < 0.5);
        FeatureMatrix missingRow{1, data.x.features, {kNaN}};
        const double p = model->predictions(missingRow).front();
        QVERIFY2(std::abs(p - labelWhenMissing) < 0.1, qPrintable(QString::number(p)));
    }

    void categoricalFeatureSplitsOneCategoryAgainstTheRest()
    {
        Dataset data;
        data.signature = {Task::Binary,
                          "y",
                          {"0", "1"},
                          {{"colour", FeatureKind::Categorical, {"a", "b", "c", "d", "e"}},
                           {"noise", FeatureKind::Numeric, {}}}};
        data.x.features = data.signature.features;
        Random random(10);
        for (int i = 0; i < 2000; ++i) {
            const int code = random.integer(0, 4);
            data.x.values.push_back(code);
            data.x.values.push_back(random.normal(0, 1));
            data.y.push_back(random.chance(code == 3 ? 0.95 : 0.1) ? 1 : 0);
        }
        data.x.rows = data.y.size();
        TrainOptions options;
        options.params = paramsWith({{"n_estimators", "10"}, {"max_depth", "1"}});
        const auto model = trainOn(data, options);
        const TreeNode &root = model->trees().front().nodes.front();
        QVERIFY(root.categorical);
        QCOMPARE(root.feature, 0);
        QCOMPARE(root.threshold, 3.0f);
        const FeatureMatrix rows{2, data.x.features, {3, 0, 1, 0}};
        const std::vector<double> p = model->predictions(rows);
        QVERIFY(p[0] > 0.8 && p[1] < 0.2);
    }

    void earlyStoppingKeepsTheBestRound()
    {
        Dataset train = makeData(Task::Binary, 800, 12);
        const Dataset valid = makeData(Task::Binary, 800, 13);
        Random random(14);
        for (double &label : train.y) // label noise: deep trees overfit within a few rounds
            if (random.chance(0.25))
                label = 1 - label;
        TrainOptions options;
        options.params = paramsWith({{"n_estimators", "300"},
                                     {"max_depth", "6"},
                                     {"learning_rate", "0.5"},
                                     {"early_stopping_rounds", "5"}});
        const TrainingSet validation{&valid.x, valid.y, valid.signature};
        options.validation = &validation;
        std::vector<double> validLosses;
        options.onIteration = [&](const IterationReport &report) {
            QCOMPARE(report.iteration, static_cast<int>(validLosses.size()));
            QVERIFY(report.metrics.count("train_logloss") == 1);
            validLosses.push_back(report.metrics.at("valid_logloss"));
        };
        const auto model = trainOn(train, options);
        QVERIFY2(validLosses.size() < 300, qPrintable(QString::number(validLosses.size())));
        const auto best = static_cast<std::size_t>(
            std::min_element(validLosses.begin(), validLosses.end()) - validLosses.begin());
        QCOMPARE(validLosses.size(), best + 1 + 5);
        QCOMPARE(model->trees().size(), best + 1);
        // The incrementally kept validation margins equal the kept model's predictions.
        std::vector<double> margins(valid.x.rows);
        model->predictMargin(valid.x, margins);
        QVERIFY(std::abs(logLoss(margins, valid.y) - validLosses[best]) < 1e-12);
    }

    void cancellationStopsTraining()
    {
        const Dataset train = makeData(Task::Regression, 500, 15);
        CancellationToken token;
        TrainOptions options;
        options.params = paramsWith({{"n_estimators", "100"}});
        options.progress = Progress({}, token);
        int rounds = 0;
        options.onIteration = [&](const IterationReport &report) {
            ++rounds;
            QVERIFY(report.metrics.count("train_rmse") == 1);
            if (report.iteration == 2)
                token.cancel();
        };
        const TrainingSet set{&train.x, train.y, train.signature};
        const auto model = makeGradientBoostingTrainer()->train(set, options);
        QVERIFY(!model);
        QCOMPARE(model.error().kind, ErrorKind::Cancelled);
        QCOMPARE(rounds, 3);
    }

    void badInputIsNamed()
    {
        Dataset train = makeData(Task::Binary, 100, 16);
        const auto trainer = makeGradientBoostingTrainer();
        TrainOptions options;
        options.params = paramsWith({{"early_stopping_rounds", "3"}});
        const TrainingSet set{&train.x, train.y, train.signature};
        auto model = trainer->train(set, options);
        QVERIFY(!model && model.error().message.find("early_stopping_rounds") != std::string::npos);
        train.y[7] = 2;
        options.params = paramsWith({});
        model = trainer->train(TrainingSet{&train.x, train.y, train.signature}, options);
        QVERIFY(!model);
        QCOMPARE(model.error().kind, ErrorKind::InvalidInput);
        QVERIFY2(model.error().message.find("'y': row 8") != std::string::npos,
                 model.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestGbtTrainer)
#include "test_gbt_trainer.moc"
