// `assay audit ...` through the real binary: checkpoints and the key, the log with its filters
// and --json shape, verify's exit codes (0 intact, 1 broken, 2 bad input).
#include "support/cli_runner.h"
#include "workspace/database.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using assay::testing::args;
using assay::testing::parseJson;
using assay::testing::runAssay;

namespace {

QJsonArray parseArray(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

QList<qint64> seqsOf(const QJsonArray &entries)
{
    QList<qint64> seqs;
    for (const auto &entry : entries)
        seqs << entry.toObject().value(QStringLiteral("seq")).toInteger();
    return seqs;
}

} // namespace

class TestAuditCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_ws;
    QString m_key;
    QString m_publicKey;

    assay::testing::CliOutcome audit(QStringList words)
    {
        return runAssay(QStringList{QStringLiteral("--workspace"), m_ws, QStringLiteral("audit")} +
                        words);
    }

    void checkpointAs(const char *user)
    {
        qputenv("ASSAY_USER", user);
        const auto signedHead = audit(args({"checkpoint", "--json"}));
        qunsetenv("ASSAY_USER");
        QCOMPARE(signedHead.exitCode, 0);
        const auto result = parseJson(signedHead.out);
        QCOMPARE(result.value(QStringLiteral("key_file")).toString(), m_key);
        m_publicKey = result.value(QStringLiteral("public_key")).toString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_ws = m_dir.filePath(QStringLiteral("ws"));
        m_key = m_dir.filePath(QStringLiteral("keys/audit.key"));
        qputenv("ASSAY_AUDIT_KEY", m_key.toUtf8());
        QCOMPARE(runAssay(args({"init"}) << m_ws).exitCode, 0);
    }

    void emptyLogIsIntact()
    {
        const auto verify = audit(args({"verify"}));
        QCOMPARE(verify.exitCode, 0);
        QCOMPARE(verify.out.trimmed(),
                 QStringLiteral("audit chain intact: 0 entries, 0 checkpoints"));
        const auto log = audit(args({"log"}));
        QCOMPARE(log.exitCode, 0);
        QCOMPARE(log.out.trimmed(), QStringLiteral("no audit entries"));
    }

    void checkpointCreatesTheKeyAndSigns()
    {
        QVERIFY(!QFile::exists(m_key));
        checkpointAs("alice");
        QVERIFY(QFile::exists(m_key));
        const auto permissions = QFile::permissions(m_key);
        QVERIFY(permissions.testFlag(QFile::ReadOwner));
        QVERIFY(!(permissions &
                  (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther)));
        checkpointAs("bob");
        checkpointAs("alice");

        const auto key = audit(args({"key"}));
        QCOMPARE(key.exitCode, 0);
        QCOMPARE(key.out.trimmed(), m_publicKey);

        const auto verify = audit(
            QStringList{QStringLiteral("verify"), QStringLiteral("--public-key"), m_publicKey});
        QCOMPARE(verify.exitCode, 0);
        QVERIFY2(
            verify.out.startsWith(QStringLiteral("audit chain intact: 3 entries, 3 checkpoints")),
            qPrintable(verify.out));
    }

    void logJsonAndFilters()
    {
        const auto all = audit(args({"log", "--json"}));
        QCOMPARE(all.exitCode, 0);
        const auto entries = parseArray(all.out);
        QCOMPARE(seqsOf(entries), (QList<qint64>{1, 2, 3}));
        const auto first = entries.first().toObject();
        for (const char *field : {"seq", "time", "actor", "action", "object", "outcome", "details",
                                  "prev_hash", "hash"})
            QVERIFY2(first.contains(QLatin1String(field)), field);
        QCOMPARE(first.value(QStringLiteral("action")).toString(),
                 QStringLiteral("audit.checkpoint"));
        QCOMPARE(first.value(QStringLiteral("actor")).toString(), QStringLiteral("alice"));
        QCOMPARE(first.value(QStringLiteral("outcome")).toString(), QStringLiteral("ok"));
        QCOMPARE(first.value(QStringLiteral("prev_hash")).toString(),
                 QString(64, QLatin1Char('0')));
        QCOMPARE(first.value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("public_key"))
                     .toString(),
                 m_publicKey);

        QCOMPARE(seqsOf(parseArray(audit(args({"log", "--json", "--actor", "bob"})).out)),
                 QList<qint64>{2});
        QCOMPARE(seqsOf(parseArray(audit(args({"log", "--json", "--action", "audit"})).out)),
                 (QList<qint64>{1, 2, 3}));
        QCOMPARE(seqsOf(parseArray(audit(args({"log", "--json", "--limit", "2"})).out)),
                 (QList<qint64>{2, 3}));

