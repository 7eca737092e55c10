// `assay registry ...` through the real binary: register, list, gate, check, a refused and an
// allowed promotion, aliases and the history in show; exit codes 0, 1, 2 and --json shapes.
#include "support/cli_runner.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using assay::testing::parseJson;
using assay::testing::runAssay;
using assay::testing::writeBytes;

namespace {

QByteArray dataCsv()
{
    QByteArray csv("x1,x2,color,y\n");
    const char *colors[] = {"red", "green", "blue"};
    for (int i = 0; i < 300; ++i) {
        const double x1 = (i * 37 % 100) / 100.0;
        const double x2 = (i * 53 % 100) / 100.0;
        const int y = x1 + 0.3 * x2 + (i * 17 % 10) / 20.0 > 0.8 ? 1 : 0;
        csv += QByteArray::number(x1) + ',' + QByteArray::number(x2) + ',' + colors[i % 3] + ',' +
               QByteArray::number(y) + '\n';
    }
    return csv;
}

QStringList words(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *word : list)
        out << QString::fromUtf8(word);
    return out;
}

QStringList checkNames(const QJsonArray &checks, bool passed)
{
    QStringList names;
    for (const auto &check : checks)
        if (check.toObject().value(QStringLiteral("passed")).toBool() == passed)
            names << check.toObject().value(QStringLiteral("name")).toString();
    return names;
}

} // namespace

class TestRegistryCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;

    assay::testing::CliOutcome assay(const QStringList &arguments)
    {
        return runAssay(arguments, m_root);
    }

