#include "data/column_delta_model.h"
#include "data/dataset_comparison.h"
#include "data/diff_command.h"
#include "data/diff_model.h"
#include "data/diff_summary.h"
#include "data/history_model.h"
#include "data/table_model.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QSortFilterProxyModel>
#include <QTest>

#include <cmath>

using assay::table::Column;
using assay::table::ColumnType;
using assay::table::Table;
using assay::version::ColumnDelta;
using assay::version::kNoRow;
using assay::version::RowChange;
using namespace assay::ui;

namespace {

// A: ids 1, 2, 3 with scores 0.5, 0.75, 1; B: ids 1, 3, 4 with 0.5, 2, 4 and a new note.
std::shared_ptr<const Table> tableA()
{
    Column id("customer_id", ColumnType::Int);
    id.ints() = {1, 2, 3};
    Column score("score", ColumnType::Float);
    score.floats() = {0.5, 0.75, 1.0};
    return std::make_shared<const Table>(std::vector<Column>{id, score});
}

std::shared_ptr<const Table> tableB()
{
    Column id("customer_id", ColumnType::Int);
    id.ints() = {1, 3, 4};
    Column score("score", ColumnType::Float);
    score.floats() = {0.5, 2.0, 4.0};
    Column note("note", ColumnType::String);
    note.dictionary() = {"x"};
    note.codes() = {0, 0, 0};
    return std::make_shared<const Table>(std::vector<Column>{id, score, note});
}

// What diffTables would report for A → B keyed by customer_id, written by hand.
std::shared_ptr<const DatasetComparison> keyedComparison()
{
    auto comparison = std::make_shared<DatasetComparison>();
    comparison->a = tableA();
    comparison->b = tableB();
    comparison->nameA = QStringLiteral("data/c.csv@1234567");
    comparison->nameB = QStringLiteral("data/c.csv");
    comparison->keyColumns = {"customer_id"};
    comparison->limit = 100;
    auto &diff = comparison->diff;
    diff.schema.added = {"note"};
    diff.added = 1;
    diff.removed = 1;
    diff.modified = 1;
    diff.unchanged = 1;
    diff.changes = {RowChange{RowChange::Op::Modify, 2, 1, {"score"}},
                    RowChange{RowChange::Op::Add, kNoRow, 2, {}},
                    RowChange{RowChange::Op::Remove, 1, kNoRow, {}}};
    diff.columns = {ColumnDelta{"customer_id", 2.0 / 3.0, 0.0, 0},
                    ColumnDelta{"score", 1.9166666, 0.0, 1}};
    return comparison;
}

QString text(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}

} // namespace

class TestDiffModel : public QObject {
    Q_OBJECT
private slots:
    void listsChangesWithWordsAndColours();
    void showsUnchangedRowsWhenAsked();
    void sortsByValueNotByText();
    void unkeyedDiffShowsRowNumbers();
    void columnDeltasAreSigned();
    void historyListsVersionsUnderTheWorkingCopy();
    void picksAUniqueIdAsKey();
    void summarisesAndBuildsTheCommand();
};

void TestDiffModel::listsChangesWithWordsAndColours()
{
    DiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setComparison(keyedComparison());
    QCOMPARE(model.rowCount(), 3);
    // key, change, then the shared columns but the key (note is B's only: not a diff column).
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("customer_id\nkey"));
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("score\nfloat"));

    QCOMPARE(text(model, 0, DiffModel::KeyColumn), QStringLiteral("3"));
    QCOMPARE(text(model, 0, DiffModel::ChangeColumn), QStringLiteral("~ modified"));
    QCOMPARE(text(model, 0, 2), QStringLiteral("1 → 2"));
    QVERIFY(model.index(0, 2).data(DiffModel::CellChangedRole).toBool());
    QVERIFY(!model.index(0, 1).data(DiffModel::CellChangedRole).toBool());
    QVERIFY(model.index(0, 2).data(Qt::BackgroundRole).canConvert<QBrush>());
    QVERIFY(!model.index(0, DiffModel::KeyColumn).data(Qt::BackgroundRole).isValid());

    QCOMPARE(text(model, 1, DiffModel::KeyColumn), QStringLiteral("4"));
    QCOMPARE(text(model, 1, DiffModel::ChangeColumn), QStringLiteral("+ added"));
    QCOMPARE(text(model, 1, 2), QStringLiteral("4"));
    QCOMPARE(text(model, 2, DiffModel::KeyColumn), QStringLiteral("2"));
    QCOMPARE(text(model, 2, DiffModel::ChangeColumn), QStringLiteral("− removed"));
    QCOMPARE(text(model, 2, 2), QStringLiteral("0.75"));
    QCOMPARE(text(model, 2, DiffModel::ChangeColumn, TableModel::ExportTextRole),
             QStringLiteral("removed"));

    // Added green, removed red: different tints on whole rows, a word beside the colour.
    const QColor added = model.index(1, 2).data(Qt::BackgroundRole).value<QBrush>().color();
    const QColor removed = model.index(2, 2).data(Qt::BackgroundRole).value<QBrush>().color();
    QVERIFY(added.green() > added.red());
    QVERIFY(removed.red() > removed.green());
}

