// Schema inference from a profile, the JSON file (round trip, errors naming the key) and
// atomic saving.
#include "support/files.h"
#include "support/profiles.h"
#include "validate/schema_inference.h"
#include "validate/schema_json.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using assay::testing::columnOf;
using assay::testing::profileOf;
using table::ColumnType;
using validate::ColumnSchema;
using validate::Schema;

namespace {

std::vector<stats::ValueCount> distinctValues(int n, std::uint64_t countEach = 1)
{
    std::vector<stats::ValueCount> values;
    for (int i = 0; i < n; ++i)
        values.push_back({"v" + std::to_string(100 + i), countEach});
    return values;
}

Schema sampleSchema()
{
    Schema schema;
    schema.rowCount = {10, 5000};
    schema.columns.push_back({"id", ColumnType::Int, true, 1.0, 1, 5000, std::nullopt});
    schema.columns.push_back(
        {"income", ColumnType::Float, false, 0.93, -12.5, 1.25e6, std::nullopt});
    schema.columns.push_back({"city \"quoted\" città", ColumnType::String, false, 0.5, std::nullopt,
                              std::nullopt,
                              std::vector<std::string>{"Lisboa", "Porto", "tab\there"}});
    schema.columns.push_back({"active", ColumnType::Bool, true, 1.0, std::nullopt, std::nullopt,
                              std::vector<std::string>{"false", "true"}});
    schema.columns.push_back(
        {"seen", ColumnType::Datetime, false, 0, std::nullopt, std::nullopt, std::nullopt});
    return schema;
}

} // namespace

class TestSchema : public QObject {
    Q_OBJECT

private slots:
    void inferRequiredAndMinimumPresence()
    {
        const auto profile =
            profileOf(1000, {columnOf("full", ColumnType::Int, 1000, {{"1", 1000}}),
                             columnOf("most", ColumnType::Int, 1000, {{"1", 993}}),
                             columnOf("some", ColumnType::Int, 1000, {{"1", 290}}),
                             columnOf("none", ColumnType::Float, 1000, {})});
        const Schema schema = validate::inferSchema(profile);
        QCOMPARE(schema.columns.size(), std::size_t(4));
        QVERIFY(schema.columns[0].required);
        QCOMPARE(schema.columns[0].minPresence, 1.0);
        QVERIFY(!schema.columns[1].required);
        QCOMPARE(schema.columns[1].minPresence, 0.99); // 0.993 rounded down
        QCOMPARE(schema.columns[2].minPresence, 0.29); // not 0.28 through binary rounding
        QCOMPARE(schema.columns[3].minPresence, 0.0);
        QVERIFY(!schema.columns[3].min && !schema.columns[3].max);
        QCOMPARE(schema.rowCount.min, std::optional<std::uint64_t>(1));
        QVERIFY(!schema.rowCount.max);
        // An empty file's schema accepts an empty file.
        QVERIFY(!validate::inferSchema(profileOf(0, {columnOf("a", ColumnType::Float, 0, {})}))
                     .rowCount.min);
    }

    void inferTypesAndNumericRanges()
    {
        const auto profile =
            profileOf(4, {columnOf("age", ColumnType::Int, 4, {{"18", 1}, {"99", 2}, {"40", 1}}),
                          columnOf("score", ColumnType::Float, 4, {{"-1.5", 2}, {"2.25", 2}}),
                          columnOf("ok", ColumnType::Bool, 4, {{"true", 4}})});
        const Schema schema = validate::inferSchema(profile);
        QCOMPARE(schema.columns[0].type, ColumnType::Int);
        QCOMPARE(*schema.columns[0].min, 18.0);
        QCOMPARE(*schema.columns[0].max, 99.0);
        QCOMPARE(schema.columns[1].type, ColumnType::Float);
        QCOMPARE(*schema.columns[1].min, -1.5);
        QCOMPARE(*schema.columns[1].max, 2.25);
        QCOMPARE(schema.columns[2].type, ColumnType::Bool);
        QVERIFY(!schema.columns[2].min && !schema.columns[2].domain); // a bool's type is its domain
    }