private slots:
    void initTestCase()
    {
        m_root = m_dir.filePath(QStringLiteral("ws"));
        const auto init = runAssay({QStringLiteral("init"), m_root});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        QVERIFY(writeBytes(m_root + QStringLiteral("/data/train.csv"), dataCsv()));
        for (const char *model : {"logreg", "tree"}) {
            const auto trained = assay(words({"train", "--data", "data/train.csv", "--target", "y", "--model", model,
                                              "--name", model, "--seed", "1"}));
            QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        }
        const auto schema = assay(words({"schema", "infer", "data/train.csv", "-o", "data/train.schema.json"}));
        QVERIFY2(schema.exitCode == 0, qPrintable(schema.err));
    }

    void registerNumbersVersions()
    {
        const auto first = assay(words({"registry", "register", "risk", "--run", "logreg", "--description",
                                        "logistic", "--json"}));
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QJsonObject version = parseJson(first.out);
        QCOMPARE(version.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(version.value(QStringLiteral("stage")).toString(), QStringLiteral("none"));
        QCOMPARE(version.value(QStringLiteral("run")).toString().size(), 32);
        QCOMPARE(version.value(QStringLiteral("model_md5")).toString().size(), 32);
        QCOMPARE(version.value(QStringLiteral("description")).toString(), QStringLiteral("logistic"));

        const auto second = assay(words({"registry", "register", "risk", "--run", "tree"}));
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(second.out.startsWith(QStringLiteral("registered risk version 2 from run ")), qPrintable(second.out));

        QCOMPARE(assay(words({"registry", "register", "risk", "--run", "nosuchrun"})).exitCode, 2);
        QCOMPARE(assay(words({"registry", "register", "risk"})).exitCode, 2);
        QCOMPARE(assay(words({"registry", "register", "bad name", "--run", "tree"})).exitCode, 2);

        const auto list = assay(words({"registry", "list", "--json"}));
        QCOMPARE(list.exitCode, 0);
        const QJsonArray models = parseJson(list.out).value(QStringLiteral("models")).toArray();
        QCOMPARE(models.size(), 1);
        QCOMPARE(models[0].toObject().value(QStringLiteral("versions")).toArray().size(), 2);
        QVERIFY(assay(words({"registry", "list"})).out.contains(QStringLiteral("risk")));
    }

    void gateIsSetAndShown()
    {
        const auto set = assay(words({"registry", "gate", "risk", "--schema", "data/train.schema.json",
                                      "--min-metric", "test_roc_auc=0.9999", "--drift-current", "data/train.csv",
                                      "--json"}));
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        const QJsonObject gate = parseJson(set.out).value(QStringLiteral("gate")).toObject();
        QCOMPARE(gate.value(QStringLiteral("schema")).toString(), QStringLiteral("data/train.schema.json"));
        QCOMPARE(gate.value(QStringLiteral("min_metrics")).toObject().value(QStringLiteral("test_roc_auc")).toDouble(),
                 0.9999);
        QCOMPARE(gate.value(QStringLiteral("drift")).toObject().value(QStringLiteral("current")).toString(),
                 QStringLiteral("data/train.csv"));

        const auto shown = assay(words({"registry", "gate", "risk"}));
        QCOMPARE(shown.exitCode, 0);
        QVERIFY(shown.out.contains(QStringLiteral("data/train.schema.json")));
        QVERIFY(shown.out.contains(QStringLiteral("test_roc_auc ≥ 0.9999")));

        QCOMPARE(assay(words({"registry", "gate", "risk", "--min-metric", "auc=high"})).exitCode, 2);
        QCOMPARE(assay(words({"registry", "gate", "risk", "--max-drift-share", "3"})).exitCode, 2);
        QCOMPARE(assay(words({"registry", "gate", "risk", "--schema", "missing.json"})).exitCode, 2);
        QCOMPARE(assay(words({"registry", "gate", "nobody"})).exitCode, 2);
    }

    void checkAndRefusedPromotionExitOne()
    {
        const auto check = assay(words({"registry", "check", "risk", "1", "--json"}));
        QCOMPARE(check.exitCode, 1);
        const QJsonObject result = parseJson(check.out);
        QCOMPARE(result.value(QStringLiteral("passed")).toBool(), false);
        const QJsonArray checks = result.value(QStringLiteral("checks")).toArray();
        QCOMPARE(checkNames(checks, false), QStringList{QStringLiteral("metric test_roc_auc")});
        QCOMPARE(checkNames(checks, true), words({"schema", "drift", "approver"}));

        const auto text = assay(words({"registry", "check", "risk", "1"}));
        QCOMPARE(text.exitCode, 1);
        QVERIFY(text.out.contains(QStringLiteral("FAIL  metric test_roc_auc")));

        const auto refused = assay(words({"registry", "promote", "risk", "1", "--to", "production", "--reason",
                                          "try it"}));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("may not go to production:\n  metric test_roc_auc: ")),
                 qPrintable(refused.err));

        const auto refusedJson = assay(words({"registry", "promote", "risk", "1", "--to", "production", "--json"}));
        QCOMPARE(refusedJson.exitCode, 1);
        const QJsonObject document = parseJson(refusedJson.out);
        QCOMPARE(document.value(QStringLiteral("refused")).toBool(), true);
        QCOMPARE(checkNames(document.value(QStringLiteral("checks")).toArray(), false),
                 QStringList{QStringLiteral("metric test_roc_auc")});
    }

    void promotionsAndAliasesLandInTheHistory()
    {
        QCOMPARE(assay(words({"registry", "gate", "risk", "--min-metric", "test_roc_auc=0.5"})).exitCode, 0);
        QCOMPARE(assay(words({"registry", "check", "risk", "1"})).exitCode, 0);
        const auto staged = assay(words({"registry", "promote", "risk", "1", "--to", "staging"}));
        QVERIFY2(staged.exitCode == 0, qPrintable(staged.err));
        const auto live = assay(words({"registry", "promote", "risk", "staging", "--to", "production", "--reason",
                                       "passes the gate", "--json"}));
        QVERIFY2(live.exitCode == 0, qPrintable(live.err));
        QCOMPARE(parseJson(live.out).value(QStringLiteral("refused")).toBool(), false);
        QCOMPARE(parseJson(live.out).value(QStringLiteral("checks")).toArray().size(), 4);
        QCOMPARE(assay(words({"registry", "promote", "risk", "2", "--to", "production"})).exitCode, 0);

        QCOMPARE(assay(words({"registry", "alias", "risk", "champion", "1"})).exitCode, 0);
        const auto moved = assay(words({"registry", "alias", "risk", "champion", "2", "--reason", "better", "--json"}));
        QCOMPARE(moved.exitCode, 0);
        QCOMPARE(parseJson(moved.out).value(QStringLiteral("version")).toInt(), 2);
        QCOMPARE(assay(words({"registry", "alias", "risk", "champion", "9"})).exitCode, 2);
        QCOMPARE(assay(words({"registry", "alias", "risk", "previous", "@champion"})).exitCode, 0);
        const auto byAlias = assay(words({"registry", "check", "risk", "champion", "--json"}));
        QCOMPARE(byAlias.exitCode, 0);
        QCOMPARE(parseJson(byAlias.out).value(QStringLiteral("version")).toInt(), 2);
        QCOMPARE(assay(words({"registry", "check", "risk", "nonsense"})).exitCode, 2);
        QCOMPARE(assay(words({"registry", "promote", "risk", "1", "--to", "live"})).exitCode, 2);
        QCOMPARE(assay(words({"registry", "promote", "risk", "1"})).exitCode, 2);

        const auto shown = assay(words({"registry", "show", "risk", "--json"}));
        QCOMPARE(shown.exitCode, 0);
        const QJsonObject model = parseJson(shown.out);
        const QJsonArray versions = model.value(QStringLiteral("versions")).toArray();
        QCOMPARE(versions[0].toObject().value(QStringLiteral("stage")).toString(), QStringLiteral("archived"));
        QCOMPARE(versions[1].toObject().value(QStringLiteral("stage")).toString(), QStringLiteral("production"));
        QCOMPARE(versions[1].toObject().value(QStringLiteral("aliases")).toArray().first().toString(),
                 QStringLiteral("champion"));
        QStringList kinds;
        for (const auto &transition : model.value(QStringLiteral("transitions")).toArray())
            kinds << transition.toObject().value(QStringLiteral("kind")).toString() + QLatin1Char(' ') +
                         transition.toObject().value(QStringLiteral("to")).toString();
        QCOMPARE(kinds, words({"refused production", "refused production", "stage staging", "stage production",
                               "stage archived", "stage production", "alias champion", "alias champion",
                               "alias previous"}));

        const auto text = assay(words({"registry", "show", "risk"}));
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(QStringLiteral("REFUSED none → production (failed: metric test_roc_auc)")));
        QVERIFY(text.out.contains(QStringLiteral("passes the gate")));
        QVERIFY(text.out.contains(QStringLiteral("alias champion (moved from version 1)")));
        QCOMPARE(assay(words({"registry", "show", "nobody"})).exitCode, 2);
    }

    void helpExplainsEachCommand()
    {
        for (const char *name : {"register", "list", "show", "gate", "check", "promote", "alias"}) {
            const auto help = runAssay({QStringLiteral("help"), QStringLiteral("registry"), QString::fromUtf8(name)});
            QCOMPARE(help.exitCode, 0);
            QVERIFY2(help.out.contains(QStringLiteral("assay registry ") + QString::fromUtf8(name)), qPrintable(help.out));
        }
    }
};

QTEST_GUILESS_MAIN(TestRegistryCli)
#include "test_registry_cli.moc"
