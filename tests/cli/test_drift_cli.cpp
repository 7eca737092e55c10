// `assay drift` through the real binary: exit codes, JSON, warnings and bad input.
#include "support/cli_runner.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using assay::testing::parseJson;
using assay::testing::runAssay;

namespace {

QString writeCsv(const QTemporaryDir &dir, const char *name, const QByteArray &bytes)
{
    const QString path = dir.filePath(QString::fromUtf8(name));
    if (!assay::testing::writeBytes(path, bytes))
        qFatal("cannot write %s", name);
    return path;
}

QByteArray rows(const char *header, int count, const std::function<QByteArray(int)> &row)
{
    QByteArray csv = QByteArray(header) + "\n";
    for (int i = 0; i < count; ++i)
        csv += row(i) + "\n";
    return csv;
}

} // namespace

class TestDriftCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_reference, m_same, m_shifted;

private slots:
    void initTestCase()
    {
        QVERIFY(QFile::exists(qEnvironmentVariable("ASSAY_CLI")));
        m_reference = writeCsv(m_dir, "ref.csv", rows("amount,region,only_ref", 200, [](int i) {
            return QByteArray::number(i % 50) + "," + (i % 2 ? "north" : "south") + ",1";
        }));
        m_same = writeCsv(m_dir, "same.csv", rows("amount,region,only_cur", 150, [](int i) {
            return QByteArray::number((i * 7) % 50) + "," + (i % 2 ? "north" : "south") + ",2";
        }));
        m_shifted = writeCsv(m_dir, "shifted.csv", rows("amount,region", 150, [](int i) {
            return QByteArray::number(40 + i % 50) + "," + (i % 5 ? "north" : "south");
        }));
    }

    void helpHasAnExample()
    {
        const auto help = runAssay({QStringLiteral("help"), QStringLiteral("drift")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QLatin1String("example:")));
    }

    void noDriftExitsZeroAndReportsOneSidedColumns()
    {
        const auto run = runAssay({QStringLiteral("drift"), m_reference, m_same, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = parseJson(run.out);
        QCOMPARE(json.value(QStringLiteral("dataset_drift")).toBool(), false);
        QCOMPARE(json.value(QStringLiteral("reference_only")).toArray().first().toString(), QStringLiteral("only_ref"));
        QCOMPARE(json.value(QStringLiteral("current_only")).toArray().first().toString(), QStringLiteral("only_cur"));
        QVERIFY(run.err.contains(QLatin1String("'only_ref' is only in")));
        const QJsonArray columns = json.value(QStringLiteral("columns")).toArray();
        QCOMPARE(columns.size(), 2);
        const QJsonObject amount = columns[0].toObject();
        QCOMPARE(amount.value(QStringLiteral("test")).toString(), QStringLiteral("ks"));
        for (const char *key : {"name", "type", "statistic", "p_value", "threshold", "drifted", "detail",
                                "missing_share", "distribution"})
            QVERIFY2(amount.contains(QLatin1String(key)), key);
    }

    void driftExitsOneAndSortsDriftedFirst()
    {
        const auto json = runAssay({QStringLiteral("drift"), m_reference, m_shifted, QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 1);
        QCOMPARE(parseJson(json.out).value(QStringLiteral("drifted_columns")).toInt(), 2);
        const auto human = runAssay({QStringLiteral("drift"), m_reference, m_shifted, QStringLiteral("--columns"),
                                     QStringLiteral("region,amount")});
        QCOMPARE(human.exitCode, 1);
        QVERIFY(human.out.startsWith(QLatin1String("DRIFT: 2 of 2")));
        // A higher threshold share keeps the verdict off.
        const auto lenient = runAssay({QStringLiteral("drift"), m_reference, m_shifted, QStringLiteral("--test"),
                                       QStringLiteral("psi"), QStringLiteral("--threshold"), QStringLiteral("100")});
        QCOMPARE(lenient.exitCode, 0);
    }

    void badInputExitsTwoWithAReason()
    {
        const QString numeric = writeCsv(m_dir, "numeric.csv", "id,score\n1,2.5\n2,3.5\n");
        const QString text = writeCsv(m_dir, "text.csv", "id,score\n1,high\n2,low\n");
        const QString empty = writeCsv(m_dir, "empty.csv", "");
        const QString other = writeCsv(m_dir, "other.csv", "a,b\n1,2\n");
        struct Case {
            QStringList arguments;
            QStringList mentions;
        } cases[] = {
            {{numeric, text}, {QStringLiteral("'score'"), QStringLiteral("numeric.csv"), QStringLiteral("text.csv"),
                               QStringLiteral("float"), QStringLiteral("string")}},
            {{empty, numeric}, {QStringLiteral("empty.csv")}},
            {{numeric, empty}, {QStringLiteral("empty.csv")}},
            {{numeric, other}, {QStringLiteral("share no column")}},
            {{numeric, numeric, QStringLiteral("--columns"), QStringLiteral("id,nope")}, {QStringLiteral("'nope'")}},
            {{numeric, numeric, QStringLiteral("--test"), QStringLiteral("t-test")}, {QStringLiteral("--test")}},
            {{numeric, numeric, QStringLiteral("--threshold"), QStringLiteral("abc")}, {QStringLiteral("--threshold")}},
            {{numeric, numeric, QStringLiteral("--drift-share"), QStringLiteral("2")}, {QStringLiteral("--drift-share")}},
            {{numeric}, {QStringLiteral("REFERENCE and CURRENT")}},
            {{numeric, m_dir.filePath(QStringLiteral("missing.csv"))}, {QStringLiteral("missing.csv")}},
        };
        for (const auto &c : cases) {
            const auto run = runAssay(QStringList{QStringLiteral("drift")} + c.arguments);
            const QString what = c.arguments.join(QLatin1Char(' ')) + QStringLiteral(" → ") + run.err;
            QVERIFY2(run.exitCode == 2, qPrintable(what));
            QVERIFY2(run.out.isEmpty(), qPrintable(what));
            for (const auto &mention : c.mentions)
                QVERIFY2(run.err.contains(mention), qPrintable(what));
        }
    }
};

QTEST_GUILESS_MAIN(TestDriftCli)
#include "test_drift_cli.moc"
