// `assay monitor status|check|rules|list` through the real binary on a workspace whose logged
// rows are written straight into the database: exit codes 0/1/2 of check and the --json shapes.
#include "govern/access_control.h"
#include "monitor/feature_codec.h"
#include "monitor/monitor_config.h"
#include "workspace/workspace.h"

#include "support/cli_runner.h"
#include "support/credit_rows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using assay::testing::CreditRows;
using assay::testing::parseJson;
using assay::testing::runAssay;
using assay::testing::writeBytes;

namespace {

constexpr std::int64_t kDayNs = 86'400'000'000'000;
constexpr std::int64_t kFirstMonday = 19'723 * kDayNs; // 2024-01-01

QStringList words(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *word : list)
        out << QString::fromUtf8(word);
    return out;
}

QByteArray trainingCsv()
{
    CreditRows rows(5);
    QByteArray csv("income,debt,region,outcome\n");
    for (int i = 0; i < 3000; ++i) {
        const auto row = rows.next();
        csv += QByteArray::number(row.income) + ',' + QByteArray::number(row.debt) + ',' +
               CreditRows::regionName(row.region) + ',' + (row.risk > 0.2 ? "default" : "repaid") + '\n';
    }
    return csv;
}

} // namespace

class TestMonitorStatusCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;

    testing::CliOutcome assay(const QStringList &arguments) { return runAssay(arguments, m_root); }

    // Three weeks of 500 rows; the third week's debt is shifted.
    void storeRows()
    {
        auto ws = workspace::Workspace::open(m_root.toStdString());
        QVERIFY(ws.ok());
        auto config = monitor::configureMonitor(*ws, {.model = "credit", .reference = {}, .window = std::string("week"),
                                                      .rulesJson = {}});
        QVERIFY2(config.ok(), config.ok() ? "" : config.error().message.c_str());
        auto &db = ws->database();
        const auto status = db.transaction([&]() -> Status {
            const char *names[] = {"income", "debt", "region"};
            for (std::int64_t p = 0; p < 3; ++p) {
                auto insert = db.prepare("INSERT INTO monitor_features(monitor_id, position, name) VALUES (?, ?, ?)");
                insert->bind(1, config->id).bind(2, p).bind(3, std::string_view(names[p]));
                ASSAY_TRY(insert->run());
            }
            CreditRows draws(8);
            for (int i = 0; i < 1500; ++i) {
                const int week = i / 500;
                auto row = draws.next();
                const auto income = monitor::LoggedValue::of(row.income);
                const auto debt = monitor::LoggedValue::of(week == 2 ? row.debt + 0.8 : row.debt);
                const auto region = monitor::LoggedValue::of(std::string(CreditRows::regionName(row.region)));
                std::string blob;
                monitor::encodeFeatures({{0, &income}, {1, &debt}, {2, &region}}, blob);
                auto insert = db.prepare("INSERT INTO monitor_rows(monitor_id, ts_ns, score, features, line_hash) "
                                         "VALUES (?, ?, ?, CAST(? AS BLOB), ?)");
                insert->bind(1, config->id).bind(2, kFirstMonday + week * 7 * kDayNs + std::int64_t(i % 500) * 1'000'000'000);
                insert->bind(3, 0.5).bind(4, blob).bind(5, std::int64_t(i));
                ASSAY_TRY(insert->run());
            }
            return db.execute("UPDATE monitors SET generation = generation + 1");
        });
        QVERIFY2(status.ok(), status.ok() ? "" : status.error().message.c_str());
    }

private slots:
    void initTestCase()
    {
        m_root = m_dir.filePath(QStringLiteral("ws"));
        const auto init = runAssay({QStringLiteral("init"), m_root});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        QVERIFY(writeBytes(m_root + QStringLiteral("/data/train.csv"), trainingCsv()));
        const auto trained = assay(words({"train", "--data", "data/train.csv", "--target", "outcome", "--model",
                                          "logreg", "--name", "credit", "--seed", "1"}));
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        storeRows();
    }

    void listAndStatus()
    {
        const auto list = assay(words({"monitor", "list", "--json"}));
        QCOMPARE(list.exitCode, 0);
        const auto monitors = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(monitors.size(), 1);
        QCOMPARE(monitors[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("credit"));

        const auto status = assay(words({"monitor", "status", "--json"}));
        QVERIFY2(status.exitCode == 0, qPrintable(status.err));
        const QJsonObject report = parseJson(status.out);
        QCOMPARE(report.value(QStringLiteral("monitor")).toString(), QStringLiteral("credit"));
        QCOMPARE(report.value(QStringLiteral("window")).toString(), QStringLiteral("week"));
        const QJsonArray windows = report.value(QStringLiteral("windows")).toArray();
        QCOMPARE(windows.size(), 3);
        QCOMPARE(windows[0].toObject().value(QStringLiteral("rows")).toInt(), 500);

        const auto text = assay(words({"monitor", "status", "credit", "--window", "rows:750"}));
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("RECON ERR")), qPrintable(text.out));
        QVERIFY(text.out.contains(QStringLiteral("750")));

        QCOMPARE(assay(words({"monitor", "status", "nosuch"})).exitCode, 2);
        QCOMPARE(assay(words({"monitor", "status", "credit", "--window", "fortnight"})).exitCode, 2);
    }

    void checkExitCodes()
    {
        auto rules = assay(words({"monitor", "rules", "credit", "--set", "drifted_features >= 1", "--json"}));
        QVERIFY2(rules.exitCode == 0, qPrintable(rules.err));
        QCOMPARE(parseJson(rules.out).value(QStringLiteral("rules")).toArray().first().toString(),
                 QStringLiteral("drifted_features >= 1"));
        auto alerting = assay(words({"monitor", "check"}));
        QCOMPARE(alerting.exitCode, 1);
        QVERIFY2(alerting.out.contains(QStringLiteral("ALERT  credit")), qPrintable(alerting.out));
        QVERIFY(alerting.out.contains(QStringLiteral("drifted_features 1 at or above 1")));

        const auto json = assay(words({"monitor", "check", "credit", "--json"}));
        QCOMPARE(json.exitCode, 1);
        const auto reports = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(reports.size(), 1);
        const auto latest = reports[0].toObject().value(QStringLiteral("windows")).toArray().last().toObject();
        QCOMPARE(latest.value(QStringLiteral("alerts")).toArray().size(), 1);

        // Only debt drifts: a rule asking for three drifted features stays quiet.
        QCOMPARE(assay(words({"monitor", "rules", "credit", "--set", "drifted_features >= 3"})).exitCode, 0);
        const auto quiet = assay(words({"monitor", "check", "credit"}));
        QCOMPARE(quiet.exitCode, 0);
        QVERIFY(quiet.out.startsWith(QStringLiteral("OK     credit")));

        QCOMPARE(assay(words({"monitor", "check", "nosuch"})).exitCode, 2);
        QCOMPARE(assay(words({"monitor", "rules", "credit", "--set", "bogus_metric > 1"})).exitCode, 2);

        const auto reset = assay(words({"monitor", "rules", "credit", "--reset", "--json"}));
        QCOMPARE(reset.exitCode, 0);
        QCOMPARE(parseJson(reset.out).value(QStringLiteral("defaults")).toBool(), true);
        QCOMPARE(parseJson(reset.out).value(QStringLiteral("rules")).toArray().size(), 5);
    }

    void helpExplains()
    {
        const auto help = assay(words({"help", "monitor", "check"}));
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("assay monitor check credit-risk")));
    }
};

QTEST_GUILESS_MAIN(TestMonitorStatusCli)
#include "test_monitor_status_cli.moc"
