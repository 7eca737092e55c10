// Column type inference over whole files: the matrix of value mixes a user meets, missing
// tokens, numbers with signs and spaces, big integers and datetimes with offsets.
#include "table/datetime_parse.h"
#include "table/reader.h"

#include <QtTest>

#include <cmath>
#include <string>

using namespace assay;
using namespace assay::table;

namespace {

// Reads "v\n" + the values (one per line) and returns the single column.
Column readColumn(const std::vector<std::string> &values)
{
    std::string text = "v\n";
    for (const std::string &value : values)
        text += value + "\n";
    ReadOptions options;
    options.header = HeaderMode::Present;
    auto outcome = readTableFromBuffer(text, "data.csv", options);
    if (!outcome)
        qFatal("read failed: %s", outcome.error().message.c_str());
    return outcome->table.column(0);
}

QString q(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

constexpr std::int64_t kNanos = 1'000'000'000;

} // namespace

class TestTypeInference : public QObject {
    Q_OBJECT

private slots:
    void typeMatrix_data()
    {
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QString>("type");
        QTest::newRow("ints") << QStringList{u"1"_qs, u"-2"_qs, u"+3"_qs, u" 4 "_qs} << u"int"_qs;
        QTest::newRow("int and float") << QStringList{u"1"_qs, u"2.5"_qs} << u"float"_qs;
        QTest::newRow("exponent") << QStringList{u"1e3"_qs, u"-2.5E-2"_qs} << u"float"_qs;
        QTest::newRow("infinity") << QStringList{u"inf"_qs, u"1.5"_qs} << u"float"_qs;
        QTest::newRow("int beyond int64") << QStringList{u"1"_qs, u"99999999999999999999"_qs} << u"float"_qs;
        QTest::newRow("bools") << QStringList{u"true"_qs, u"False"_qs, u"TRUE"_qs} << u"bool"_qs;
        QTest::newRow("bool and int") << QStringList{u"true"_qs, u"1"_qs} << u"string"_qs;
        QTest::newRow("dates") << QStringList{u"2024-01-15"_qs, u"2024-02-29T10:30:00"_qs} << u"datetime"_qs;
        QTest::newRow("not a date") << QStringList{u"2024-02-30"_qs} << u"string"_qs;
        QTest::newRow("date and int") << QStringList{u"2024-01-15"_qs, u"3"_qs} << u"string"_qs;
        QTest::newRow("all missing") << QStringList{u"NA"_qs, u"None"_qs, u"null"_qs} << u"float"_qs;
        QTest::newRow("int with missing") << QStringList{u"1"_qs, u"None"_qs, u"NaN"_qs} << u"int"_qs;
        QTest::newRow("nan word is text") << QStringList{u"1.5"_qs, u"nan"_qs} << u"string"_qs;
        QTest::newRow("missing token with spaces is text") << QStringList{u" NA"_qs} << u"string"_qs;
    }
    void typeMatrix()
    {
        QFETCH(QStringList, values);
        QFETCH(QString, type);
        std::vector<std::string> raw;
        for (const QString &value : values)
            raw.push_back(value.toStdString());
        const Column column = readColumn(raw);
        QCOMPARE(q(typeName(column.type())), type);
        QCOMPARE(column.size(), raw.size());
    }

    void valuesOfNumbers()
    {
        const Column ints = readColumn({"+7", " -12 ", "NA"});
        QCOMPARE(ints.ints()[0], std::int64_t{7});
        QCOMPARE(ints.ints()[1], std::int64_t{-12});
        QVERIFY(ints.isMissing(2));
        QCOMPARE(ints.missingCount(), std::size_t{1});
        QVERIFY(std::isnan(ints.numeric(2)));

        const Column floats = readColumn({"1", "0.1", "1e-400", "-1e400", "123456789012345678"});
        QCOMPARE(floats.floats()[0], 1.0);
        QCOMPARE(floats.floats()[1], 0.1);
        QCOMPARE(floats.floats()[2], 0.0);
        QVERIFY(std::isinf(floats.floats()[3]) && floats.floats()[3] < 0);
        QCOMPARE(floats.floats()[4], 123456789012345678.0);
        QCOMPARE(q(floats.format(1)), QStringLiteral("0.1"));
    }

