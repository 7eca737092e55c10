// Behaviour of the CSV/TSV reader a user would notice: quoting, line ends, BOM, dialect
// sniffing, header detection, strict errors with FILE:LINE:COL, lenient mode, chunking
// independence from the thread count, cancellation, streaming and writing back.
#include "table/chunk_reader.h"
#include "table/csv_writer.h"
#include "table/reader.h"

#include <QTemporaryDir>
#include <QtTest>

#include <string>

using namespace assay;
using namespace assay::table;

namespace {

ReadOutcome readOk(std::string_view bytes, std::string_view name = "data.csv",
                   ReadOptions options = {})
{
    auto outcome = readTableFromBuffer(bytes, name, options);
    if (!outcome)
        qFatal("unexpected read error: %s", outcome.error().message.c_str());
    return std::move(*outcome);
}

std::string readError(std::string_view bytes, std::string_view name = "data.csv",
                      ReadOptions options = {})
{
    auto outcome = readTableFromBuffer(bytes, name, options);
    if (outcome)
        return "(no error)";
    if (outcome.error().kind != ErrorKind::InvalidInput)
        return "(wrong error kind) " + outcome.error().message;
    return outcome.error().message;
}

QString q(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// A table as text, for comparing whole tables.
std::string describe(const Table &table)
{
    std::string out;
    for (const Column &column : table.columns()) {
        out += column.name() + ":" + std::string(typeName(column.type())) + "[";
        for (std::size_t row = 0; row < column.size(); ++row)
            out += (column.isMissing(row) ? std::string("<NA>") : column.format(row)) + "|";
        out += "]\n";
    }
    return out;
}

} // namespace

class TestCsvReader : public QObject {
    Q_OBJECT

private slots:
    void quotedFieldsWithDelimitersQuotesAndNewlines()
    {
        const auto outcome = readOk("id,text\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n");
        const Table &table = outcome.table;
        QCOMPARE(table.rowCount(), std::size_t{3});
        QCOMPARE(q(table.column(1).text(0)), QStringLiteral("a, b"));
        QCOMPARE(q(table.column(1).text(1)), QStringLiteral("say \"hi\""));
        QCOMPARE(q(table.column(1).text(2)), QStringLiteral("two\nlines"));
    }

    void quotedNewlinesKeepLaterLineNumbersRight()
    {
        // The second row spans lines 2-4, "2,3" is line 5, the short row line 6.
        const std::string error = readError("a,b\n1,\"x\ny\nz\"\n2,3\n4\n");
        QCOMPARE(q(error), QStringLiteral("data.csv:6:2: expected 2 fields, found 1"));
    }

    void bomAndCrlf()
    {
        const auto outcome = readOk("\xEF\xBB\xBFname,value\r\nx,1\r\ny,2\r\n");
        const Table &table = outcome.table;
        QCOMPARE(q(table.column(0).name()), QStringLiteral("name"));
        QCOMPARE(table.column(1).type(), ColumnType::Int);
        QCOMPARE(q(table.column(0).text(1)), QStringLiteral("y"));
        QCOMPARE(table.column(1).ints()[1], std::int64_t{2});
    }

    void crlfAfterQuotedField()
    {
        const auto outcome = readOk("a,b\r\n\"x\",\"y\"\r\n");
        QCOMPARE(q(outcome.table.column(1).text(0)), QStringLiteral("y"));
    }

    void sniffsDelimiters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<char>("delimiter");
        QTest::newRow("tab") << QStringLiteral("a\tb\tc\n1\t2\t3\n4\t5\t6\n") << '\t';
        QTest::newRow("semicolon with decimal commas")
            << QStringLiteral("a;b\n1,5;2,5\n3,0;4,25\n") << ';';
        QTest::newRow("pipe") << QStringLiteral("a|b\n1|x,y\n2|z\n") << '|';
        QTest::newRow("comma") << QStringLiteral("a,b\n1,2\n") << ',';
    }
    void sniffsDelimiters()
    {
        QFETCH(QString, text);
        QFETCH(char, delimiter);
        const QByteArray bytes = text.toUtf8();
        const auto outcome = readOk(std::string_view(bytes.constData(), bytes.size()), "data.txt");
        QCOMPARE(outcome.report.delimiter, delimiter);
        QCOMPARE(outcome.table.columnCount(), static_cast<std::size_t>(delimiter == '\t' ? 3 : 2));
    }

