// Byte-exact DVC directory manifests, .dvcignore and the legacy md5-dos2unix hash.
#include "version/dir_manifest.h"
#include "version/directory_files.h"
#include "version/dvc_add.h"
#include "version/dvcignore.h"
#include "version/file_hash.h"
#include "version/legacy_hash.h"
#include "workspace/workspace.h"

#include "support/files.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace assay;
using assay::testing::pathOf;
using assay::testing::writeFile;
using assay::testing::slurp;
namespace fs = std::filesystem;

namespace {

std::string addedMd5(const fs::path &root, const std::string &relative)
{
    version::HashState state;
    auto added = version::addPath(root, relative, state);
    if (!added)
        return "error: " + added.error().message;
    return added->output.md5;
}

} // namespace

class TestDirManifest : public QObject {
    Q_OBJECT

private slots:
    void workedExamplesFromDvc_data()
    {
        QTest::addColumn<QStringList>("files"); // name=content pairs
        QTest::addColumn<QString>("expected");
        QTest::newRow("1 and 2") << QStringList{QStringLiteral("1=1"), QStringLiteral("2=2")}
                                 << QStringLiteral("5fb6b29836c388e093ca0715c872fe2a.dir");
        QTest::newRow("foo and bar")
            << QStringList{QStringLiteral("foo=foo"), QStringLiteral("bar=bar")}
            << QStringLiteral("5ea40360f5b4ec688df672a4db9c17d1.dir");
        QTest::newRow("empty") << QStringList{}
                               << QStringLiteral("d751713988987e9331980363e24189ce.dir");
        QTest::newRow("nested ordering trap")
            << QStringList{QStringLiteral("a.txt=hello\n"), QStringLiteral("sub/b.csv=x,y\n1,2\n"),
                           QStringLiteral("sub-x/c=")}
            << QStringLiteral("4f4282eb71b44b2ed2df47961cb8ee0a.dir");
    }

    void workedExamplesFromDvc()
    {
        QFETCH(QStringList, files);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const fs::path root = pathOf(dir);
        QVERIFY(workspace::Workspace::init(root).ok());
        fs::create_directories(root / "data");
        for (const QString &file : files) {
            const auto eq = file.indexOf(QLatin1Char('='));
            writeFile(root / "data" / file.left(eq).toStdString(), file.mid(eq + 1).toStdString());
        }
        QCOMPARE(addedMd5(root, "data"), expected.toStdString());
        const std::string oid = expected.toStdString();
        const fs::path object = root / ".dvc/cache/files/md5" / oid.substr(0, 2) / oid.substr(2);
        QVERIFY(fs::exists(object));
        QCOMPARE(version::md5OfBytes(slurp(object)) + ".dir", oid);
        QCOMPARE(fs::status(object).permissions() & fs::perms::all,
                 fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
        const std::string pointer = slurp(root / "data.dvc");
        QCOMPARE(pointer.substr(0, 18 + oid.size()), "outs:\n- md5: " + oid + "\n  si");
        QVERIFY(pointer.find("  nfiles: " + std::to_string(files.size()) +
                             "\n  hash: md5\n"
                             "  path: data\n") != std::string::npos);
    }

    void nestedManifestBytesAreExact()
    {
        std::vector<version::ManifestEntry> entries{
            {"344fd2323dd33d5c058b7cf27de029e8", "sub/b.csv"},
            {"d41d8cd98f00b204e9800998ecf8427e", "sub-x/c"},
            {"b1946ac92492d2347c6235b4d2611184", "a.txt"}};
        version::sortManifest(entries);
        QCOMPARE(
            version::serializeManifest(entries),
            std::string(R"([{"md5": "b1946ac92492d2347c6235b4d2611184", "relpath": "a.txt"}, )"
                        R"({"md5": "d41d8cd98f00b204e9800998ecf8427e", "relpath": "sub-x/c"}, )"
                        R"({"md5": "344fd2323dd33d5c058b7cf27de029e8", "relpath": "sub/b.csv"}])"));
    }

    void md5ScanAgreesWithTheJsonParser()
    {
        const std::string exact =
            "[{\"md5\": \"b1946ac92492d2347c6235b4d2611184\", \"relpath\": \"a\\\"md5\\\": x\"}, "
            "{\"md5\": \"d41d8cd98f00b204e9800998ecf8427e\", \"relpath\": \"b\"}]";
        const std::string spaced =
            "[\n  {\"relpath\": \"a\",\n   \"md5\":\"b1946ac92492d2347c6235b4d2611184\"},"
            "\n  {\"md5\" : \"D41D8CD98F00B204E9800998ECF8427E\", \"relpath\": \"b\"}\n]";
        for (const std::string &bytes : {exact, spaced}) {
            auto md5s = version::manifestMd5s(bytes, "x.dir");
            QVERIFY(md5s.ok());
            auto parsed = version::parseManifest(bytes, "x.dir");
            QVERIFY(parsed.ok());
            QCOMPARE(md5s->size(), parsed->size());
            for (std::size_t i = 0; i < md5s->size(); ++i)
                QCOMPARE((*md5s)[i], (*parsed)[i].md5);
        }
        QVERIFY(!version::manifestMd5s("{not json", "x.dir").ok());
    }

    // Python's own json.dumps is the oracle for escaping and for the resulting hash.
    void nonAsciiNamesMatchPythonJsonDumps()
    {
        const std::vector<std::string> names{"caf\xc3\xa9.csv",
                                             "\xe6\x95\xb0\xe6\x8d\xae.txt",
                                             "emoji-\xf0\x9f\x98\x80",
                                             "quote\"back\\slash",
                                             "tab\there",
                                             "z\x7f"};
        QTemporaryDir dir;
        const fs::path root = pathOf(dir);
        QVERIFY(workspace::Workspace::init(root).ok());
        for (const std::string &name : names)
            writeFile(root / "data" / name, name);
        const std::string ours = addedMd5(root, "data");

        const QString script = QStringLiteral(
            "import hashlib, json, os, sys\n"
            "d = sys.argv[1]\n"
            "entries = []\n"
            "for n in os.listdir(d):\n"
            "    b = open(os.path.join(d, n), 'rb').read()\n"
            "    entries.append({'md5': hashlib.md5(b).hexdigest(), 'relpath': n})\n"
            "entries.sort(key=lambda e: e['relpath'])\n"
            "s = json.dumps(entries, sort_keys=True).encode('utf-8')\n"
            "sys.stdout.write(hashlib.md5(s).hexdigest() + '.dir\\n' + s.decode())\n");
        QProcess python;
        python.start(
            QStringLiteral(ASSAY_PYTHON),
            {QStringLiteral("-c"), script, QString::fromStdString((root / "data").string())});
        QVERIFY(python.waitForFinished(30000));
        const QString out = QString::fromUtf8(python.readAllStandardOutput());
        const QString expectedHash = out.section(QLatin1Char('\n'), 0, 0);
        const QString expectedBytes = out.section(QLatin1Char('\n'), 1);
        QVERIFY2(expectedBytes.contains(QLatin1String("\\ud83d\\ude00")), qPrintable(out));
        QCOMPARE(QString::fromStdString(ours), expectedHash);
        const fs::path object = root / ".dvc/cache/files/md5" / ours.substr(0, 2) / ours.substr(2);
        QCOMPARE(QString::fromStdString(slurp(object)), expectedBytes);
    }

    void dvcignoreIsHonoured()
    {
        QTemporaryDir dir;
        const fs::path root = pathOf(dir);
        writeFile(root / ".dvcignore", "# comment\n*.tmp\n/data/logs/\n!keep.tmp\n**/cache/**\n");
        writeFile(root / "data/a.csv", "a");
        writeFile(root / "data/b.tmp", "b");
        writeFile(root / "data/keep.tmp", "k");
        writeFile(root / "data/logs/x.log", "x");
        writeFile(root / "data/deep/logs/y.log", "y");
        writeFile(root / "data/deep/cache/z", "z");
        writeFile(root / "data/.git", "gitfile");
        auto files = version::listTrackedFolder(root, "data");
        QVERIFY(files.ok());
        std::vector<std::string> names;
        for (const auto &file : *files)
            names.push_back(file.path);
        QCOMPARE(names, (std::vector<std::string>{"a.csv", "deep/logs/y.log", "keep.tmp"}));

        writeFile(root / "data/sub/.dvcignore", "*.csv\n");
        auto refused = version::listTrackedFolder(root, "data");
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.find("data/sub/.dvcignore") != std::string::npos);
    }

