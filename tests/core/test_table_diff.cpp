#include "table/reader.h"
#include "version/table_diff.h"

#include <QTest>

#include <cmath>

using namespace assay;
using version::RowChange;

namespace {

table::Table tableOf(const char *csv)
{
    auto read = table::readTableFromBuffer(csv, "test.csv");
    if (!read.ok())
        qFatal("%s", read.error().message.c_str());
    return std::move(read->table);
}

version::TableDiff diffOk(const table::Table &a, const table::Table &b,
                          std::vector<std::string> keys = {})
{
    auto diff = version::diffTables(a, b, {std::move(keys), 1000});
    if (!diff.ok())
        qFatal("%s", diff.error().message.c_str());
    return std::move(*diff);
}

const version::ColumnDelta &deltaOf(const version::TableDiff &diff, const std::string &name)
{
    for (const auto &delta : diff.columns) {
        if (delta.name == name)
            return delta;
    }
    qFatal("no delta for %s", name.c_str());
}

} // namespace

class TestTableDiff : public QObject {
    Q_OBJECT

private slots:
    void keyedDiffFindsAddedRemovedAndModifiedCells()
    {
        const auto a = tableOf("id,name,score\n1,ada,1.5\n2,bob,2.0\n3,cy,NA\n4,dee,4\n");
        const auto b = tableOf("id,name,score\n4,dee,4\n2,bob,2.5\n3,cy,\n5,eve,5\n");
        const auto diff = diffOk(a, b, {"id"});
        QCOMPARE(diff.added, 1u);
        QCOMPARE(diff.removed, 1u);
        QCOMPARE(diff.modified, 1u);
        QCOMPARE(diff.unchanged, 2u); // reordered row 4 and missing == missing for row 3
        QCOMPARE(diff.changes.size(), std::size_t(3));
        const RowChange &modified = diff.changes[0]; // B's order: id 2 comes first
        QCOMPARE(modified.op, RowChange::Op::Modify);
        QCOMPARE(modified.rowA, std::size_t(1));
        QCOMPARE(modified.rowB, std::size_t(1));
        QCOMPARE(modified.changedColumns, std::vector<std::string>{"score"});
        QCOMPARE(diff.changes[1].op, RowChange::Op::Add);
        QCOMPARE(diff.changes[1].rowB, std::size_t(3));
        QCOMPARE(diff.changes[2].op, RowChange::Op::Remove);
        QCOMPARE(diff.changes[2].rowA, std::size_t(0));
    }

    void compositeKeys()
    {
        const auto a = tableOf("k1,k2,v\na,1,x\na,2,y\nb,1,z\n");
        const auto b = tableOf("k1,k2,v\na,2,Y\nb,1,z\na,1,x\n");
        const auto diff = diffOk(a, b, {"k1", "k2"});
        QCOMPARE(diff.modified, 1u);
        QCOMPARE(diff.unchanged, 2u);
        QCOMPARE(diff.added + diff.removed, 0u);
    }

    void duplicateKeyIsAnErrorNamingIt()
    {
        const auto a = tableOf("id,v\n1,a\n2,b\n2,c\n");
        const auto b = tableOf("id,v\n1,a\n");
        auto diff = version::diffTables(a, b, {{"id"}, 10});
        QVERIFY(!diff.ok());
        QCOMPARE(diff.error().kind, ErrorKind::InvalidInput);
        QVERIFY2(diff.error().message.find("id=2") != std::string::npos, diff.error().message.c_str());
        QVERIFY(diff.error().message.find("rows 2 and 3") != std::string::npos);
        QVERIFY(diff.error().message.find("in A") != std::string::npos);
    }

    void missingKeyColumnIsAnError()
    {
        const auto a = tableOf("id,v\n1,a\n");
        const auto b = tableOf("key,v\n1,a\n");
        auto diff = version::diffTables(a, b, {{"id"}, 10});
        QVERIFY(!diff.ok());
        QVERIFY(diff.error().message.find("'id' is not in B") != std::string::npos);
    }

