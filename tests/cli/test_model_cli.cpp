// `assay train | predict | evaluate | test` through the real binary: runs recorded, outputs,
// exit codes and bad input.
#include "support/cli_runner.h"
#include "support/credit_rows.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using assay::testing::parseJson;
using assay::testing::runAssay;

namespace {

// A seeded credit-like table: default depends on debt and region, amount on income.
QByteArray creditCsv(int rows)
{
    QByteArray csv = "income,debt,region,tier,default,amount\n";
    assay::testing::CreditRows generator(20261126);
    for (int i = 0; i < rows; ++i) {
        const auto row = generator.next();
        const QByteArray incomeText = i % 17 == 0 ? QByteArray() : QByteArray::number(row.income, 'f', 3);
        csv += incomeText + "," + QByteArray::number(row.debt, 'f', 4) + "," +
               assay::testing::CreditRows::regionName(row.region) + "," + QByteArray::number(i % 3) + "," +
               (row.risk > 0.2 ? "yes" : "no") + "," +
               QByteArray::number(row.income * 10 + 50 * row.debt + generator.uniform(), 'f', 3) + "\n";
    }
    return csv;
}

QStringList words(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *word : list)
        result << QString::fromUtf8(word);
    return result;
}

} // namespace

class TestModelCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;
    QString m_data;
    QString m_gbtRun;

    assay::testing::CliOutcome assay(QStringList arguments)
    {
        return runAssay(QStringList{QStringLiteral("--workspace"), m_root} + arguments, m_root);
    }

    QJsonObject runDetail(const QString &runId)
    {
        const auto shown = assay({QStringLiteral("runs"), QStringLiteral("show"), runId, QStringLiteral("--json")});
        return parseJson(shown.out);
    }

    QString artifactMd5(const QJsonObject &run, const QString &path)
    {
        for (const auto &artifact : run.value(QStringLiteral("artifacts")).toArray())
            if (artifact.toObject().value(QStringLiteral("path")).toString() == path)
                return artifact.toObject().value(QStringLiteral("md5")).toString();
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(QFile::exists(qEnvironmentVariable("ASSAY_CLI")));
        m_root = m_dir.filePath(QStringLiteral("ws"));
        const auto init = runAssay({QStringLiteral("init"), m_root});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        m_data = m_root + QStringLiteral("/credit.csv");
        QVERIFY(assay::testing::writeBytes(m_data, creditCsv(900)));
    }

    void trainRecordsARun()
    {
        const auto trained = assay(words({"train", "--data", "credit.csv", "--target", "default", "--model",
                                          "gbt", "--param", "n_estimators=40", "--param", "max_depth=3",
                                          "--seed", "3", "--json"}));
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        const QJsonObject outcome = parseJson(trained.out);
        m_gbtRun = outcome.value(QStringLiteral("run_id")).toString();
        QCOMPARE(m_gbtRun.size(), 32);
        QCOMPARE(outcome.value(QStringLiteral("task")).toString(), QStringLiteral("binary"));
        QCOMPARE(outcome.value(QStringLiteral("rows")).toInt(), 900);
        const QJsonObject parts = outcome.value(QStringLiteral("parts")).toObject();
        QCOMPARE(parts.keys(), words({"test", "train", "valid"}));
        const double testAuc = parts.value(QStringLiteral("test")).toObject().value(QStringLiteral("metrics"))
                                   .toObject().value(QStringLiteral("roc_auc")).toDouble();
        QVERIFY2(testAuc > 0.8, qPrintable(QString::number(testAuc)));
        const int testRows = parts.value(QStringLiteral("test")).toObject().value(QStringLiteral("rows")).toInt();
        QVERIFY2(std::abs(testRows - 135) <= 2, qPrintable(QString::number(testRows))); // 15%, stratified

        const QJsonObject run = runDetail(m_gbtRun);
        QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("FINISHED"));
        const QJsonObject params = run.value(QStringLiteral("params")).toObject();
        QCOMPARE(params.value(QStringLiteral("model")).toString(), QStringLiteral("gbt"));
        QCOMPARE(params.value(QStringLiteral("n_estimators")).toString(), QStringLiteral("40"));
        QCOMPARE(params.value(QStringLiteral("split")).toString(), QStringLiteral("0.7,0.15,0.15"));
        QVERIFY(run.value(QStringLiteral("metrics")).toObject().contains(QStringLiteral("test_roc_auc")));
        QVERIFY(run.value(QStringLiteral("metrics")).toObject().contains(QStringLiteral("valid_logloss")));
        QVERIFY(!artifactMd5(run, QStringLiteral("model/model.json")).isEmpty());
        QVERIFY(!artifactMd5(run, QStringLiteral("model/evaluation.json")).isEmpty());
        const QJsonArray datasets = run.value(QStringLiteral("datasets")).toArray();
        QCOMPARE(datasets.size(), 1);
        QFile data(m_data);
        QVERIFY(data.open(QIODevice::ReadOnly));
        QCOMPARE(datasets[0].toObject().value(QStringLiteral("md5")).toString(),
                 QString::fromLatin1(QCryptographicHash::hash(data.readAll(), QCryptographicHash::Md5).toHex()));
        QCOMPARE(datasets[0].toObject().value(QStringLiteral("path")).toString(), QStringLiteral("credit.csv"));

        const auto curve = assay({QStringLiteral("runs"), QStringLiteral("metric"), m_gbtRun,
                                  QStringLiteral("valid_logloss"), QStringLiteral("--json")});
        QVERIFY2(curve.exitCode == 0, qPrintable(curve.err));
        QVERIFY(curve.out.count(QLatin1String("\"step\"")) >= 10);
    }

    void sameSeedGivesTheSameModelBytes()
    {
        const auto again = assay(words({"train", "--data", "credit.csv", "--target", "default", "--model",
                                        "gbt", "--param", "n_estimators=40", "--param", "max_depth=3",
                                        "--seed", "3", "--threads", "1", "--json"}));
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        const QString run = parseJson(again.out).value(QStringLiteral("run_id")).toString();
        QCOMPARE(artifactMd5(runDetail(run), QStringLiteral("model/model.json")),
                 artifactMd5(runDetail(m_gbtRun), QStringLiteral("model/model.json")));
    }

    void predictWritesOneRowPerDataRow()
    {
        const auto predicted = assay({QStringLiteral("predict"), QStringLiteral("--model"), m_gbtRun,
                                      QStringLiteral("--data"), QStringLiteral("credit.csv"),
                                      QStringLiteral("--out"), QStringLiteral("p.csv")});
        QVERIFY2(predicted.exitCode == 0, qPrintable(predicted.err));
        QFile out(m_root + QStringLiteral("/p.csv"));
        QVERIFY(out.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = out.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 901);
        QCOMPARE(lines.front(), QByteArray("prediction"));
        for (int i = 1; i < lines.size(); ++i) {
            bool ok = false;
            const double p = lines[i].toDouble(&ok);
            QVERIFY(ok && p >= 0 && p <= 1);
        }
    }

    void evaluatePrintsTheIssuesJson()
    {
        const auto evaluated = assay({QStringLiteral("evaluate"), QStringLiteral("--model"), m_gbtRun,
                                      QStringLiteral("--data"), QStringLiteral("credit.csv"),
                                      QStringLiteral("--target"), QStringLiteral("default"),
                                      QStringLiteral("--json")});
        QVERIFY2(evaluated.exitCode == 0, qPrintable(evaluated.err));
        const QJsonObject json = parseJson(evaluated.out);
        QCOMPARE(json.value(QStringLiteral("task")).toString(), QStringLiteral("binary"));
        QCOMPARE(json.value(QStringLiteral("rows")).toInt(), 900);
        const QJsonObject metrics = json.value(QStringLiteral("metrics")).toObject();
        for (const char *name : {"accuracy", "precision", "recall", "f1", "roc_auc", "pr_auc", "log_loss", "brier"})
            QVERIFY2(metrics.contains(QString::fromUtf8(name)), name);
        int total = 0;
        for (const auto &row : json.value(QStringLiteral("confusion_matrix")).toArray())
            for (const auto &count : row.toArray())
                total += count.toInt();
        QCOMPARE(total, 900);
    }

    void crossValidationMakesAChildRunPerFold()
    {
        const auto trained = assay(words({"train", "--data", "credit.csv", "--target", "default", "--model",
                                          "logreg", "--cv", "3", "--json"}));
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        const QJsonObject outcome = parseJson(trained.out);
        const QJsonArray folds = outcome.value(QStringLiteral("folds")).toArray();
        QCOMPARE(folds.size(), 3);
        const QString parent = outcome.value(QStringLiteral("run_id")).toString();
        for (const auto &fold : folds) {
            const QJsonObject child = runDetail(fold.toObject().value(QStringLiteral("run_id")).toString());
            QCOMPARE(child.value(QStringLiteral("parent_run_id")).toString(), parent);
            QVERIFY(child.value(QStringLiteral("metrics")).toObject().contains(QStringLiteral("valid_roc_auc")));
        }
        const QJsonObject metrics = runDetail(parent).value(QStringLiteral("metrics")).toObject();
        QVERIFY(metrics.contains(QStringLiteral("cv_roc_auc_mean")));
        QVERIFY(metrics.contains(QStringLiteral("cv_roc_auc_std")));
    }

    void multiclassAndRegressionModels()
    {
        const auto multiclass = assay(words({"train", "--data", "credit.csv", "--target", "region",
                                             "--model", "forest", "--param", "n_estimators=10", "--json"}));
        QVERIFY2(multiclass.exitCode == 0, qPrintable(multiclass.err));
        const QString run = parseJson(multiclass.out).value(QStringLiteral("run_id")).toString();
        const auto predicted = assay({QStringLiteral("predict"), QStringLiteral("--model"), run,
                                      QStringLiteral("--data"), QStringLiteral("credit.csv"),
                                      QStringLiteral("--out"), QStringLiteral("regions.csv")});
        QVERIFY2(predicted.exitCode == 0, qPrintable(predicted.err));
        QFile out(m_root + QStringLiteral("/regions.csv"));
        QVERIFY(out.open(QIODevice::ReadOnly));
        QCOMPARE(out.readLine().trimmed(), QByteArray("p_east,p_north,p_south"));

        const auto regression = assay(words({"train", "--data", "credit.csv", "--target", "amount",
                                             "--model", "ridge", "--features", "income,debt,region", "--json"}));
        QVERIFY2(regression.exitCode == 0, qPrintable(regression.err));
        const QJsonObject test = parseJson(regression.out).value(QStringLiteral("parts")).toObject()
                                     .value(QStringLiteral("test")).toObject();
        QCOMPARE(test.value(QStringLiteral("task")).toString(), QStringLiteral("regression"));
        QVERIFY(test.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("r2")).toDouble() > 0.5);
    }

    void groupedCrossValidationKeepsGroupsOutOfTheFeatures()
    {
        const auto trained = assay(words({"train", "--data", "credit.csv", "--target", "default", "--model",
                                          "logreg", "--cv", "3", "--group", "tier", "--json"}));
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        const QJsonObject outcome = parseJson(trained.out);
        QCOMPARE(outcome.value(QStringLiteral("folds")).toArray().size(), 3);
        const QJsonObject params = runDetail(outcome.value(QStringLiteral("run_id")).toString())
                                       .value(QStringLiteral("params")).toObject();
        QCOMPARE(params.value(QStringLiteral("group")).toString(), QStringLiteral("tier"));
        QVERIFY(!params.value(QStringLiteral("features")).toString().contains(QLatin1String("tier")));
        for (const auto &fold : outcome.value(QStringLiteral("folds")).toArray()) {
            const QJsonObject child = runDetail(fold.toObject().value(QStringLiteral("run_id")).toString());
            QCOMPARE(child.value(QStringLiteral("parent_run_id")).toString(),
                     outcome.value(QStringLiteral("run_id")).toString());
        }
    }

    void refusedTrainingRecordsNoRun()
    {
        const auto before = assay({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--json")});
        const auto refused = assay(words({"train", "--data", "credit.csv", "--target", "default", "--cv", "3",
                                          "--repeats", "2", "--group", "tier"}));
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QLatin1String("cannot be repeated")), qPrintable(refused.err));
        const auto after = assay({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(after.out, before.out);
    }

    void modelTestsGateAndAreStored()
    {
        QVERIFY(assay::testing::writeBytes(m_root + QStringLiteral("/tests.yaml"),
                                           "tests:\n"
                                           "  - name: overall AUC\n    metric: roc_auc\n    min: 0.8\n"
                                           "  - name: impossible accuracy\n    metric: accuracy\n    min: 1.01\n"
                                           "  - name: probabilities\n    prediction_range: {min: 0, max: 1}\n"));
        const auto tested = assay({QStringLiteral("test"), QStringLiteral("--model"), m_gbtRun,
                                   QStringLiteral("--data"), QStringLiteral("credit.csv"),
                                   QStringLiteral("--spec"), QStringLiteral("tests.yaml"), QStringLiteral("--json")});
        QCOMPARE(tested.exitCode, 1);
        const QJsonObject json = parseJson(tested.out);
        QCOMPARE(json.value(QStringLiteral("passed")).toInt(), 2);
        QCOMPARE(json.value(QStringLiteral("failed")).toInt(), 1);
        const QJsonObject run = runDetail(m_gbtRun);
        QCOMPARE(run.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("model_tests_failed")).toDouble(), 1.0);
        QVERIFY(!artifactMd5(run, QStringLiteral("model/tests.json")).isEmpty());
    }

    void badInputIsExitTwoWithTheReason_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown target") << words({"train", "--data", "credit.csv", "--target", "nope"})
                                        << "no target column 'nope'";
        QTest::newRow("unknown feature") << words({"train", "--data", "credit.csv", "--target", "default",
                                                   "--features", "income,salary"})
                                         << "unknown feature 'salary'";
        QTest::newRow("one class") << words({"train", "--data", "one_class.csv", "--target", "label"})
                                   << "a single class ('same')";
        QTest::newRow("text regression target") << words({"train", "--data", "credit.csv", "--target", "region",
                                                          "--task", "regression"})
                                                << "must be numeric";
        QTest::newRow("classifier on regression") << words({"train", "--data", "credit.csv", "--target",
                                                            "amount", "--model", "logreg"})
                                                  << "cannot learn target 'amount'";
        QTest::newRow("unknown param") << words({"train", "--data", "credit.csv", "--target", "default",
                                                 "--param", "depth=3"})
                                       << "unknown parameter 'depth'";
        QTest::newRow("one fold") << words({"train", "--data", "credit.csv", "--target", "default", "--cv", "1"})
                                  << "at least 2 folds";
        QTest::newRow("missing feature") << words({"predict", "--model", "MODEL", "--data", "partial.csv",
                                                   "--out", "x.csv"})
                                         << "feature 'income' is not a column of the data";
        QTest::newRow("bad spec") << words({"test", "--model", "MODEL", "--data", "credit.csv", "--spec",
                                            "bad.yaml"})
                                  << "bad.yaml:3:5: tests[0].mni: unknown key";
    }

    void badInputIsExitTwoWithTheReason()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QVERIFY(assay::testing::writeBytes(m_root + QStringLiteral("/one_class.csv"), "x,label\n1,same\n2,same\n"));
        QVERIFY(assay::testing::writeBytes(m_root + QStringLiteral("/partial.csv"), "debt,region\n0.5,north\n"));
        QVERIFY(assay::testing::writeBytes(m_root + QStringLiteral("/bad.yaml"), "tests:\n  - metric: roc_auc\n    mni: 0.5\n"));
        arguments.replaceInStrings(QStringLiteral("MODEL"), m_gbtRun);
        const auto outcome = assay(arguments);
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains(message), qPrintable(outcome.err));
        QVERIFY(outcome.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestModelCli)
#include "test_model_cli.moc"
