// JSON Lines reading: columns as the union of keys, JSON kinds to column types, nested
// values as compact text, errors with FILE:LINE:COL, lenient mode and chunking.
#include "table/chunk_reader.h"
#include "table/reader.h"

#include <QtTest>

#include <string>

using namespace assay;
using namespace assay::table;

namespace {

QString q(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

ReadOutcome readOk(std::string_view bytes, ReadOptions options = {})
{
    auto outcome = readTableFromBuffer(bytes, "rows.jsonl", options);
    if (!outcome)
        qFatal("unexpected read error: %s", outcome.error().message.c_str());
    return std::move(*outcome);
}

QString readError(std::string_view bytes, ReadOptions options = {})
{
    auto outcome = readTableFromBuffer(bytes, "rows.jsonl", options);
    return outcome ? QStringLiteral("(no error)") : q(outcome.error().message);
}

} // namespace

class TestJsonlReader : public QObject {
    Q_OBJECT

private slots:
    void unionOfKeysInOrderOfFirstAppearance()
    {
        const auto outcome = readOk("{\"a\":1,\"b\":\"x\"}\n\n{\"c\":true,\"a\":2}\n{\"b\":\"y\"}\n");
        const Table &table = outcome.table;
        QCOMPARE(outcome.report.format, FileFormat::JsonLines);
        QCOMPARE(table.columnCount(), std::size_t{3});
        QCOMPARE(table.rowCount(), std::size_t{3});
        QCOMPARE(q(table.column(0).name()), QStringLiteral("a"));
        QCOMPARE(q(table.column(1).name()), QStringLiteral("b"));
        QCOMPARE(q(table.column(2).name()), QStringLiteral("c"));
        QCOMPARE(table.column(0).type(), ColumnType::Int);
        QVERIFY(table.column(0).isMissing(2));
        QVERIFY(table.column(1).isMissing(1));
        QCOMPARE(table.column(2).type(), ColumnType::Bool);
        QVERIFY(table.column(2).isMissing(0));
    }

    void kindsToTypes()
    {
        const auto outcome = readOk(
            "{\"i\":1,\"f\":1,\"s\":\"007\",\"d\":\"2024-01-15T10:30:00Z\",\"n\":null,"
            "\"o\":{\"k\": [1, 2, {\"z\": \"a b\"}]},\"m\":1,\"e\":\"caf\\u00e9 \\\"q\\\"\"}\n"
            "{\"i\":2,\"f\":2.5,\"s\":\"8\",\"d\":\"2024-01-16\",\"n\":null,\"o\":[],\"m\":\"x\","
            "\"e\":\"\\ud83d\\ude00\"}\n");
        const Table &table = outcome.table;
        QCOMPARE(table.column(0).type(), ColumnType::Int);
        QCOMPARE(table.column(1).type(), ColumnType::Float);
        QCOMPARE(table.column(1).floats()[1], 2.5);
        QCOMPARE(table.column(2).type(), ColumnType::String); // JSON strings stay strings
        QCOMPARE(q(table.column(2).text(0)), QStringLiteral("007"));
        QCOMPARE(table.column(3).type(), ColumnType::Datetime);
        QCOMPARE(table.column(4).type(), ColumnType::Float);
        QCOMPARE(table.column(4).missingCount(), std::size_t{2});
        QCOMPARE(table.column(5).type(), ColumnType::String);
        QCOMPARE(q(table.column(5).text(0)), QStringLiteral("{\"k\":[1,2,{\"z\":\"a b\"}]}"));
        QCOMPARE(q(table.column(5).text(1)), QStringLiteral("[]"));
        QCOMPARE(table.column(6).type(), ColumnType::String); // number then string: raw text
        QCOMPARE(q(table.column(6).text(0)), QStringLiteral("1"));
        QCOMPARE(q(table.column(7).text(0)), QStringLiteral("café \"q\""));
        QCOMPARE(q(table.column(7).text(1)), QString::fromUtf8("\xF0\x9F\x98\x80"));
    }