    void unkeyedDiffCountsDuplicatesAsAMultiset()
    {
        const auto a = tableOf("x,y\n1,a\n1,a\n1,a\n2,b\n3,c\n");
        const auto b = tableOf("x,y\n3,c\n1,a\n4,d\n1,a\n4,d\n");
        const auto diff = diffOk(a, b);
        QCOMPARE(diff.unchanged, 3u); // two of the three (1,a) and (3,c)
        QCOMPARE(diff.added, 2u);     // both (4,d)
        QCOMPARE(diff.removed, 2u);   // one (1,a) and (2,b)
        QCOMPARE(diff.modified, 0u);
    }

    void schemaChangesAndRetypedColumnsCompareAsText()
    {
        const auto a = tableOf("id,code,old,when\n1,7,x,2024-01-01\n2,8,y,2024-01-02\n");
        const auto b = tableOf("id,code,new,when\n1,7,p,2024-01-01\n2,8b,q,2024-01-03\n");
        const auto diff = diffOk(a, b, {"id"});
        QCOMPARE(diff.schema.added, std::vector<std::string>{"new"});
        QCOMPARE(diff.schema.removed, std::vector<std::string>{"old"});
        QCOMPARE(diff.schema.retyped.size(), std::size_t(1));
        QCOMPARE(diff.schema.retyped[0].column, std::string("code"));
        QCOMPARE(diff.schema.retyped[0].from, table::ColumnType::Int);
        QCOMPARE(diff.schema.retyped[0].to, table::ColumnType::String);
        QCOMPARE(diff.unchanged, 1u); // "7" as int equals "7" as text
        QCOMPARE(diff.modified, 1u);
        const std::vector<std::string> changed{"code", "when"};
        QCOMPARE(diff.changes[0].changedColumns, changed);
    }

    void columnDeltas()
    {
        const auto a = tableOf("id,v,c\n1,1.0,x\n2,3.0,y\n3,NA,x\n4,4.0,x\n");
        const auto b = tableOf("id,v,c\n1,2.0,x\n2,4.0,z\n3,6.0,w\n4,,x\n");
        const auto diff = diffOk(a, b, {"id"});
        QCOMPARE(deltaOf(diff, "v").meanDelta, 4.0 - 8.0 / 3.0);
        QCOMPARE(deltaOf(diff, "v").missingShareDelta, 0.0);
        QCOMPARE(deltaOf(diff, "c").distinctDelta, std::int64_t(1));
        QVERIFY(std::isnan(deltaOf(diff, "c").meanDelta));
        QCOMPARE(deltaOf(diff, "v").distinctDelta, std::int64_t(0));
    }

    void limitCapsTheListButNotTheCounts()
    {
        std::string csvA = "id,v\n", csvB = "id,v\n";
        for (int i = 0; i < 500; ++i) {
            csvA += std::to_string(i) + "," + std::to_string(i) + "\n";
            csvB += std::to_string(i) + "," + std::to_string(i % 2 ? i : -i) + "\n";
        }
        const auto a = tableOf(csvA.c_str());
        const auto b = tableOf(csvB.c_str());
        auto diff = version::diffTables(a, b, {{"id"}, 10});
        QVERIFY(diff.ok());
        QCOMPARE(diff->changes.size(), std::size_t(10));
        QCOMPARE(diff->modified, 249u); // every even id but 0
        QCOMPARE(diff->unchanged, 251u);
    }

    void cancellation()
    {
        const auto a = tableOf("id\n1\n2\n");
        CancellationToken token;
        token.cancel();
        auto diff = version::diffTables(a, a, {{"id"}, 10}, Progress({}, token));
        QVERIFY(!diff.ok());
        QCOMPARE(diff.error().kind, ErrorKind::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestTableDiff)
#include "test_table_diff.moc"
