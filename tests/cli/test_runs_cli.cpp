// `assay runs ...` through the real binary: import an MLflow file store, then list, filter,
// sort, show, metric, compare, delete/restore and export; bad input exits 2.
#include "support/cli_runner.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using assay::testing::args;
using assay::testing::parseJson;
using assay::testing::runAssay;
using assay::testing::writeBytes;

namespace {

QJsonArray parseArray(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

struct RunSpec {
    const char *id;
    const char *name;
    const char *depth;
    const char *auc; // metric line value
    const char *team;
    int status;
    long long start;
};

// Four runs in experiment "credit" of an MLflow file store under `root`.
void writeStore(const QString &root)
{
    const QString exp = root + QStringLiteral("/1");
    writeBytes(exp + QStringLiteral("/meta.yaml"),
               "artifact_location: file:///tmp/x\ncreation_time: 1\nexperiment_id: '1'\n"
               "lifecycle_stage: active\nname: credit\n");
    const RunSpec runs[] = {
        {"11111111aaaaaaaaaaaaaaaaaaaaaaaa", "alpha", "6", "0.91", "risk", 3, 1000},
        {"11111111bbbbbbbbbbbbbbbbbbbbbbbb", "beta", "4", "0.75", "risk", 3, 2000},
        {"22222222cccccccccccccccccccccccc", "gamma", "6", "nan", "ops", 4, 3000},
        {"33333333dddddddddddddddddddddddd", "delta", "8", "0.85", "ops", 3, 4000},
    };
    for (const auto &r : runs) {
        const QString dir = exp + QLatin1Char('/') + QLatin1String(r.id);
        writeBytes(
            dir + QStringLiteral("/meta.yaml"),
            QByteArray("artifact_uri: ''\nexperiment_id: '1'\nlifecycle_stage: active\nrun_id: ") +
                r.id + "\nrun_name: " + r.name + "\nstart_time: " + QByteArray::number(r.start) +
                "\nend_time: " + QByteArray::number(r.start + 500) +
                "\nstatus: " + QByteArray::number(r.status) + "\nuser_id: alice\n");
        writeBytes(dir + QStringLiteral("/params/max_depth"), r.depth);
        writeBytes(dir + QStringLiteral("/params/lr"), "0.1");
        writeBytes(dir + QStringLiteral("/metrics/auc"),
                   QByteArray("10 0.5 0\n20 ") + r.auc + " 1\n");
        writeBytes(dir + QStringLiteral("/metrics/f1 score"), "10 0.6 0\n");
        writeBytes(dir + QStringLiteral("/tags/team"), r.team);
    }
}

QStringList ids(const QJsonArray &runs)
{
    QStringList list;
    for (const auto &run : runs)
        list << run.toObject().value(QStringLiteral("name")).toString();
    return list;
}

} // namespace

class TestRunsCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_ws;

    QStringList listNames(std::initializer_list<const char *> extra)
    {
        QStringList arguments = args({"--workspace"});
        arguments << m_ws << QStringLiteral("runs") << QStringLiteral("list")
                  << QStringLiteral("--json");
        for (const char *word : extra)
            arguments << QString::fromUtf8(word);
        const auto outcome = runAssay(arguments);
        if (outcome.exitCode != 0)
            qWarning("%s", qPrintable(outcome.err));
        return ids(parseArray(outcome.out));
    }

    assay::testing::CliOutcome runs(std::initializer_list<const char *> words)
    {
        QStringList arguments{QStringLiteral("--workspace"), m_ws, QStringLiteral("runs")};
        for (const char *word : words)
            arguments << QString::fromUtf8(word);
        return runAssay(arguments);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(QFile::exists(qEnvironmentVariable("ASSAY_CLI")));
        m_ws = m_dir.filePath(QStringLiteral("ws"));
        QDir().mkpath(m_ws);
        QCOMPARE(runAssay(args({"init", "."}), m_ws).exitCode, 0);
        const QString store = m_dir.filePath(QStringLiteral("mlruns"));
        writeStore(store);
        const auto imported = runAssay({QStringLiteral("--workspace"), m_ws, QStringLiteral("runs"),
                                        QStringLiteral("import-mlflow"), store});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY(imported.out.contains(QLatin1String("4 new")));
        const auto again =
            runAssay({QStringLiteral("--workspace"), m_ws, QStringLiteral("--json"),
                      QStringLiteral("runs"), QStringLiteral("import-mlflow"), store});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(parseJson(again.out).value(QStringLiteral("updated")).toInt(), 4);
    }