void TestDiffModel::sortsByValueNotByText()
{
    DiffModel model;
    model.setComparison(keyedComparison());
    QSortFilterProxyModel sorted;
    QAbstractItemModelTester tester(&sorted, QAbstractItemModelTester::FailureReportingMode::QtTest);
    sorted.setSourceModel(&model);
    sorted.setSortRole(DiffModel::SortRole);
    // Scores shown: 1 → 2 (B's 2), 4 (added), 0.75 (removed, A's value). As text "0.75" < "1 → 2".
    sorted.sort(2, Qt::DescendingOrder);
    QCOMPARE(text(sorted, 0, DiffModel::KeyColumn), QStringLiteral("4"));
    QCOMPARE(text(sorted, 1, DiffModel::KeyColumn), QStringLiteral("3"));
    QCOMPARE(text(sorted, 2, DiffModel::KeyColumn), QStringLiteral("2"));
    sorted.sort(DiffModel::KeyColumn, Qt::AscendingOrder);
    QCOMPARE(text(sorted, 0, DiffModel::KeyColumn), QStringLiteral("2"));
    QCOMPARE(text(sorted, 2, DiffModel::KeyColumn), QStringLiteral("4"));
}

void TestDiffModel::showsUnchangedRowsWhenAsked()
{
    DiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setComparison(keyedComparison());
    model.setChangedRowsOnly(false);
    // B's rows in order (unchanged 1, modified 3, added 4), then the removal.
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(text(model, 0, DiffModel::KeyColumn), QStringLiteral("1"));
    QCOMPARE(text(model, 0, DiffModel::ChangeColumn), QStringLiteral("unchanged"));
    QVERIFY(!model.index(0, 2).data(Qt::BackgroundRole).isValid());
    QCOMPARE(model.rowKind(1), DiffModel::RowKind::Modified);
    QCOMPARE(model.rowKind(2), DiffModel::RowKind::Added);
    QCOMPARE(model.rowKind(3), DiffModel::RowKind::Removed);
    model.setChangedRowsOnly(true);
    QCOMPARE(model.rowCount(), 3);
    model.setComparison(nullptr);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
}

void TestDiffModel::unkeyedDiffShowsRowNumbers()
{
    auto comparison = std::make_shared<DatasetComparison>(*keyedComparison());
    comparison->keyColumns.clear();
    comparison->diff.modified = 0;
    comparison->diff.added = 2;
    comparison->diff.removed = 2;
    comparison->diff.changes = {RowChange{RowChange::Op::Add, kNoRow, 1, {}},
                                RowChange{RowChange::Op::Add, kNoRow, 2, {}},
                                RowChange{RowChange::Op::Remove, 1, kNoRow, {}},
                                RowChange{RowChange::Op::Remove, 2, kNoRow, {}}};
    DiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setComparison(comparison);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(text(model, 0, DiffModel::KeyColumn), QStringLiteral("B 2"));
    QCOMPARE(text(model, 3, DiffModel::KeyColumn), QStringLiteral("A 3"));
    QCOMPARE(diffCountsText(*comparison),
             QStringLiteral("+2 added · −2 removed · 1 unchanged")); // no "modified" unkeyed
}

