// The audit chain: appending, canonical form, filters, and verification against tampering done
// straight in SQLite (edit, delete, insert, reorder, cut tail, rewrite with another key).
#include "govern/audit_log.h"
#include "workspace/database.h"

#include "support/files.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <sys/stat.h>

using namespace assay;
using assay::testing::pathOf;
using assay::testing::slurp;
using assay::testing::writeFile;
namespace fs = std::filesystem;

namespace {

std::unique_ptr<workspace::Database> openDatabase(const QTemporaryDir &dir)
{
    auto db = workspace::Database::open(pathOf(dir) / "assay.db");
    if (!db || !(*db)->migrate())
        return nullptr;
    return std::move(*db);
}

// Appends `count` entries: actors alternate, actions cycle through three areas.
void appendEntries(workspace::Database &db, int count)
{
    static const char *const actions[] = {"data.add", "run.create", "registry.promote"};
    for (int i = 1; i <= count; ++i) {
        const Status status =
            govern::appendAudit(db, {.actor = i % 2 ? "alice" : "bob",
                                     .action = actions[(i - 1) % 3],
                                     .object = "object-" + std::to_string(i),
                                     .refused = i == 5,
                                     .detailsJson = "{\"n\":" + std::to_string(i) + "}"});
        QVERIFY2(status.ok(), status.ok() ? "" : status.error().message.c_str());
    }
}

std::vector<govern::AuditEntry> allEntries(workspace::Database &db)
{
    auto entries = govern::readAudit(db);
    return entries ? *entries : std::vector<govern::AuditEntry>{};
}

void exec(workspace::Database &db, const std::string &sql)
{
    const Status status = db.execute(sql);
    QVERIFY2(status.ok(), status.ok() ? "" : status.error().message.c_str());
}

void insertRow(workspace::Database &db, const govern::AuditEntry &e)
{
    auto insert = db.prepare("INSERT INTO audit_log (seq, time, actor, action, object, outcome, "
                             "details, prev_hash, hash) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)");
    QVERIFY(insert.ok());
    insert->bind(1, e.seq).bind(2, e.time).bind(3, e.actor).bind(4, e.action).bind(5, e.object);
    insert->bind(6, e.outcome).bind(7, e.details).bind(8, e.prevHash).bind(9, e.hash);
    QVERIFY(insert->run().ok());
}

// An entry a forger who knows the algorithm writes: correctly hashed after `prevHash`.
govern::AuditEntry forged(std::int64_t seq, const std::string &prevHash)
{
    govern::AuditEntry entry{.seq = seq,
                             .time = "2026-01-01T00:00:00.000Z",
                             .actor = "mallory",
                             .action = "data.add",
                             .object = "forged",
                             .outcome = "ok",
                             .details = "{}",
                             .prevHash = prevHash,
                             .hash = {}};
    entry.hash = govern::auditEntryHash(entry);
    return entry;
}

// Rewrites every hash from `fromSeq` on, as someone with write access who knows the format can.
void rehashFrom(workspace::Database &db, std::int64_t fromSeq)
{
    auto entries = allEntries(db);
    std::string previous = std::string(64, '0');
    for (auto &entry : entries) {
        if (entry.seq >= fromSeq) {
            entry.prevHash = previous;
            entry.hash = govern::auditEntryHash(entry);
            auto update =
                db.prepare("UPDATE audit_log SET prev_hash = ?1, hash = ?2 WHERE seq = ?3");
            QVERIFY(update.ok());
            update->bind(1, entry.prevHash).bind(2, entry.hash).bind(3, entry.seq);
            QVERIFY(update->run().ok());
        }
        previous = entry.hash;
    }
}

std::string hashAt(workspace::Database &db, std::int64_t seq)
{
    for (const auto &entry : allEntries(db))
        if (entry.seq == seq)
            return entry.hash;
    return {};
}

} // namespace

class TestAuditLog : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_keys;

    fs::path keyPath(const char *name) const { return pathOf(m_keys) / name; }