    void helpHasAnExample()
    {
        const auto help = runAssay(args({"help", "runs list"}));
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QLatin1String("example:")));
    }

    void listsNewestFirstWithJsonShape()
    {
        const auto outcome = runs({"list", "--json"});
        QCOMPARE(outcome.exitCode, 0);
        const QJsonArray list = parseArray(outcome.out);
        QCOMPARE(ids(list), args({"delta", "gamma", "beta", "alpha"}));
        const QJsonObject alpha = list.last().toObject();
        QCOMPARE(alpha.value(QStringLiteral("run_id")).toString(),
                 QStringLiteral("11111111aaaaaaaaaaaaaaaaaaaaaaaa"));
        QCOMPARE(alpha.value(QStringLiteral("experiment")).toString(), QStringLiteral("credit"));
        QCOMPARE(alpha.value(QStringLiteral("status")).toString(), QStringLiteral("FINISHED"));
        QCOMPARE(alpha.value(QStringLiteral("start_time")).toInteger(), 1000);
        QCOMPARE(alpha.value(QStringLiteral("end_time")).toInteger(), 1500);
        QCOMPARE(alpha.value(QStringLiteral("params"))
                     .toObject()
                     .value(QStringLiteral("max_depth"))
                     .toString(),
                 QStringLiteral("6"));
        QCOMPARE(alpha.value(QStringLiteral("metrics"))
                     .toObject()
                     .value(QStringLiteral("auc"))
                     .toDouble(),
                 0.91);
        QCOMPARE(
            alpha.value(QStringLiteral("tags")).toObject().value(QStringLiteral("team")).toString(),
            QStringLiteral("risk"));
        const QJsonObject gamma = list[1].toObject();
        QCOMPARE(gamma.value(QStringLiteral("metrics"))
                     .toObject()
                     .value(QStringLiteral("auc"))
                     .toString(),
                 QStringLiteral("NaN"));

        const auto table = runs({"list"});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.startsWith(QLatin1String("RUN ")));
        QVERIFY(table.out.contains(QLatin1String("11111111  credit")));
        QVERIFY(table.out.contains(QLatin1String("4 runs")));
    }

    void filtersInMlflowSyntax()
    {
        QCOMPARE(listNames({"--filter",
                            "metrics.auc > 0.8 and params.max_depth = '6' and tags.team = 'risk'"}),
                 args({"alpha"}));
        QCOMPARE(listNames({"--filter", "attributes.status = 'FAILED'"}), args({"gamma"}));
        QCOMPARE(listNames({"--filter",
                            "tags.team = 'ops' or metrics.auc < 0.8 and params.max_depth = '4'"}),
                 args({"delta", "gamma", "beta"}));
        QCOMPARE(listNames({"--filter",
                            "(tags.team = 'ops' or metrics.auc < 0.8) and params.max_depth = '4'"}),
                 args({"beta"}));
        QCOMPARE(
            listNames({"--filter", "attributes.run_name LIKE '%ta' and metrics.`f1 score` >= 0.6"}),
            args({"delta", "beta"}));
        QCOMPARE(listNames({"--filter", "params.max_depth IN ('4','8') and start_time >= 2000"}),
                 args({"delta", "beta"}));
        QCOMPARE(listNames({"--filter", "tags.team ILIKE 'RISK'", "--experiment", "credit"}),
                 args({"beta", "alpha"}));
        QCOMPARE(listNames({"--experiment", "nope"}), QStringList());
    }

    void sortsByMetricParamAndName()
    {
        QCOMPARE(listNames({"--sort", "metrics.auc", "--desc"}),
                 args({"alpha", "delta", "beta", "gamma"}));
        QCOMPARE(listNames({"--sort", "metrics.auc"}), args({"beta", "delta", "alpha", "gamma"}));
        QCOMPARE(listNames({"--sort", "name"}), args({"alpha", "beta", "delta", "gamma"}));
        QCOMPARE(listNames({"--sort", "params.max_depth", "--desc"}).first(),
                 QStringLiteral("delta"));
        QCOMPARE(listNames({"--sort", "start_time"}), args({"alpha", "beta", "gamma", "delta"}));
    }

    void malformedFilterExits2WithTheColumn()
    {
        const auto outcome = runs({"list", "--filter", "metrics.auc >  and tags.team = 'x'"});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains(QLatin1String("filter:1:16: expected a value after '>'")),
                 qPrintable(outcome.err));
        QVERIFY(outcome.err.contains(QLatin1String("\n                 ^")));
        QVERIFY(outcome.out.isEmpty());
        QCOMPARE(runs({"list", "--sort", "bogus"}).exitCode, 2);
        QCOMPARE(runs({"list", "--deleted", "--all"}).exitCode, 2);
    }

    void showAcceptsPrefixAndName()
    {
        const auto byPrefix = runs({"show", "11111111aa", "--json"});
        QCOMPARE(byPrefix.exitCode, 0);
        const QJsonObject run = parseJson(byPrefix.out);
        QCOMPARE(run.value(QStringLiteral("name")).toString(), QStringLiteral("alpha"));
        QCOMPARE(run.value(QStringLiteral("user")).toString(), QStringLiteral("alice"));
        QCOMPARE(run.value(QStringLiteral("origin")).toString(), QStringLiteral("mlflow"));
        const auto byName = runs({"show", "delta"});
        QCOMPARE(byName.exitCode, 0);
        QVERIFY(byName.out.contains(QLatin1String("run 33333333dddddddddddddddddddddddd")));
        QVERIFY(byName.out.contains(QLatin1String("max_depth")));

        const auto ambiguous = runs({"show", "111111"});
        QCOMPARE(ambiguous.exitCode, 2);
        QVERIFY(ambiguous.err.contains(QLatin1String("ambiguous")));
        QCOMPARE(runs({"show", "nosuchrun"}).exitCode, 2);
        QCOMPARE(runs({"show", "11111"}).exitCode, 2); // prefixes need 6 characters
    }

    void metricHistoryAsJson()
    {
        const auto outcome = runs({"metric", "gamma", "auc", "--json"});
        QCOMPARE(outcome.exitCode, 0);
        const QJsonArray points = parseArray(outcome.out);
        QCOMPARE(points.size(), 2);
        QCOMPARE(points[0].toObject().value(QStringLiteral("step")).toInt(), 0);
        QCOMPARE(points[0].toObject().value(QStringLiteral("timestamp")).toInteger(), 10);
        QCOMPARE(points[0].toObject().value(QStringLiteral("value")).toDouble(), 0.5);
        QCOMPARE(points[1].toObject().value(QStringLiteral("value")).toString(),
                 QStringLiteral("NaN"));
        QCOMPARE(runs({"metric", "gamma", "nope"}).exitCode, 2);
    }

    void compareListsDifferencesUnlessAll()
    {
        const auto outcome = runs({"compare", "alpha", "beta", "--json"});
        QCOMPARE(outcome.exitCode, 0);
        QStringList fields;
        for (const auto &f : parseJson(outcome.out).value(QStringLiteral("fields")).toArray())
            fields << f.toObject().value(QStringLiteral("field")).toString();
        QVERIFY(fields.contains(QStringLiteral("params.max_depth")));
        QVERIFY(fields.contains(QStringLiteral("metrics.auc")));
        QVERIFY(!fields.contains(QStringLiteral("params.lr")));
        QVERIFY(!fields.contains(QStringLiteral("tags.team")));
        const auto all = runs({"compare", "alpha", "beta", "--all"});
        QCOMPARE(all.exitCode, 0);
        QVERIFY(all.out.contains(QLatin1String("params.lr")));
        QCOMPARE(runs({"compare", "alpha"}).exitCode, 2);
    }

    void deleteHidesAndRestoreBrings()
    {
        QCOMPARE(runs({"delete", "beta"}).exitCode, 0);
        QCOMPARE(listNames({}), args({"delta", "gamma", "alpha"}));
        QCOMPARE(listNames({"--deleted"}), args({"beta"}));
        QCOMPARE(listNames({"--all"}).size(), 4);
        QCOMPARE(runs({"restore", "beta"}).exitCode, 0);
        QCOMPARE(listNames({}).size(), 4);
        QCOMPARE(runs({"delete", "missing-run"}).exitCode, 2);
    }

    void exportsCsvWithAColumnPerKey()
    {
        const auto outcome = runs({"export", "--format", "csv", "--sort", "name"});
        QCOMPARE(outcome.exitCode, 0);
        const QStringList lines = outcome.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 5);
        QCOMPARE(
            lines[0],
            QStringLiteral("run_id,experiment,name,status,start_time,end_time,user,deleted,"
                           "params.lr,params.max_depth,metrics.auc,metrics.f1 score,tags.team"));
        QCOMPARE(
            lines[1],
            QStringLiteral("11111111aaaaaaaaaaaaaaaaaaaaaaaa,credit,alpha,FINISHED,1000,1500,alice,"
                           "false,0.1,6,0.91,0.6,risk"));
        QCOMPARE(runs({"export", "--format", "xml"}).exitCode, 2);

        const QString file = m_dir.filePath(QStringLiteral("runs.csv"));
        const QByteArray filePath = file.toUtf8();
        const auto written =
            runs({"export", "--format", "csv", "--sort", "name", "--output", filePath.constData()});
        QCOMPARE(written.exitCode, 0);
        QFile csv(file);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(csv.readAll()).trimmed(), outcome.out.trimmed());
        // A folder that does not exist: exit 2 naming it, nothing written.
        const QString missing = m_dir.filePath(QStringLiteral("no/such/runs.csv"));
        const QByteArray missingPath = missing.toUtf8();
        const auto refused = runs({"export", "--output", missingPath.constData()});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.err.contains(QStringLiteral("no/such")));
        QVERIFY(!QFile::exists(missing));
    }

    void unreadableStoreExits2NamingTheFile()
    {
        const QString store = m_dir.filePath(QStringLiteral("bad"));
        writeStore(store);
        const QString metric =
            store + QStringLiteral("/1/11111111aaaaaaaaaaaaaaaaaaaaaaaa/metrics/auc");
        writeBytes(metric, "10 0.5 0\noops\n");
        const auto outcome = runAssay({QStringLiteral("--workspace"), m_ws, QStringLiteral("runs"),
                                       QStringLiteral("import-mlflow"), store});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains(metric + QStringLiteral(":2:")), qPrintable(outcome.err));
        QCOMPARE(runs({"import-mlflow", "/nonexistent/mlruns"}).exitCode, 2);
    }
};

QTEST_MAIN(TestRunsCli)
#include "test_runs_cli.moc"