    void inferDomainOnlyForFewRepeatedStrings()
    {
        const auto profile =
            profileOf(100, {
                               columnOf("city", ColumnType::String, 100,
                                        {{"Porto", 60}, {"Braga", 30}, {"Lisboa", 10}}),
                               columnOf("twenty", ColumnType::String, 100, distinctValues(20, 5)),
                               columnOf("many", ColumnType::String, 105, distinctValues(21, 5)),
                               columnOf("names", ColumnType::String, 10, distinctValues(10)),
                               assay::testing::withoutValueCounts(
                                   columnOf("capped", ColumnType::String, 100, {{"a", 100}})),
                           });
        const Schema schema = validate::inferSchema(profile);
        QCOMPARE(*schema.column("city")->domain,
                 (std::vector<std::string>{"Braga", "Lisboa", "Porto"}));
        QCOMPARE(schema.column("twenty")->domain->size(), std::size_t(20));
        QVERIFY(!schema.column("many")->domain);   // more than 20 distinct values
        QVERIFY(!schema.column("names")->domain);  // every value once: names, not categories
        QVERIFY(!schema.column("capped")->domain); // counts not exact
        QVERIFY(!schema.column("city")->min);
    }

    void jsonIsReadableAndStable()
    {
        Schema schema;
        schema.rowCount.min = 1;
        schema.columns.push_back({"age", ColumnType::Int, true, 1.0, 18, 99, std::nullopt});
        schema.columns.push_back({"city", ColumnType::String, false, 0.95, std::nullopt,
                                  std::nullopt, std::vector<std::string>{"Braga", "Porto"}});
        QCOMPARE(
            QString::fromStdString(validate::schemaToJson(schema)),
            QStringLiteral("{\n"
                           "  \"version\": 1,\n"
                           "  \"row_count\": {\"min\": 1, \"max\": null},\n"
                           "  \"columns\": [\n"
                           "    {\"name\": \"age\", \"type\": \"int\", \"required\": true, "
                           "\"min_presence\": 1, \"min\": 18, \"max\": 99, \"domain\": null},\n"
                           "    {\"name\": \"city\", \"type\": \"string\", \"required\": false, "
                           "\"min_presence\": 0.95, \"min\": null, \"max\": null, \"domain\": "
                           "[\"Braga\", \"Porto\"]}\n"
                           "  ]\n"
                           "}\n"));
    }

    void loadSaveRoundTripKeepsBytesAndOrder()
    {
        QTemporaryDir dir;
        const auto path = assay::testing::pathOf(dir) / "schema.json";
        const Schema schema = sampleSchema();
        QVERIFY(validate::saveSchema(schema, path).ok());
        const std::string saved = assay::testing::slurp(path);

        auto loaded = validate::loadSchema(path);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message.c_str());
        QVERIFY(*loaded == schema);
        QVERIFY(validate::saveSchema(*loaded, path).ok());
        QCOMPARE(assay::testing::slurp(path), saved);

