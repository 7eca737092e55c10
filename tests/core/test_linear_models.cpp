// Linear, ridge and logistic regression against sklearn (categorical and missing values),
// collinearity, serialisation round trip, deterministic parallel predict, cancellation.
#include "common/random.h"
#include "model/linear_model.h"
#include "model/linear_trainers.h"
#include "model/target.h"
#include "support/files.h"
#include "support/python_oracle.h"
#include "table/reader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>

using namespace assay;
using namespace assay::model;

namespace {

const std::vector<std::string> kFeatures{"x1", "x2", "x3", "colour"};

// Rows with three numeric features (x3 10% missing) and a colour (5% missing); `unseen`
// paints some rows a colour training never saw. The target follows `task`. `badlyScaled`
// writes x1 in units that make its values ~1e12 and x2 in units that make them ~0.01, with the
// same information.
std::string makeCsv(Task task, std::size_t rows, std::uint64_t seed, bool unseen = false,
                    bool badlyScaled = false)
{
    Random random(seed);
    const char *colours[] = {"red", "green", "blue"};
    const double effects[] = {0.0, 1.0, -1.5};
    std::string csv = "x1,x2,x3,colour,y\n";
    for (std::size_t row = 0; row < rows; ++row) {
        const double x1 = random.normal(0, 1);
        const double x2 = random.uniform(-2, 2);
        const double x3 = random.normal(5, 2);
        const bool x3Missing = random.chance(0.1);
        const auto colour = random.pick(std::vector<double>{0.5, 0.3, 0.2});
        const bool colourMissing = random.chance(0.05);
        const double margin = 0.8 * x1 - 0.6 * x2 + 0.3 * (x3 - 5) + effects[colour];
        std::string y;
        if (task == Task::Regression) {
            y = std::to_string(1 + 2 * margin + random.normal(0, 0.5));
        } else if (task == Task::Binary) {
            y = random.uniform() < 1 / (1 + std::exp(-margin)) ? "yes" : "no";
        } else {
            const double scores[] = {0.0, margin, -x1 + 0.5 * effects[colour]};
            double weights[3], sum = 0;
            for (int c = 0; c < 3; ++c)
                sum += (weights[c] = std::exp(scores[c]));
            y = std::string(
                1, char('a' + random.pick(std::vector<double>{weights[0] / sum, weights[1] / sum,
                                                              weights[2] / sum})));
        }
        const std::string colourText = unseen && row % 7 == 0 ? "purple"
                                       : colourMissing        ? ""
                                                              : colours[colour];
        csv += std::to_string(badlyScaled ? 1e12 + 3e11 * x1 : x1) + "," +
               std::to_string(badlyScaled ? x2 / 100 : x2) + "," +
               (x3Missing ? "" : std::to_string(x3)) + "," + colourText + "," + y + "\n";
    }
    return csv;
}

table::Table tableOf(const std::string &csv)
{
    auto read = table::readTableFromBuffer(csv, "data.csv");
    if (!read.ok())
        qFatal("%s", read.error().message.c_str());
    return std::move(read->table);
}

// A training set read the way `assay train` reads one.
struct Prepared {
    FeatureMatrix x;
    Target target;
    ModelSignature signature;
    TrainingSet set() const { return {&x, target.values, signature}; }
};

Prepared prepare(const table::Table &data, Task task,
                 const std::vector<std::string> &features = kFeatures)
{
    Prepared prepared;
    auto specs = inferFeatures(data, features);
    auto matrix = buildMatrix(data, *specs, "data.csv");
    auto target = encodeTarget(data, "y", task);
    if (!specs || !matrix || !target)
        qFatal("cannot prepare the training set");
    prepared.x = std::move(*matrix);
    prepared.target = std::move(*target);
    prepared.signature = {task, "y", prepared.target.classes, *specs};
    return prepared;
}

std::unique_ptr<Model> trainOk(const Trainer &trainer, const TrainingSet &set,
                               std::map<std::string, std::string> given = {},
                               int *iterations = nullptr)
{
    TrainOptions options;
    if (iterations)
        options.onIteration = [iterations](const IterationReport &) { ++*iterations; };
    auto params = resolveParams(trainer.params(), given);
    if (!params)
        qFatal("%s", params.error().message.c_str());
    options.params = *params;
    auto model = trainer.train(set, options);
    if (!model)
        qFatal("%s", model.error().message.c_str());
    return std::move(*model);
}

bool near(double a, double b, double tolerance)
{
    return std::abs(a - b) <= tolerance * std::max(1.0, std::abs(b));
}

// `unit[i]` (1 when empty) puts both numbers on a comparable scale first.
void compareNumbers(const std::vector<double> &ours, const QJsonArray &theirs, const QString &what,
                    const std::vector<double> &unit = {})
{
    QCOMPARE(ours.size(), std::size_t(theirs.size()));
    for (std::size_t i = 0; i < ours.size(); ++i)
        QVERIFY2(near(ours[i] * (unit.empty() ? 1 : unit[i]),
                      theirs[qsizetype(i)].toDouble() * (unit.empty() ? 1 : unit[i]), 1e-4),
                 qPrintable(QStringLiteral("%1[%2]: %3 vs sklearn %4")
                                .arg(what)
                                .arg(i)
                                .arg(ours[i], 0, 'g', 12)
                                .arg(theirs[qsizetype(i)].toDouble(), 0, 'g', 12)));
}

struct OracleCase {
    const char *name;
    std::string trainer;
    Task task;
    std::map<std::string, std::string> params;
    bool badlyScaled = false; // see makeCsv
};

// sklearn's solvers cannot fit a column of ~1e12, so the oracle gets it divided by this (see
// sklearn_linear.py); the cases keep the penalty negligible, so that is the same model.
constexpr double kBadScale = 1e12;

} // namespace