    void tsvExtensionMeansTab()
    {
        const auto outcome = readOk("a,b\tc\n1,2\t3\n", "data.tsv");
        QCOMPARE(outcome.report.delimiter, '\t');
        QCOMPARE(outcome.report.format, FileFormat::Tsv);
        QCOMPARE(q(outcome.table.column(0).name()), QStringLiteral("a,b"));
    }

    void headerDetectedFromTypedColumns()
    {
        const auto outcome = readOk("age,score\n31,1.5\n45,2.5\n", "data.csv");
        QVERIFY(outcome.report.headerDetected);
        QCOMPARE(q(outcome.table.column(0).name()), QStringLiteral("age"));
        QCOMPARE(outcome.table.column(0).type(), ColumnType::Int);
    }

    void headerlessNumbersAreData()
    {
        const auto outcome = readOk("1,2.5\n3,4.5\n", "data.csv");
        QVERIFY(!outcome.report.headerDetected);
        QCOMPARE(outcome.table.rowCount(), std::size_t{2});
        QCOMPARE(q(outcome.table.column(0).name()), QStringLiteral("column_1"));
        QCOMPARE(q(outcome.table.column(1).name()), QStringLiteral("column_2"));
        QCOMPARE(outcome.table.column(0).ints()[0], std::int64_t{1});
    }

    void stringTablesUseNameLikeFirstRowAsHeader()
    {
        QVERIFY(readOk("name,city\nAnn,Paris\nBob,Rome\n").report.headerDetected);
        // "x" occurs again in its column: the first row is data.
        const auto outcome = readOk("x,y\nx,z\nw,v\n");
        QVERIFY(!outcome.report.headerDetected);
        QCOMPARE(outcome.table.rowCount(), std::size_t{3});
    }

    void headerModesForceIt()
    {
        ReadOptions present;
        present.header = HeaderMode::Present;
        QCOMPARE(readOk("1,2\n3,4\n", "data.csv", present).table.rowCount(), std::size_t{1});
        QCOMPARE(q(readOk("1,2\n3,4\n", "data.csv", present).table.column(0).name()),
                 QStringLiteral("1"));
        ReadOptions absent;
        absent.header = HeaderMode::Absent;
        const auto outcome = readOk("a,b\nc,d\n", "data.csv", absent);
        QCOMPARE(outcome.table.rowCount(), std::size_t{2});
        QCOMPARE(q(outcome.table.column(0).text(0)), QStringLiteral("a"));
    }

    void emptyAndDuplicateHeaderNames()
    {
        const auto outcome = readOk(",a,a,a\n0,1,2,3\n");
        QCOMPARE(q(outcome.table.column(0).name()), QStringLiteral("column_1"));
        QCOMPARE(q(outcome.table.column(1).name()), QStringLiteral("a"));
        QCOMPARE(q(outcome.table.column(2).name()), QStringLiteral("a.1"));
        QCOMPARE(q(outcome.table.column(3).name()), QStringLiteral("a.2"));
        QCOMPARE(outcome.table.indexOf("a.2"), std::optional<std::size_t>(3));
        QCOMPARE(outcome.table.indexOf("nope"), std::optional<std::size_t>());
    }

    void blankLinesAreSkippedButCounted()
    {
        const auto outcome = readOk("a,b\n1,2\n\n   \n3,4\n");
        QCOMPARE(outcome.table.rowCount(), std::size_t{2});
        QCOMPARE(q(readError("a,b\n1,2\n\n3\n")), QStringLiteral("data.csv:4:2: expected 2 fields, found 1"));
    }