private slots:
    void appendedChainVerifies()
    {
        QTemporaryDir dir;
        auto db = openDatabase(dir);
        QVERIFY(db);
        auto empty = govern::verifyAudit(*db);
        QVERIFY(empty.ok() && empty->intact && empty->entries == 0);

        appendEntries(*db, 10);
        const auto entries = allEntries(*db);
        QCOMPARE(entries.size(), std::size_t(10));
        QCOMPARE(entries.front().prevHash, std::string(64, '0'));
        const QRegularExpression isoUtcMs(
            QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
        for (std::size_t i = 0; i < entries.size(); ++i) {
            QCOMPARE(entries[i].seq, std::int64_t(i + 1));
            QVERIFY(isoUtcMs.match(QString::fromStdString(entries[i].time)).hasMatch());
            QCOMPARE(entries[i].hash, govern::auditEntryHash(entries[i]));
            QCOMPARE(entries[i].hash.size(), std::size_t(64));
            if (i > 0)
                QCOMPARE(entries[i].prevHash, entries[i - 1].hash);
        }
        QCOMPARE(entries[4].outcome, std::string("refused"));
        QCOMPARE(entries[3].outcome, std::string("ok"));

        auto verdict = govern::verifyAudit(*db);
        QVERIFY(verdict.ok());
        QVERIFY2(verdict->intact, verdict->problem.c_str());
        QCOMPARE(verdict->entries, std::int64_t(10));
        QVERIFY(!verdict->firstBroken);
        QCOMPARE(verdict->checkpoints, std::int64_t(0));
    }

    void detailsAreCanonicalSoKeyOrderDoesNotChangeTheHash()
    {
        auto a = govern::canonicalAuditDetails(R"({"b": 1, "a": {"y": [1, 2], "x": "s"}})");
        auto b = govern::canonicalAuditDetails(R"({"a":{"x":"s","y":[1,2]},"b":1})");
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(*a, std::string(R"({"a":{"x":"s","y":[1,2]},"b":1})"));
        QCOMPARE(*a, *b);
        QCOMPARE(govern::canonicalAuditDetails("").value(), std::string("{}"));
        QCOMPARE(govern::canonicalAuditDetails("[1]").error().kind, ErrorKind::InvalidInput);
        QCOMPARE(govern::canonicalAuditDetails("{oops").error().kind, ErrorKind::InvalidInput);

        QTemporaryDir dir;
        auto db = openDatabase(dir);
        QVERIFY(db);
        QVERIFY(govern::appendAudit(*db, {.actor = "alice",
                                          .action = "card.edit",
                                          .object = "m",
                                          .refused = false,
                                          .detailsJson = R"({"z":1,"a":2})"})
                    .ok());
        QCOMPARE(allEntries(*db).front().details, std::string(R"({"a":2,"z":1})"));
        const Status bad = govern::appendAudit(*db, {.actor = "alice",
                                                     .action = "card.edit",
                                                     .object = "m",
                                                     .refused = false,
                                                     .detailsJson = "not json"});
        QCOMPARE(bad.error().kind, ErrorKind::InvalidInput);
        QCOMPARE(allEntries(*db).size(), std::size_t(1));
    }

    void fieldsCannotBleedIntoEachOther()
    {
        govern::AuditEntry one{.seq = 1,
                               .time = "t",
                               .actor = "ab",
                               .action = "c",
                               .object = "",
                               .outcome = "ok",
                               .details = "{}",
                               .prevHash = std::string(64, '0'),
                               .hash = {}};
        govern::AuditEntry two = one;
        two.actor = "a";
        two.action = "bc";
        QVERIFY(govern::auditCanonicalBytes(one) != govern::auditCanonicalBytes(two));
        QVERIFY(govern::auditEntryHash(one) != govern::auditEntryHash(two));
        // The layout the header documents: 8-byte big-endian length, then the bytes.
        const std::string bytes = govern::auditCanonicalBytes(one);
        QCOMPARE(bytes.substr(0, 9), std::string("\0\0\0\0\0\0\0\x01"
                                                 "1",
                                                 9));
    }

    void appendFollowsTheCallersTransaction()
    {
        QTemporaryDir dir;
        auto db = openDatabase(dir);
        QVERIFY(db);
        const Status rolledBack = db->transaction([&]() -> Status {
            ASSAY_TRY(govern::appendAudit(*db, {.actor = "alice",
                                                .action = "data.add",
                                                .object = "a.csv",
                                                .refused = false,
                                                .detailsJson = "{}"}));
            return Error::invalidInput("the change failed");
        });
        QVERIFY(!rolledBack.ok());
        QVERIFY(allEntries(*db).empty());

        const Status committed = db->transaction([&]() -> Status {
            return govern::appendAudit(*db, {.actor = "alice",
                                             .action = "data.add",
                                             .object = "b.csv",
                                             .refused = false,
                                             .detailsJson = "{}"});
        });
        QVERIFY(committed.ok());
        const auto entries = allEntries(*db);
        QCOMPARE(entries.size(), std::size_t(1));
        QCOMPARE(entries.front().seq, std::int64_t(1));
        QCOMPARE(entries.front().object, std::string("b.csv"));
    }

    void readFilters()
    {
        QTemporaryDir dir;
        auto db = openDatabase(dir);
        QVERIFY(db);
        appendEntries(*db, 9);
        exec(*db,
             "UPDATE audit_log SET time = '2026-01-0' || seq || 'T12:00:00.000Z' WHERE seq <= 3");
        exec(*db,
             "UPDATE audit_log SET time = '2026-02-0' || seq || 'T12:00:00.000Z' WHERE seq > 3");

        auto seqs = [&](const govern::AuditQuery &query) {
            std::vector<std::int64_t> list;
            auto entries = govern::readAudit(*db, query);
            if (entries)
                for (const auto &entry : *entries)
                    list.push_back(entry.seq);
            return list;
        };
        using Seqs = std::vector<std::int64_t>;
        QCOMPARE(seqs({.action = "registry.promote"}), (Seqs{3, 6, 9}));
        QCOMPARE(seqs({.action = "registry."}), (Seqs{3, 6, 9}));
        QCOMPARE(seqs({.action = "registry"}), Seqs{}); // neither an action nor a prefix
        QCOMPARE(seqs({.actor = "bob"}), (Seqs{2, 4, 6, 8}));
        QCOMPARE(seqs({.object = "object-7"}), (Seqs{7}));
        QCOMPARE(seqs({.limit = 3}), (Seqs{7, 8, 9}));
        QCOMPARE(seqs({.action = "data.", .limit = 2}), (Seqs{4, 7}));
        QCOMPARE(seqs({.since = "2026-01-15T00:00:00Z"}), (Seqs{4, 5, 6, 7, 8, 9}));
        QCOMPARE(seqs({.since = "2026-02-05T12:00:00.000Z"}), (Seqs{5, 6, 7, 8, 9}));
        QCOMPARE(seqs({.since = "2026-02-05 13:00:00+01:00"}), (Seqs{5, 6, 7, 8, 9}));
        QCOMPARE(seqs({.since = "2025-12-31"}).size(), std::size_t(9));
        QCOMPARE(seqs({.since = "2026-03-01"}), Seqs{});
        auto bad = govern::readAudit(*db, {.since = "last tuesday"});
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind, ErrorKind::InvalidInput);
        QVERIFY(bad.error().message.find("last tuesday") != std::string::npos);
    }

    // Each tampering, done straight in SQLite on a chain of 10 entries, is reported at the
    // exact first seq it breaks, with a problem naming what happened.
    void tamperingIsFoundAtTheFirstBrokenEntry_data()
    {
        QTest::addColumn<int>("tamper");
        QTest::addColumn<int>("brokenSeq");
        QTest::addColumn<QString>("problem");
        QTest::newRow("edited actor") << 0 << 4 << "entry 4 was edited";
        QTest::newRow("edited details") << 1 << 6 << "entry 6 was edited";
        QTest::newRow("edited outcome") << 2 << 5 << "entry 5 was edited";
        QTest::newRow("deleted middle row") << 3 << 5 << "entry 5 is missing";
        QTest::newRow("deleted first row") << 4 << 1 << "entry 1 is missing";
        QTest::newRow("deleted rows 4-6") << 5 << 4 << "entries 4 to 6 are missing";
        QTest::newRow("deleted and renumbered") << 6 << 5 << "entry 5 does not follow entry 4";
        QTest::newRow("forged row appended, garbage hashes")
            << 7 << 11 << "entry 11 does not follow entry 10";
        QTest::newRow("forged row appended, bad hash") << 8 << 11 << "entry 11 was edited";
        QTest::newRow("forged row inserted in the middle") << 9 << 6 << "entry 6 was inserted";
        QTest::newRow("forged fork appended") << 10 << 11 << "entry 11 was inserted";
        QTest::newRow("swapped neighbours") << 11 << 3 << "entry 3 is out of order";
        QTest::newRow("swapped far apart") << 12 << 2 << "entry 2 is out of order";
        QTest::newRow("row with seq 0") << 13 << 0 << "entry 0 was inserted";
        QTest::newRow("edited and rehashed onwards") << 14 << 0 << "";
    }

    void tamperingIsFoundAtTheFirstBrokenEntry()
    {
        QFETCH(int, tamper);
        QFETCH(int, brokenSeq);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        auto db = openDatabase(dir);
        QVERIFY(db);
        appendEntries(*db, 10);
        switch (tamper) {
        case 0:
            exec(*db, "UPDATE audit_log SET actor = 'mallory' WHERE seq = 4");
            break;
        case 1:
            exec(*db, "UPDATE audit_log SET details = '{\"n\":600}' WHERE seq = 6");
            break;
        case 2:
            exec(*db, "UPDATE audit_log SET outcome = 'ok' WHERE seq = 5");
            break;
        case 3:
            exec(*db, "DELETE FROM audit_log WHERE seq = 5");
            break;
        case 4:
            exec(*db, "DELETE FROM audit_log WHERE seq = 1");
            break;
        case 5:
            exec(*db, "DELETE FROM audit_log WHERE seq BETWEEN 4 AND 6");
            break;
        case 6:
            exec(*db, "DELETE FROM audit_log WHERE seq = 5");
            exec(*db, "UPDATE audit_log SET seq = seq + 100 WHERE seq > 5");
            exec(*db, "UPDATE audit_log SET seq = seq - 101 WHERE seq > 100");
            break;
        case 7: {
            auto entry = forged(11, std::string(64, 'a'));
            entry.hash = std::string(64, 'b');
            insertRow(*db, entry);
            break;
        }
        case 8: {
            auto entry = forged(11, hashAt(*db, 10));
            entry.object = "changed after hashing";
            insertRow(*db, entry);
            break;
        }
        case 9: // rows 6..10 shifted up to make room for a well-formed forgery at 6
            exec(*db, "UPDATE audit_log SET seq = seq + 100 WHERE seq >= 6");
            exec(*db, "UPDATE audit_log SET seq = seq - 99 WHERE seq > 100");
            insertRow(*db, forged(6, hashAt(*db, 5)));
            break;
        case 10:
            insertRow(*db, forged(11, hashAt(*db, 9)));
            break;
        case 11:
            exec(*db, "UPDATE audit_log SET seq = -1 WHERE seq = 3");
            exec(*db, "UPDATE audit_log SET seq = 3 WHERE seq = 4");
            exec(*db, "UPDATE audit_log SET seq = 4 WHERE seq = -1");
            break;
        case 12:
            exec(*db, "UPDATE audit_log SET seq = -1 WHERE seq = 2");
            exec(*db, "UPDATE audit_log SET seq = 2 WHERE seq = 7");
            exec(*db, "UPDATE audit_log SET seq = 7 WHERE seq = -1");
            break;
        case 13:
            insertRow(*db, forged(0, std::string(64, '0')));
            break;
        case 14:
            // Someone who recomputes every hash after an edit is not caught without a
            // checkpoint: the documented limit (docs/audit.md).
            exec(*db, "UPDATE audit_log SET actor = 'mallory' WHERE seq = 4");
            rehashFrom(*db, 4);
            break;
        }
        auto verdict = govern::verifyAudit(*db);
        QVERIFY(verdict.ok());
        if (problem.isEmpty()) {
            QVERIFY2(verdict->intact, verdict->problem.c_str());
            return;
        }
        QVERIFY(!verdict->intact);
        QVERIFY(verdict->firstBroken);
        QCOMPARE(*verdict->firstBroken, std::int64_t(brokenSeq));
        QVERIFY2(QString::fromStdString(verdict->problem).startsWith(problem),
                 verdict->problem.c_str());
    }

    void checkpointCatchesACutTail()
    {
        QTemporaryDir dir;
        auto db = openDatabase(dir);
        QVERIFY(db);
        appendEntries(*db, 10);
        // Without a checkpoint, cutting the tail leaves a chain that verifies: the known limit.
        exec(*db, "DELETE FROM audit_log WHERE seq > 8");
        auto uncaught = govern::verifyAudit(*db);
        QVERIFY(uncaught.ok() && uncaught->intact && uncaught->entries == 8);

        auto checkpoint = govern::signCheckpoint(*db, keyPath("tail.key"), "admin");
        QVERIFY2(checkpoint.ok(), checkpoint.ok() ? "" : checkpoint.error().message.c_str());
        QCOMPARE(checkpoint->seq, std::int64_t(9)); // the checkpoint entry itself is signed
        QCOMPARE(checkpoint->hash, hashAt(*db, 9));
        const auto entries = allEntries(*db);
        QCOMPARE(entries.back().action, std::string("audit.checkpoint"));
        QCOMPARE(entries.back().actor, std::string("admin"));
        QVERIFY(entries.back().details.find(checkpoint->publicKey) != std::string::npos);
        appendEntries(*db, 2);

        auto intact = govern::verifyAudit(*db, checkpoint->publicKey);
        QVERIFY(intact.ok());
        QVERIFY2(intact->intact, intact->problem.c_str());
        QCOMPARE(intact->entries, std::int64_t(11));
        QCOMPARE(intact->checkpoints, std::int64_t(1));
        QCOMPARE(*intact->lastCheckpointSeq, std::int64_t(9));

        exec(*db, "DELETE FROM audit_log WHERE seq >= 7");
        auto cut = govern::verifyAudit(*db);
        QVERIFY(cut.ok());
        QVERIFY(!cut->intact);
        QCOMPARE(*cut->firstBroken, std::int64_t(7));
        QVERIFY2(cut->problem.starts_with("entries after entry 6 were deleted"),
                 cut->problem.c_str());
    }

    void removedOrReplacedCheckpointIsFound()
    {
        QTemporaryDir dir;
        auto db = openDatabase(dir);
        QVERIFY(db);
        appendEntries(*db, 4);
        auto checkpoint = govern::signCheckpoint(*db, keyPath("removed.key"), "admin");
        QVERIFY(checkpoint.ok());
        appendEntries(*db, 2);
        QVERIFY(govern::verifyAudit(*db)->intact);

        exec(*db, "UPDATE audit_checkpoints SET hash = '" + hashAt(*db, 4) + "'");
        auto forgedHash = govern::verifyAudit(*db);
        QVERIFY(!forgedHash->intact);
        QCOMPARE(*forgedHash->firstBroken, std::int64_t(5));
        QVERIFY2(forgedHash->problem.find("invalid signature") != std::string::npos,
                 forgedHash->problem.c_str());

        exec(*db, "DELETE FROM audit_checkpoints");
        auto removed = govern::verifyAudit(*db);
        QVERIFY(!removed->intact);
        QCOMPARE(*removed->firstBroken, std::int64_t(5));
        QVERIFY2(removed->problem.find("was removed") != std::string::npos,
                 removed->problem.c_str());
    }

    void rewriteWithAnotherKeyIsCaughtByTheTrustedKey()
    {
        QTemporaryDir dir;
        auto db = openDatabase(dir);
        QVERIFY(db);
        appendEntries(*db, 6);
        auto honest = govern::signCheckpoint(*db, keyPath("honest.key"), "admin"); // entry 7
        QVERIFY(honest.ok());
        appendEntries(*db, 3);

        // Keeping the honest checkpoint while rehashing is caught at the checkpoint.
        exec(*db, "UPDATE audit_log SET actor = 'mallory' WHERE seq = 3");
        rehashFrom(*db, 3);
        auto kept = govern::verifyAudit(*db);
        QVERIFY(!kept->intact);
        QCOMPARE(*kept->firstBroken, std::int64_t(7));
        QVERIFY2(kept->problem.find("was rewritten") != std::string::npos, kept->problem.c_str());

        // A thorough forger drops the checkpoint and its entry, rehashes, signs with a new key.
        exec(*db, "DELETE FROM audit_checkpoints");
        exec(*db, "DELETE FROM audit_log WHERE action = 'audit.checkpoint'");
        exec(*db, "UPDATE audit_log SET seq = seq + 100 WHERE seq > 7");
        exec(*db, "UPDATE audit_log SET seq = seq - 101 WHERE seq > 100");
        rehashFrom(*db, 3);
        auto resigned = govern::signCheckpoint(*db, keyPath("forger.key"), "mallory"); // entry 10
        QVERIFY(resigned.ok());
        QVERIFY(resigned->publicKey != honest->publicKey);

        auto untrusting = govern::verifyAudit(*db);
        QVERIFY2(untrusting->intact, "without a pinned key the rewrite is consistent");
        auto trusting = govern::verifyAudit(*db, honest->publicKey);
        QVERIFY(trusting.ok());
        QVERIFY(!trusting->intact);
        QCOMPARE(*trusting->firstBroken, std::int64_t(10));
        QVERIFY2(trusting->problem.find("not by the trusted key") != std::string::npos,
                 trusting->problem.c_str());

        // And with every checkpoint gone, the trusted key vouches for nothing.
        exec(*db, "DELETE FROM audit_checkpoints");
        exec(*db, "DELETE FROM audit_log WHERE seq = 10");
        auto none = govern::verifyAudit(*db, honest->publicKey);
        QVERIFY(!none->intact);
        QVERIFY(!none->firstBroken);
        QVERIFY2(none->problem.find("no checkpoint is signed by the trusted key") !=
                     std::string::npos,
                 none->problem.c_str());

        auto badKey = govern::verifyAudit(*db, std::string("xyz"));
        QCOMPARE(badKey.error().kind, ErrorKind::InvalidInput);
    }

    void keyFileIsPrivateAndNeverReplaced()
    {
        const fs::path key = keyPath("nested/dir/own.key");
        auto created = govern::createAuditKey(key);
        QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
        QCOMPARE(created->size(), std::size_t(64));
        struct stat info {};
        QCOMPARE(::stat(key.c_str(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);
        QCOMPARE(govern::auditPublicKey(key).value(), *created);

        const std::string before = slurp(key);
        auto again = govern::createAuditKey(key);
        QVERIFY(!again.ok());
        QVERIFY(again.error().message.find(key.string()) != std::string::npos);
        QCOMPARE(slurp(key), before);

        const fs::path broken = keyPath("broken.key");
        writeFile(broken, "public-key: 00\nsecret-key: zz\n");
        auto unreadable = govern::auditPublicKey(broken);
        QVERIFY(!unreadable.ok());
        QVERIFY(unreadable.error().message.starts_with(broken.string()));

        qputenv("ASSAY_AUDIT_KEY", QByteArray::fromStdString(key.string()));
        QCOMPARE(govern::defaultAuditKeyPath(), key);
        qunsetenv("ASSAY_AUDIT_KEY");
        QVERIFY(govern::defaultAuditKeyPath().string().ends_with("assay/audit-ed25519.key"));
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "test_audit_log.moc"