class TestLinearModels : public QObject {
    Q_OBJECT

    const std::vector<OracleCase> m_cases{
        {"linreg", "linreg", Task::Regression, {}},
        {"ridge alpha=3", "ridge", Task::Regression, {{"alpha", "3"}}},
        {"logreg binary C=0.5", "logreg", Task::Binary, {{"C", "0.5"}, {"tol", "1e-10"}}},
        {"logreg multiclass C=2", "logreg", Task::Multiclass, {{"C", "2"}, {"tol", "1e-10"}}},
        {"linreg, x1 ~1e12", "linreg", Task::Regression, {}, true},
        {"ridge alpha=1e-6, x1 ~1e12", "ridge", Task::Regression, {{"alpha", "1e-6"}}, true},
        {"logreg binary C=1e8, x1 ~1e12", "logreg", Task::Binary, {{"C", "1e8"}}, true},
    };
    QTemporaryDir m_dir;
    QJsonArray m_oracle;

    std::unique_ptr<Trainer> trainerNamed(const std::string &name)
    {
        if (name == "linreg")
            return makeLinearRegressionTrainer();
        if (name == "ridge")
            return makeRidgeTrainer();
        return makeLogisticRegressionTrainer();
    }

    std::filesystem::path csvPath(std::size_t index, const char *part) const
    {
        return testing::pathOf(m_dir) / ("case" + std::to_string(index) + "_" + part + ".csv");
    }

private slots:
    void initTestCase()
    {
        QJsonArray cases;
        for (std::size_t i = 0; i < m_cases.size(); ++i) {
            const auto &c = m_cases[i];
            testing::writeFile(csvPath(i, "train"),
                               makeCsv(c.task, 300, 100 + i, false, c.badlyScaled));
            testing::writeFile(csvPath(i, "predict"),
                               makeCsv(c.task, 80, 200 + i, /*unseen=*/true, c.badlyScaled));
            QJsonObject object{
                {QStringLiteral("model"), QString::fromStdString(c.trainer)},
                {QStringLiteral("train"), QString::fromStdString(csvPath(i, "train").string())},
                {QStringLiteral("predict"), QString::fromStdString(csvPath(i, "predict").string())},
                {QStringLiteral("target"), QStringLiteral("y")},
                {QStringLiteral("numeric"),
                 QJsonArray{QStringLiteral("x1"), QStringLiteral("x2"), QStringLiteral("x3")}},
                {QStringLiteral("categorical"), QJsonArray{QStringLiteral("colour")}}};
            for (const auto &[name, value] : c.params)
                object.insert(QString::fromStdString(name), std::stod(value));
            if (c.badlyScaled)
                object.insert(QStringLiteral("rescale"),
                              QJsonObject{{QStringLiteral("x1"), kBadScale}});
            cases.append(object);
        }
        const auto spec = testing::pathOf(m_dir) / "cases.json";
        testing::writeFile(spec, QJsonDocument(cases).toJson().toStdString());
        m_oracle = testing::runPythonOracle(QStringLiteral("sklearn_linear.py"),
                                            {QString::fromStdString(spec.string())})
                       .array();
        QCOMPARE(std::size_t(m_oracle.size()), m_cases.size());
    }

    void agreesWithSklearn_data()
    {
        QTest::addColumn<int>("index");
        for (std::size_t i = 0; i < m_cases.size(); ++i)
            QTest::newRow(m_cases[i].name) << int(i);
    }