    void globPatterns()
    {
        QVERIFY(version::globMatches("*.csv", "a.csv"));
        QVERIFY(!version::globMatches("*.csv", "d/a.csv"));
        QVERIFY(version::globMatches("a?c", "abc"));
        QVERIFY(!version::globMatches("a?c", "a/c"));
        QVERIFY(version::globMatches("**/x", "x"));
        QVERIFY(version::globMatches("**/x", "a/b/x"));
        QVERIFY(version::globMatches("a/**/b", "a/b"));
        QVERIFY(version::globMatches("a/**/b", "a/x/y/b"));
        QVERIFY(version::globMatches("a/**", "a/x/y"));
        QVERIFY(!version::globMatches("a/**", "a"));
        QVERIFY(version::globMatches("[a-c]x", "bx"));
        QVERIFY(!version::globMatches("[!a-c]x", "bx"));
    }

    void dos2unixFoldsCrlfInTextOnly()
    {
        QTemporaryDir dir;
        const fs::path root = pathOf(dir);
        writeFile(root / "crlf.txt", "a,b\r\n1,2\r\n");
        writeFile(root / "lf.txt", "a,b\n1,2\n");
        auto crlf = version::hashFile(root / "crlf.txt", version::kMd5Dos2Unix);
        QVERIFY(crlf.ok());
        QCOMPARE(*crlf, version::md5OfBytes("a,b\n1,2\n"));
        QCOMPARE(*version::hashFile(root / "crlf.txt", version::kMd5),
                 version::md5OfBytes("a,b\r\n1,2\r\n"));

        const std::string binary("\x00\x01\r\n\x02\xff", 6);
        writeFile(root / "bin", binary);
        QCOMPARE(*version::hashFile(root / "bin", version::kMd5Dos2Unix),
                 version::md5OfBytes(binary));
        QVERIFY(version::looksLikeText(""));
        QVERIFY(!version::looksLikeText(std::string("ab\0c", 4)));
        QVERIFY(!version::looksLikeText("\x80\x81\x82\x83\x84\x85\x86 abc"));
        QVERIFY(version::looksLikeText("\x80\x81\x82 abcdefgh"));
    }

    void outsideTheWorkspaceIsRefused()
    {
        QTemporaryDir dir;
        QTemporaryDir other;
        const fs::path root = pathOf(dir);
        writeFile(pathOf(other) / "x.csv", "x");
        version::HashState state;
        auto added = version::addPath(root, pathOf(other) / "x.csv", state);
        QVERIFY(!added.ok());
        QVERIFY(added.error().message.find((pathOf(other) / "x.csv").string()) !=
                std::string::npos);
        QVERIFY(!version::addPath(root, "../escape", state).ok());
    }
};

QTEST_GUILESS_MAIN(TestDirManifest)
#include "test_dir_manifest.moc"