    void mixedColumnsKeepTheOriginalText()
    {
        const Column column = readColumn({"007", "1.50", "+3", "abc", "NA", "1e3"});
        QCOMPARE(column.type(), ColumnType::String);
        QCOMPARE(q(column.text(0)), QStringLiteral("007"));
        QCOMPARE(q(column.text(1)), QStringLiteral("1.50"));
        QCOMPARE(q(column.text(2)), QStringLiteral("+3"));
        QCOMPARE(q(column.text(3)), QStringLiteral("abc"));
        QVERIFY(column.isMissing(4));
        QCOMPARE(q(column.text(5)), QStringLiteral("1e3"));
        // Dictionary in order of first appearance.
        QCOMPARE(q(column.dictionary().front()), QStringLiteral("007"));
    }

    void quotedEmptyIsMissingQuotedNumberIsNumber()
    {
        auto outcome = readTableFromBuffer("a,b\n\"\",\"12\"\n3,\"4\"\n", "data.csv");
        QVERIFY(outcome.ok());
        QVERIFY(outcome->table.column(0).isMissing(0));
        QCOMPARE(outcome->table.column(1).type(), ColumnType::Int);
        QCOMPARE(outcome->table.column(1).ints()[0], std::int64_t{12});
    }

    void datetimesWithOffsetsAreUtc()
    {
        const Column column = readColumn({"2024-01-15", "2024-01-15T10:30:00Z",
                                          "2024-01-15 10:30:00+02:00", "2024-01-15T10:30:00.25-01:30",
                                          "1969-12-31T23:59:59", "NA"});
        QCOMPARE(column.type(), ColumnType::Datetime);
        const std::int64_t day = 1705276800LL * kNanos; // 2024-01-15T00:00:00Z
        QCOMPARE(column.ints()[0], day);
        QCOMPARE(column.ints()[1], day + (10 * 3600 + 30 * 60) * kNanos);
        QCOMPARE(column.ints()[2], day + (8 * 3600 + 30 * 60) * kNanos);
        QCOMPARE(column.ints()[3], day + (12 * 3600) * kNanos + kNanos / 4);
        QCOMPARE(column.ints()[4], -kNanos);
        QVERIFY(column.isMissing(5));
        QCOMPARE(q(column.format(0)), QStringLiteral("2024-01-15"));
        QCOMPARE(q(column.format(3)), QStringLiteral("2024-01-15T12:00:00.25"));
        QCOMPARE(q(column.format(4)), QStringLiteral("1969-12-31T23:59:59"));
    }

    void datetimeParserRejectsNearMisses()
    {
        QVERIFY(!parseIsoDatetime("2024-1-15"));
        QVERIFY(!parseIsoDatetime("2024-01-15T25:00:00"));
        QVERIFY(!parseIsoDatetime("2024-01-15T10:30:00+2"));
        QVERIFY(!parseIsoDatetime("2024-01-15x"));
        QVERIFY(!parseIsoDatetime("2023-02-29"));
        QVERIFY(parseIsoDatetime("2000-02-29"));
    }

    void boolValuesAndNumericView()
    {
        const Column column = readColumn({"True", "false", "NA"});
        QCOMPARE(column.type(), ColumnType::Bool);
        QCOMPARE(column.numeric(0), 1.0);
        QCOMPARE(column.numeric(1), 0.0);
        QCOMPARE(q(column.format(0)), QStringLiteral("true"));
        QCOMPARE(q(column.format(2)), QString());
    }

    void typeNamesRoundTrip()
    {
        for (const ColumnType type : {ColumnType::Bool, ColumnType::Int, ColumnType::Float,
                                      ColumnType::Datetime, ColumnType::String})
            QCOMPARE(typeFromName(typeName(type)), std::optional<ColumnType>(type));
        QCOMPARE(typeFromName("decimal"), std::optional<ColumnType>());
    }
};

QTEST_APPLESS_MAIN(TestTypeInference)
#include "test_type_inference.moc"