    void strictErrors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("unterminated quote points at the opening quote")
            << QByteArray("a,b\n1,2\n3,\"abc\n4,5\n") << QStringLiteral("data.csv:3:3: unterminated quoted field");
        QTest::newRow("too few fields")
            << QByteArray("a,b,c\n1,2,3\n4,5\n") << QStringLiteral("data.csv:3:4: expected 3 fields, found 2");
        QTest::newRow("too many fields points at the extra one")
            << QByteArray("a,b\n1,2\n3,4,5\n") << QStringLiteral("data.csv:3:5: expected 2 fields, found 3");
        QTest::newRow("text after a closing quote")
            << QByteArray("a,b\n\"ab\"c,1\n") << QStringLiteral("data.csv:2:5: unexpected text after closing quote");
        QTest::newRow("invalid UTF-8 points at the byte, columns in characters")
            << QByteArray("a,b\n\xC3\xA9t\xC3\xA9,x\xFF\n") << QStringLiteral("data.csv:2:6: invalid UTF-8");
        QTest::newRow("empty file") << QByteArray("") << QStringLiteral("data.csv:1:1: empty file");
        QTest::newRow("only a BOM") << QByteArray("\xEF\xBB\xBF") << QStringLiteral("data.csv:1:1: empty file");
        QTest::newRow("first line blank")
            << QByteArray("\n a,b\n1,2\n") << QStringLiteral("data.csv:1:1: no header: the first line is empty");
        QTest::newRow("unterminated quote in the header")
            << QByteArray("\"a,b\n") << QStringLiteral("data.csv:1:1: unterminated quoted field");
    }
    void strictErrors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        QCOMPARE(q(readError(std::string_view(bytes.constData(), bytes.size()))), message);
    }

    void fieldOverOneMebibyteIsAnError()
    {
        std::string text = "a,b\n1,";
        text.append((std::size_t{1} << 20) + 1, 'x');
        text += "\n";
        QCOMPARE(q(readError(text)), QStringLiteral("data.csv:2:3: field longer than 1 MiB"));
    }

    void strayQuoteInsideUnquotedFieldIsText()
    {
        const auto outcome = readOk("a,b\n5'11\" tall,1\n");
        QCOMPARE(q(outcome.table.column(0).text(0)), QStringLiteral("5'11\" tall"));
    }

    void lenientSkipsAndCountsBadRows()
    {
        ReadOptions options;
        options.lenient = true;
        const auto outcome = readOk("a,b\n1,2\n3\n4,5\n\"x\"y,6\n7,8,9\n10,11\n", "data.csv", options);
        QCOMPARE(outcome.table.rowCount(), std::size_t{3});
        QCOMPARE(outcome.report.badRowCount, std::uint64_t{3});
        QCOMPARE(outcome.report.firstBadRows.size(), std::size_t{3});
        QCOMPARE(outcome.report.firstBadRows[0].line, std::uint64_t{3});
        QCOMPARE(outcome.report.firstBadRows[1].line, std::uint64_t{5});
        QCOMPARE(outcome.report.firstBadRows[2].line, std::uint64_t{6});
        QVERIFY(outcome.report.firstBadRows[0].reason.find("expected 2 fields, found 1")
                != std::string::npos);
        QCOMPARE(outcome.table.column(0).type(), ColumnType::Int);
        QCOMPARE(outcome.table.column(0).ints()[2], std::int64_t{10});
    }

    void lenientStillFailsOnBadHeader()
    {
        ReadOptions options;
        options.lenient = true;
        QCOMPARE(q(readError("", "data.csv", options)), QStringLiteral("data.csv:1:1: empty file"));
        QCOMPARE(q(readError("na\xFFme,b\n1,2\n", "data.csv", options)),
                 QStringLiteral("data.csv:1:3: invalid UTF-8"));
    }

    void multiChunkResultsDoNotDependOnThreads()
    {
        // Many small blocks: quoted newlines and a late type change cross chunk borders.
        std::string text = "id,value,label,note\n";
        for (int i = 0; i < 3000; ++i) {
            text += std::to_string(i) + ",";
            text += i % 7 == 0 ? "NA" : std::to_string(i * 3);
            text += i == 2500 ? ",x" : ",1";
            text += i % 5 == 0 ? ",\"multi\nline, \"\"quoted\"\"\"\n" : ",plain\n";
        }
        ReadOptions single;
        single.threads = 1;
        single.blockBytes = 97;
        ReadOptions many = single;
        many.threads = 4;
        ReadOptions whole;
        const auto a = readOk(text, "data.csv", single);
        const auto b = readOk(text, "data.csv", many);
        const auto c = readOk(text, "data.csv", whole);
        QCOMPARE(a.table.rowCount(), std::size_t{3000});
        QCOMPARE(a.table.column(2).type(), ColumnType::String); // "1"... then "x"
        QCOMPARE(q(a.table.column(2).text(0)), QStringLiteral("1"));
        QCOMPARE(a.table.column(1).type(), ColumnType::Int);
        QCOMPARE(a.table.column(1).missingCount(), std::size_t{429});
        QCOMPARE(describe(a.table), describe(b.table));
        QCOMPARE(describe(a.table), describe(c.table));

        // A late error is reported at the same place whatever the chunking.
        text += "1,2,3\n";
        const std::string expected = "data.csv:" + std::to_string(3000 + 600 + 2) + ":6: expected 4 fields, found 3";
        QCOMPARE(q(readError(text, "data.csv", single)), q(expected));
        QCOMPARE(q(readError(text, "data.csv", many)), q(expected));
    }

    void lateStringChunkKeepsOriginalTextOfEarlierChunks()
    {
        std::string text = "code\n";
        for (int i = 0; i < 500; ++i)
            text += i % 2 ? "007\n" : "+1.50\n";
        text += "abc\n";
        ReadOptions options;
        options.threads = 2;
        options.blockBytes = 64;
        const auto outcome = readOk(text, "data.csv", options);
        const Column &column = outcome.table.column(0);
        QCOMPARE(column.type(), ColumnType::String);
        QCOMPARE(q(column.text(0)), QStringLiteral("+1.50"));
        QCOMPARE(q(column.text(1)), QStringLiteral("007"));
        QCOMPARE(q(column.text(500)), QStringLiteral("abc"));
        QCOMPARE(column.dictionary().size(), std::size_t{3});
    }

    void cancellationStopsTheRead()
    {
        std::string text = "a,b\n";
        for (int i = 0; i < 20000; ++i)
            text += "1,2\n";
        CancellationToken token;
        int reports = 0;
        Progress progress([&](double, std::string_view) {
            if (++reports == 2)
                token.cancel();
        }, token);
        ReadOptions options;
        options.blockBytes = 1000;
        auto outcome = readTableFromBuffer(text, "data.csv", options, progress);
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().kind, ErrorKind::Cancelled);
    }

    void progressReachesOne()
    {
        double last = 0;
        Progress progress([&](double fraction, std::string_view) { last = fraction; }, {});
        QVERIFY(readTableFromBuffer("a,b\n1,2\n", "data.csv", {}, progress).ok());
        QCOMPARE(last, 1.0);
    }

    void readsFilesAndReportsMissingOnes()
    {
        QTemporaryDir dir;
        const std::filesystem::path path = dir.filePath(QStringLiteral("t.csv")).toStdString();
        auto missing = readTable(path);
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);

        const auto outcome = readOk("name,when,score\n\"a, \"\"b\"\"\",2024-01-15T10:30:00Z,1.25\n"
                                    " spaced ,,NaN\n");
        QVERIFY(writeCsv(outcome.table, path).ok());
        auto again = readTable(path);
        QVERIFY(again.ok());
        QCOMPARE(describe(again->table), describe(outcome.table));
        QCOMPARE(again->table.column(2).type(), ColumnType::Float);
    }

    void streamingDeliversChunksInOrderWithTheirOwnTypes()
    {
        std::string text = "n,v\n";
        for (int i = 0; i < 200; ++i)
            text += std::to_string(i) + (i < 150 ? ",1\n" : ",1.5\n");
        ReadOptions options;
        options.blockBytes = 128;
        options.threads = 3;
        std::uint64_t expectedFirst = 0;
        bool sawInt = false, sawFloat = false;
        const Status status = forEachChunkInBuffer(
            text, "data.csv", options, [&](const Table &chunk, std::uint64_t firstRow) -> Status {
                if (firstRow != expectedFirst || chunk.column(0).name() != "n"
                    || chunk.column(1).name() != "v")
                    return Error::internal("chunk out of order or misnamed");
                if (chunk.column(0).ints()[0] != static_cast<std::int64_t>(firstRow))
                    return Error::internal("chunk rows out of order");
                sawInt = sawInt || chunk.column(1).type() == ColumnType::Int;
                sawFloat = sawFloat || chunk.column(1).type() == ColumnType::Float;
                expectedFirst += chunk.rowCount();
                return {};
            });
        QVERIFY2(status.ok(), status.ok() ? "" : status.error().message.c_str());
        QCOMPARE(expectedFirst, std::uint64_t{200});
        QVERIFY(sawInt && sawFloat);
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "test_csv_reader.moc"