        const auto table = audit(args({"log"}));
        QCOMPARE(table.exitCode, 0);
        const auto lines = table.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines[0].startsWith(QStringLiteral("SEQ  TIME")));
        QVERIFY(lines[0].contains(QStringLiteral("OUTCOME")));
        QVERIFY(lines[2].contains(QStringLiteral("bob")) &&
                lines[2].contains(QStringLiteral("audit.checkpoint")));
    }

    // Moving entry 1 back in time breaks the chain there; --since then selects by that time.
    void sinceFilterAndABrokenChain()
    {
        {
            auto db = assay::workspace::Database::open(
                (m_ws + QStringLiteral("/.assay/assay.db")).toStdString());
            QVERIFY(db.ok());
            QVERIFY((*db)
                        ->execute(
                            "UPDATE audit_log SET time = '2026-01-01T00:00:00.000Z' WHERE seq = 1")
                        .ok());
        }
        const auto since = audit(args({"log", "--json", "--since", "2026-01-02T00:00:00Z"}));
        QCOMPARE(since.exitCode, 0);
        QCOMPARE(seqsOf(parseArray(since.out)), (QList<qint64>{2, 3}));
        const auto before = audit(args({"log", "--json", "--since", "2025-12-31"}));
        QCOMPARE(seqsOf(parseArray(before.out)), (QList<qint64>{1, 2, 3}));

        const auto verify = audit(args({"verify"}));
        QCOMPARE(verify.exitCode, 1);
        QCOMPARE(
            verify.out.trimmed(),
            QStringLiteral(
                "audit chain broken: entry 1 was edited: its contents no longer match its hash"));
        const auto json = audit(args({"verify", "--json"}));
        QCOMPARE(json.exitCode, 1);
        const auto verdict = parseJson(json.out);
        QCOMPARE(verdict.value(QStringLiteral("intact")).toBool(true), false);
        QCOMPARE(verdict.value(QStringLiteral("first_broken")).toInteger(), 1);
        QCOMPARE(verdict.value(QStringLiteral("entries")).toInteger(), 3);
        QVERIFY(
            verdict.value(QStringLiteral("problem")).toString().contains(QStringLiteral("edited")));
    }

    void anotherKeyIsNotTrusted()
    {
        const QString other = m_dir.filePath(QStringLiteral("keys/other.key"));
        const auto key = audit(QStringList{QStringLiteral("key"), QStringLiteral("--key"), other});
        QCOMPARE(key.exitCode, 0);
        const QString otherPublic = key.out.trimmed();
        QCOMPARE(otherPublic.size(), 64);
        QVERIFY(otherPublic != m_publicKey);
        // A fresh workspace whose log is signed by the default key, verified against another.
        const QString ws = m_dir.filePath(QStringLiteral("ws2"));
        QCOMPARE(runAssay(args({"init"}) << ws).exitCode, 0);
        QCOMPARE(runAssay(QStringList{QStringLiteral("--workspace"), ws, QStringLiteral("audit"),
                                      QStringLiteral("checkpoint")})
                     .exitCode,
                 0);
        const auto verify = runAssay(QStringList{QStringLiteral("--workspace"), ws,
                                                 QStringLiteral("audit"), QStringLiteral("verify"),
                                                 QStringLiteral("--public-key"), otherPublic});
        QCOMPARE(verify.exitCode, 1);
        QVERIFY2(verify.out.contains(QStringLiteral("not by the trusted key")),
                 qPrintable(verify.out));
    }

    void badInputExitsTwo()
    {
        QCOMPARE(audit(args({"log", "--limit", "many"})).exitCode, 2);
        const auto since = audit(args({"log", "--since", "last week"}));
        QCOMPARE(since.exitCode, 2);
        QVERIFY(since.err.contains(QStringLiteral("last week")));
        QCOMPARE(audit(args({"verify", "--public-key", "abc"})).exitCode, 2);
        QCOMPARE(audit(args({"verify", "extra"})).exitCode, 2);
        const QString broken = m_dir.filePath(QStringLiteral("keys/broken.key"));
        QVERIFY(assay::testing::writeBytes(broken, "not a key\n"));
        const auto key = audit(QStringList{QStringLiteral("key"), QStringLiteral("--key"), broken});
        QCOMPARE(key.exitCode, 2);
        QVERIFY(key.err.contains(broken));
    }
};

QTEST_GUILESS_MAIN(TestAuditCli)
#include "test_audit_cli.moc"