    void stringsThatAreNotAllDatetimesStayStrings()
    {
        const auto outcome = readOk("{\"d\":\"2024-01-15\"}\n{\"d\":\"soon\"}\n");
        QCOMPARE(outcome.table.column(0).type(), ColumnType::String);
        QCOMPARE(q(outcome.table.column(0).text(0)), QStringLiteral("2024-01-15"));
    }

    void errorsNameLineAndColumn_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("not an object") << QByteArray("{\"a\":1}\n[1]\n")
                                       << QStringLiteral("rows.jsonl:2:1: expected a JSON object");
        QTest::newRow("bad value") << QByteArray("{\"a\":1}\n\n{\"a\": tru}\n")
                                   << QStringLiteral("rows.jsonl:3:7: invalid value");
        QTest::newRow("unterminated string") << QByteArray("{\"a\":\"x}\n")
                                             << QStringLiteral("rows.jsonl:1:6: unterminated string");
        QTest::newRow("trailing text") << QByteArray("{\"a\":1} x\n")
                                       << QStringLiteral("rows.jsonl:1:9: unexpected text after the object");
        QTest::newRow("duplicate key") << QByteArray("{\"a\":1,\"a\":2}\n")
                                       << QStringLiteral("rows.jsonl:1:8: duplicate key \"a\"");
        QTest::newRow("invalid UTF-8") << QByteArray("{\"a\":\"\xC3\xA9\xC3\"}\n")
                                       << QStringLiteral("rows.jsonl:1:8: invalid UTF-8");
        QTest::newRow("empty file") << QByteArray("") << QStringLiteral("rows.jsonl:1:1: empty file");
    }
    void errorsNameLineAndColumn()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        QCOMPARE(readError(std::string_view(bytes.constData(), bytes.size())), message);
    }

    void lenientSkipsBadLines()
    {
        ReadOptions options;
        options.lenient = true;
        const auto outcome = readOk("{\"a\":1}\n{\"a\":\n{\"a\":3,\"new\":1,\"a\":4}\n{\"a\":5}\n", options);
        QCOMPARE(outcome.table.rowCount(), std::size_t{2});
        QCOMPARE(outcome.table.columnCount(), std::size_t{1}); // the rejected row adds no column
        QCOMPARE(outcome.report.badRowCount, std::uint64_t{2});
        QCOMPARE(outcome.report.firstBadRows[0].line, std::uint64_t{2});
        QCOMPARE(outcome.report.firstBadRows[1].line, std::uint64_t{3});
    }

    void chunkingDoesNotChangeTheResult()
    {
        std::string text;
        for (int i = 0; i < 2000; ++i) {
            text += "{\"id\":" + std::to_string(i);
            if (i % 3 == 0)
                text += ",\"v\":" + std::to_string(i) + ".5";
            if (i == 1500)
                text += ",\"late\":\"here\",\"id2\":\"x\"";
            else
                text += ",\"id2\":" + std::to_string(i);
            text += "}\n";
        }
        ReadOptions small;
        small.blockBytes = 100;
        small.threads = 3;
        const auto a = readOk(text, small);
        const auto b = readOk(text);
        QCOMPARE(a.table.columnCount(), std::size_t{4});
        QCOMPARE(q(a.table.column(3).name()), QStringLiteral("late"));
        QCOMPARE(a.table.column(3).missingCount(), std::size_t{1999});
        QCOMPARE(a.table.column(2).type(), ColumnType::String);
        QCOMPARE(q(a.table.column(2).text(7)), QStringLiteral("7"));
        for (std::size_t c = 0; c < 4; ++c)
            for (std::size_t row = 0; row < 2000; ++row)
                QCOMPARE(a.table.column(c).format(row), b.table.column(c).format(row));

        std::vector<std::string> names;
        std::uint64_t rows = 0;
        QVERIFY(forEachChunkInBuffer(text, "rows.jsonl", small,
                                     [&](const Table &chunk, std::uint64_t firstRow) -> Status {
                                         if (firstRow != rows || chunk.columnCount() != 4)
                                             return Error::internal("bad chunk");
                                         rows += chunk.rowCount();
                                         return {};
                                     })
                    .ok());
        QCOMPARE(rows, std::uint64_t{2000});
    }
};

QTEST_APPLESS_MAIN(TestJsonlReader)
#include "test_jsonl_reader.moc"