    void agreesWithSklearn()
    {
        QFETCH(int, index);
        const auto &c = m_cases[std::size_t(index)];
        const auto oracle = m_oracle[index].toObject();
        const auto train =
            prepare(tableOf(testing::slurp(csvPath(std::size_t(index), "train"))), c.task);
        int iterations = 0;
        const auto model = trainOk(*trainerNamed(c.trainer), train.set(), c.params, &iterations);
        const auto &linear = dynamic_cast<const LinearModel &>(*model);
        // Newton converges in a handful of steps whatever the columns' units; it used to run to
        // max_iter (100) when the gradient could not reach tol in floating point.
        QVERIFY2(iterations <= 20, qPrintable(QString::number(iterations)));

        const auto columns = oracle[QLatin1String("columns")].toArray();
        const auto names = linear.layout().columnNames();
        QCOMPARE(names.size(), std::size_t(columns.size()));
        for (std::size_t i = 0; i < names.size(); ++i)
            QCOMPARE(QString::fromStdString(names[i]), columns[qsizetype(i)].toString());
        const auto coefficients = oracle[QLatin1String("coefficients")].toArray();
        QCOMPARE(linear.parameters().coefficients.size(), std::size_t(coefficients.size()));
        std::vector<double> unit(names.size(), 1.0);
        if (c.badlyScaled)
            unit[0] = kBadScale; // x1's coefficient is ~1e-12
        for (std::size_t o = 0; o < linear.parameters().coefficients.size(); ++o)
            compareNumbers(linear.parameters().coefficients[o],
                           coefficients[qsizetype(o)].toArray(),
                           QStringLiteral("coefficients[%1]").arg(o), unit);
        compareNumbers(linear.parameters().intercepts,
                       oracle[QLatin1String("intercepts")].toArray(), QStringLiteral("intercepts"));

        const auto other = tableOf(testing::slurp(csvPath(std::size_t(index), "predict")));
        const auto x = buildMatrix(other, model->signature().features, "predict.csv");
        QVERIFY(x.ok());
        compareNumbers(model->predictions(*x), oracle[QLatin1String("predictions")].toArray(),
                       QStringLiteral("predictions"));
    }