void TestDiffModel::columnDeltasAreSigned()
{
    ColumnDeltaModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDeltas({ColumnDelta{"income", -1234.5678, 0.0125, -3},
                     ColumnDelta{"city", std::nan(""), 0.0, 12}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(text(model, 0, ColumnDeltaModel::MeanColumn), QStringLiteral("−1235"));
    QCOMPARE(text(model, 0, ColumnDeltaModel::MissingColumn), QStringLiteral("+1.25 pp"));
    QCOMPARE(text(model, 0, ColumnDeltaModel::DistinctColumn), QStringLiteral("−3"));
    QCOMPARE(text(model, 1, ColumnDeltaModel::MeanColumn), QStringLiteral("—"));
    QCOMPARE(text(model, 1, ColumnDeltaModel::MissingColumn), QStringLiteral("0"));
    QCOMPARE(text(model, 1, ColumnDeltaModel::DistinctColumn), QStringLiteral("+12"));
    QVERIFY(text(model, 0, ColumnDeltaModel::MeanColumn, Qt::ToolTipRole)
                .contains(QStringLiteral("-1234.5678")));
    const QColor down = model.index(0, 1).data(Qt::ForegroundRole).value<QBrush>().color();
    const QColor up = model.index(0, 2).data(Qt::ForegroundRole).value<QBrush>().color();
    QVERIFY(down != up);
    QCOMPARE(formatSignedNumber(0.00001234), QStringLiteral("+1.234e-05"));
}

void TestDiffModel::historyListsVersionsUnderTheWorkingCopy()
{
    HistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    assay::version::DatasetVersion newer;
    newer.commit = "89abcdef0123456789abcdef0123456789abcdef";
    newer.time = 1'700'000'000;
    newer.author = "Ada";
    newer.message = "drifted second version";
    newer.size = 3'100'000;
    newer.rows = 24'000;
    newer.columns = 19;
    assay::version::DatasetVersion older = newer;
    older.commit = "0123456789abcdef0123456789abcdef01234567";
    older.time -= 3 * 3600;
    older.rows.reset();
    model.setNow(newer.time + 120);
    model.setVersions({newer, older}, 3'200'000);
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(model.isWorkingCopy(0));
    QCOMPARE(text(model, 0, HistoryModel::DateColumn), QStringLiteral("working copy"));
    QCOMPARE(text(model, 1, HistoryModel::CommitColumn), QStringLiteral("89abcde"));
    QCOMPARE(text(model, 1, HistoryModel::ShapeColumn), QStringLiteral("24,000 × 19"));
    QCOMPARE(text(model, 2, HistoryModel::ShapeColumn), QStringLiteral("—"));
    QCOMPARE(text(model, 1, HistoryModel::SizeColumn), QStringLiteral("3.1 MB"));
    QCOMPARE(text(model, 1, HistoryModel::DateColumn, Qt::ToolTipRole),
             QStringLiteral("2 min ago"));
    QCOMPARE(text(model, 2, HistoryModel::DateColumn, Qt::ToolTipRole), QStringLiteral("3 h ago"));
    QCOMPARE(text(model, 2, 0, HistoryModel::CommitRole), QString::fromStdString(older.commit));
    QCOMPARE(text(model, 0, 0, HistoryModel::CommitRole), QString());
    model.setVersions({older}, std::nullopt);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(!model.isWorkingCopy(0));
}

void TestDiffModel::picksAUniqueIdAsKey()
{
    QCOMPARE(defaultKeyColumn(*tableA(), *tableB()), std::optional<std::string>("customer_id"));
    Column id("id", ColumnType::Int);
    id.ints() = {1, 1, 2};
    Column value("value", ColumnType::Float);
    value.floats() = {1, 2, 3};
    const Table duplicated(std::vector<Column>{id, value});
    QCOMPARE(defaultKeyColumn(duplicated, duplicated), std::nullopt);
    QCOMPARE(sharedColumnNames(*tableA(), *tableB()),
             (std::vector<std::string>{"customer_id", "score"}));
}

void TestDiffModel::summarisesAndBuildsTheCommand()
{
    const auto comparison = keyedComparison();
    QCOMPARE(diffCountsText(*comparison),
             QStringLiteral("+1 added · −1 removed · ~1 modified · 1 unchanged"));
    QVERIFY(schemaChangesHtml(*comparison).contains(QStringLiteral("note (string) added")));
    QCOMPARE(truncationText(*comparison), QString());
    QCOMPARE(diffCommandLine(comparison->nameA, comparison->nameB, comparison->keyColumns),
             QStringLiteral("assay diff data/c.csv@1234567 data/c.csv --key customer_id"));
    QCOMPARE(diffCommandLine(QStringLiteral("/tmp/my data.csv"), QStringLiteral("b.csv"), {}),
             QStringLiteral("assay diff '/tmp/my data.csv' b.csv"));

    auto truncated = std::make_shared<DatasetComparison>(*comparison);
    truncated->diff.changes.resize(1);
    QCOMPARE(truncationText(*truncated),
             QStringLiteral("Listing the first 1 of 3 changed rows; the counts cover all rows."));
}

QTEST_MAIN(TestDiffModel)
#include "test_diff_model.moc"