        // Edit as the GUI does: change fields, reorder nothing, save, load.
        loaded->column("income")->max = 2e6;
        loaded->column("id")->required = false;
        loaded->column("id")->minPresence = 0.75;
        loaded->columns[2].domain->push_back("Faro");
        QVERIFY(validate::saveSchema(*loaded, path).ok());
        auto edited = validate::loadSchema(path);
        QVERIFY(edited.ok());
        QVERIFY(*edited == *loaded);
        QStringList names;
        for (const auto &column : edited->columns)
            names << QString::fromStdString(column.name);
        QCOMPARE(names.join(QLatin1Char(',')),
                 QStringLiteral("id,income,city \"quoted\" città,active,seen"));
    }

    void handWrittenSchemaDefaults()
    {
        auto schema =
            validate::parseSchema(R"({"columns": [{"name": "a", "type": "float"}]})", "s.json");
        QVERIFY(schema.ok());
        QVERIFY(schema->columns[0].required);
        QVERIFY(!schema->columns[0].min && !schema->columns[0].domain);
        QVERIFY(!schema->rowCount.min);
    }

    void malformedSchemaNamesFileAndKey_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown type")
            << QStringLiteral(R"({"version": 1, "columns": [{"name": "a", "type": "int"}, )"
                              R"({"name": "b", "type": "int"}, {"name": "c", "type": "string"}, )"
                              R"({"name": "d", "type": "integer"}]})")
            << QStringLiteral("schema.json: columns[3].type: unknown type 'integer'");
        QTest::newRow("presence")
            << QStringLiteral(R"({"columns": [{"name": "a", "type": "int", "min_presence": 2}]})")
            << QStringLiteral(
                   "schema.json: columns[0].min_presence: expected a fraction between 0 and 1");
        QTest::newRow("unknown key")
            << QStringLiteral(R"({"columns": [{"name": "a", "type": "int", "minimum": 2}]})")
            << QStringLiteral("schema.json: columns[0].minimum: unknown key");
        QTest::newRow("duplicate")
            << QStringLiteral(
                   R"({"columns": [{"name": "a", "type": "int"}, {"name": "a", "type": "int"}]})")
            << QStringLiteral("schema.json: columns[1].name: duplicate column 'a'");
        QTest::newRow("range on string")
            << QStringLiteral(R"({"columns": [{"name": "a", "type": "string", "max": 3}]})")
            << QStringLiteral(
                   "schema.json: columns[0].max: a range applies only to int and float columns");
        QTest::newRow("min above max")
            << QStringLiteral(R"({"columns": [{"name": "a", "type": "int", "min": 3, "max": 1}]})")
            << QStringLiteral("schema.json: columns[0].min: min 3 is above max 1");
        QTest::newRow("domain entry")
            << QStringLiteral(
                   R"({"columns": [{"name": "a", "type": "string", "domain": ["x", 2]}]})")
            << QStringLiteral("schema.json: columns[0].domain[1]: expected a string");
        QTest::newRow("domain on float")
            << QStringLiteral(R"({"columns": [{"name": "a", "type": "float", "domain": []}]})")
            << QStringLiteral("schema.json: columns[0].domain: a domain applies only to string, "
                              "bool and int columns");
        QTest::newRow("row count")
            << QStringLiteral(R"({"row_count": {"min": -1}, "columns": []})")
            << QStringLiteral(
                   "schema.json: row_count.min: expected a whole number of rows, got -1");
        QTest::newRow("no columns")
            << QStringLiteral(R"({"version": 1})")
            << QStringLiteral("schema.json: columns: expected a list of columns");
        QTest::newRow("version")
            << QStringLiteral(R"({"version": 7, "columns": []})")
            << QStringLiteral(
                   "schema.json: version: unsupported schema version (this Assay reads version 1)");
        QTest::newRow("bad json") << QStringLiteral(
                                         "{\n  \"columns\": [\n    {\"name\": \"a\",}\n  ]\n}")
                                  << QStringLiteral("schema.json:3:");
    }

    void malformedSchemaNamesFileAndKey()
    {
        QFETCH(QString, json);
        QFETCH(QString, message);
        const auto parsed = validate::parseSchema(json.toStdString(), "schema.json");
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().kind, ErrorKind::InvalidInput);
        QVERIFY2(QString::fromStdString(parsed.error().message).startsWith(message),
                 parsed.error().message.c_str());
    }

    void missingFileNamesPath()
    {
        const auto loaded = validate::loadSchema("/nonexistent/dir/schema.json");
        QVERIFY(!loaded.ok());
        QVERIFY(loaded.error().message.find("/nonexistent/dir/schema.json") != std::string::npos);
    }

    void saveIsAtomic()
    {
        QTemporaryDir dir;
        const auto path = assay::testing::pathOf(dir) / "schema.json";
        assay::testing::writeFile(path, "old content");
        QVERIFY(validate::saveSchema(sampleSchema(), path).ok());
        QCOMPARE(assay::testing::slurp(path), validate::schemaToJson(sampleSchema()));
        // Only the target remains: the temporary was renamed over it.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("schema.json")});

        // A save that cannot happen reports the path and changes nothing.
        const auto missingFolder = assay::testing::pathOf(dir) / "no-such-folder" / "schema.json";
        const auto failed = validate::saveSchema(sampleSchema(), missingFolder);
        QVERIFY(!failed.ok());
        QVERIFY2(failed.error().message.find("no-such-folder") != std::string::npos,
                 failed.error().message.c_str());
        QVERIFY(!std::filesystem::exists(missingFolder.parent_path()));
        QCOMPARE(assay::testing::slurp(path), validate::schemaToJson(sampleSchema()));
    }
};

QTEST_GUILESS_MAIN(TestSchema)
#include "test_schema.moc"