    void collinearFeaturesAreNamed()
    {
        Random random(5);
        std::string csv = "a,b,c,d,y\n";
        for (int row = 0; row < 50; ++row) {
            const double a = random.normal(0, 1), b = random.normal(0, 1), d = random.normal(0, 1);
            csv += std::to_string(a) + "," + std::to_string(b) + "," +
                   std::to_string(2 * a - b + 1) + "," + std::to_string(d) + "," +
                   std::to_string(a + d) + "\n";
        }
        const auto data = prepare(tableOf(csv), Task::Regression, {"a", "b", "c", "d"});
        const auto result = makeLinearRegressionTrainer()->train(data.set(), {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ErrorKind::InvalidInput);
        const auto &message = result.error().message;
        QVERIFY2(message.find("'a', 'b', 'c'") != std::string::npos, message.c_str());
        QVERIFY2(message.find("'d'") == std::string::npos, message.c_str());
        // The penalty makes the solution unique.
        QVERIFY(makeRidgeTrainer()->train(data.set(), {}).ok());
    }

    void columnTooNarrowForItsValuesIsNamed()
    {
        // Nanosecond stamps 1.7e18 apart from a few microseconds: a model in these units would
        // lose most of every prediction's digits to cancellation with the intercept.
        Random random(6);
        std::string csv = "a,stamp,y\n";
        for (int row = 0; row < 60; ++row) {
            const double a = random.normal(0, 1);
            csv += std::to_string(a) + "," + std::to_string(1.7e18 + 1024.0 * (row % 9)) + "," +
                   (random.uniform() < 1 / (1 + std::exp(-a)) ? "1" : "0") + "\n";
        }
        for (const Task task : {Task::Regression, Task::Binary}) {
            const auto data = prepare(tableOf(csv), task, {"a", "stamp"});
            std::vector<std::unique_ptr<Trainer>> all;
            if (task == Task::Regression) {
                all.push_back(makeLinearRegressionTrainer());
                all.push_back(makeRidgeTrainer());
            } else {
                all.push_back(makeLogisticRegressionTrainer());
            }
            for (const auto &trainer : all) {
                const auto result = trainer->train(data.set(), {});
                QVERIFY(!result.ok());
                QCOMPARE(result.error().kind, ErrorKind::InvalidInput);
                const auto &message = result.error().message;
                QVERIFY2(message.find("'stamp' has values up to 1.7e+18") != std::string::npos,
                         message.c_str());
            }
        }
    }

    void constantFeatureGetsZeroCoefficient()
    {
        std::string csv = "a,k,y\n";
        for (int row = 0; row < 20; ++row)
            csv += std::to_string(row) + ",7," + std::to_string(3 * row + 2) + "\n";
        const auto data = prepare(tableOf(csv), Task::Regression, {"a", "k"});
        const auto model = trainOk(*makeLinearRegressionTrainer(), data.set());
        const auto &p = dynamic_cast<const LinearModel &>(*model).parameters();
        QVERIFY(near(p.coefficients[0][0], 3, 1e-10));
        QCOMPARE(p.coefficients[0][1], 0.0);
        QVERIFY(near(p.intercepts[0], 2, 1e-10));
    }

    void serialisationRoundTripsExactly()
    {
        for (Task task : {Task::Regression, Task::Binary, Task::Multiclass}) {
            const auto data = prepare(tableOf(makeCsv(task, 200, 7)), task);
            const auto trainer =
                task == Task::Regression ? makeRidgeTrainer() : makeLogisticRegressionTrainer();
            const auto model = trainOk(*trainer, data.set());
            const auto bytes =
                QJsonDocument(model->parametersToJson()).toJson(QJsonDocument::Compact);
            const auto again = trainOk(*trainer, data.set());
            QCOMPARE(QJsonDocument(again->parametersToJson()).toJson(QJsonDocument::Compact),
                     bytes);
            const auto loaded =
                LinearModel::fromJson(model->signature(), QJsonDocument::fromJson(bytes).object());
            QVERIFY(loaded.ok());
            QCOMPARE((*loaded)->kind(), model->kind());
            QCOMPARE(QJsonDocument((*loaded)->parametersToJson()).toJson(QJsonDocument::Compact),
                     bytes);
            const auto before = model->predictions(data.x);
            const auto after = (*loaded)->predictions(data.x);
            QVERIFY(std::memcmp(before.data(), after.data(), before.size() * sizeof(double)) == 0);
        }
    }

    void malformedParametersAreRejected()
    {
        const auto data = prepare(tableOf(makeCsv(Task::Binary, 60, 8)), Task::Binary);
        const auto model = trainOk(*makeLogisticRegressionTrainer(), data.set());
        auto json = model->parametersToJson();
        json.remove(QStringLiteral("intercepts"));
        auto loaded = LinearModel::fromJson(model->signature(), json);
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().message.find("model.intercepts") != std::string::npos,
                 loaded.error().message.c_str());
        json = model->parametersToJson();
        auto rows = json[QLatin1String("coefficients")].toArray();
        auto first = rows[0].toArray();
        first[2] = QStringLiteral("x");
        rows[0] = first;
        json[QLatin1String("coefficients")] = rows;
        loaded = LinearModel::fromJson(model->signature(), json);
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().message.find("model.coefficients[0][2]") != std::string::npos,
                 loaded.error().message.c_str());
    }

    void parallelPredictionIsDeterministic()
    {
        const auto data = prepare(tableOf(makeCsv(Task::Multiclass, 6000, 9)), Task::Multiclass);
        const auto model = trainOk(*makeLogisticRegressionTrainer(), data.set());
        const auto serial = model->predictions(data.x, 1);
        const auto parallel = model->predictions(data.x, 0);
        QVERIFY(std::memcmp(serial.data(), parallel.data(), serial.size() * sizeof(double)) == 0);
        for (std::size_t row = 0; row < data.x.rows; row += 997) {
            const double sum = serial[row * 3] + serial[row * 3 + 1] + serial[row * 3 + 2];
            QVERIFY(near(sum, 1, 1e-12));
        }
    }

    void logisticReportsIterationsAndCanBeCancelled()
    {
        const auto data = prepare(tableOf(makeCsv(Task::Binary, 200, 10)), Task::Binary);
        const auto trainer = makeLogisticRegressionTrainer();
        TrainOptions options;
        std::vector<double> losses;
        options.onIteration = [&](const IterationReport &report) {
            losses.push_back(report.metrics.at("train_logloss"));
        };
        QVERIFY(trainer->train(data.set(), options).ok());
        QVERIFY(losses.size() >= 2);
        QVERIFY(losses.back() < losses.front());
        QVERIFY(near(losses.front(), std::log(2.0), 1e-12)); // all-zero start

        CancellationToken token;
        token.cancel();
        options.progress = Progress({}, token);
        const auto cancelled = trainer->train(data.set(), options);
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().kind, ErrorKind::Cancelled);
    }

    void wrongTasksAndTargetsAreRejected()
    {
        const auto regression =
            prepare(tableOf(makeCsv(Task::Regression, 30, 11)), Task::Regression);
        QVERIFY(!makeLogisticRegressionTrainer()->train(regression.set(), {}).ok());
        const auto binary = prepare(tableOf(makeCsv(Task::Binary, 30, 12)), Task::Binary);
        QVERIFY(!makeLinearRegressionTrainer()->train(binary.set(), {}).ok());
        auto withMissing = regression.target.values;
        withMissing[4] = std::nan("");
        const TrainingSet set{&regression.x, withMissing, regression.signature};
        const auto result = makeRidgeTrainer()->train(set, {});
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.find("row 5") != std::string::npos,
                 result.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestLinearModels)
#include "test_linear_models.moc"
