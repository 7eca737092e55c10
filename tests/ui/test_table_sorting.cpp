#include "data/data_table_view.h"
#include "data/row_order.h"
#include "data/table_model.h"
#include "shell/job_runner.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QPersistentModelIndex>
#include <QTest>

#include <cmath>
#include <random>

using assay::table::Column;
using assay::table::ColumnType;
using assay::table::Table;
using assay::ui::TableModel;

namespace {

// income: float with a missing value and a NaN; age: int; city: string (dictionary not
// in text order); member: bool with a missing value.
std::shared_ptr<const Table> sampleTable()
{
    Column income("income", ColumnType::Float);
    income.floats() = {52341.7, 0.123456, 0.0, -3.5, std::nan("")};
    income.missing() = {0, 0, 1, 0, 0};

    Column age("age", ColumnType::Int);
    age.ints() = {34, 51, 28, 45, 34};

    Column city("city", ColumnType::String);
    city.dictionary() = {"Zürich", "Basel", "Aarau"};
    city.codes() = {0, 1, 1, 0, 2};

    Column member("member", ColumnType::Bool);
    member.bools() = {1, 0, 1, 0, 1};
    member.missing() = {0, 0, 0, 1, 0};

    return std::make_shared<const Table>(std::vector<Column>{income, age, city, member});
}

// The file row numbers the model shows, top to bottom (from the row header).
QStringList shownRows(const TableModel &model)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row)
        rows.append(model.headerData(row, Qt::Vertical).toString());
    return rows;
}

QStringList column(const TableModel &model, int column)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.index(row, column).data(TableModel::ExportTextRole).toString());
    return values;
}

QStringList split(const char *text)
{
    return QString::fromUtf8(text).split(u',');
}

} // namespace

class TestTableSorting : public QObject {
    Q_OBJECT
private slots:
    void sortsIntsStably();
    void missingFloatsComeLastBothWays();
    void sortsStringsByText();
    void fileOrderComesBack();
    void persistentIndexesFollowTheirRows();
    void sortsOnTheJobRunner();
    void copyTakesTheShownOrder();
    void millionRowsSortQuickly();
};

void TestTableSorting::sortsIntsStably()
{
    TableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(sampleTable());
    model.sort(1, Qt::AscendingOrder);
    QCOMPARE(column(model, 1), split("28,34,34,45,51"));
    QCOMPARE(shownRows(model), split("3,1,5,4,2")); // equal ages keep their file order
    model.sort(1, Qt::DescendingOrder);
    QCOMPARE(column(model, 1), split("51,45,34,34,28"));
    QCOMPARE(shownRows(model), split("2,4,1,5,3"));
}

void TestTableSorting::missingFloatsComeLastBothWays()
{
    TableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(sampleTable());
    model.sort(0, Qt::AscendingOrder);
    QCOMPARE(shownRows(model), split("4,2,1,3,5"));
    QCOMPARE(model.index(3, 0).data().toString(), QStringLiteral("—"));
    model.sort(0, Qt::DescendingOrder);
    QCOMPARE(shownRows(model), split("1,2,4,3,5"));
    model.sort(3, Qt::AscendingOrder);
    QCOMPARE(column(model, 3), split("false,true,true,true,"));
}

void TestTableSorting::sortsStringsByText()
{
    TableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(sampleTable());
    model.sort(2, Qt::AscendingOrder);
    QCOMPARE(column(model, 2), QString::fromUtf8("Aarau,Basel,Basel,Zürich,Zürich").split(u','));
    QCOMPARE(shownRows(model), split("5,2,3,1,4"));
    model.sort(2, Qt::DescendingOrder);
    QCOMPARE(shownRows(model), split("1,4,2,3,5"));
}

void TestTableSorting::fileOrderComesBack()
{
    TableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(sampleTable());
    model.sort(1, Qt::AscendingOrder);
    model.sort(-1, Qt::AscendingOrder);
    QCOMPARE(shownRows(model), split("1,2,3,4,5"));
    model.sort(1, Qt::AscendingOrder);
    model.setTable(sampleTable()); // a new table opens in file order
    QCOMPARE(shownRows(model), split("1,2,3,4,5"));
    QVERIFY(!model.rowOrder());
}

void TestTableSorting::persistentIndexesFollowTheirRows()
{
    TableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(sampleTable());
    const QPersistentModelIndex basel(model.index(1, 2)); // file row 2, age 51
    model.sort(1, Qt::AscendingOrder);
    QCOMPARE(basel.row(), 4);
    QCOMPARE(basel.column(), 2);
    QCOMPARE(basel.data().toString(), QStringLiteral("Basel"));
    model.sort(-1, Qt::AscendingOrder);
    QCOMPARE(basel.row(), 1);
}

void TestTableSorting::sortsOnTheJobRunner()
{
    assay::ui::JobRunner jobs;
    TableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJobRunner(&jobs);
    model.setTable(sampleTable());
    model.sort(2, Qt::AscendingOrder); // superseded before it lands
    model.sort(1, Qt::DescendingOrder);
    QVERIFY(model.isSorting());
    QVERIFY(jobs.waitUntilIdle(10'000));
    QVERIFY(!model.isSorting());
    QCOMPARE(shownRows(model), split("2,4,1,5,3"));
}

void TestTableSorting::copyTakesTheShownOrder()
{
    TableModel model;
    model.setTable(sampleTable());
    assay::ui::DataTableView view;
    view.setModel(&model);
    view.setSortingEnabled(true);
    view.sortByColumn(1, Qt::AscendingOrder);
    QCOMPARE(view.horizontalHeader()->sortIndicatorSection(), 1);
    view.selectionModel()->select(QItemSelection(model.index(0, 1), model.index(1, 2)),
                                  QItemSelectionModel::ClearAndSelect);
    view.copySelection();
    QCOMPARE(QApplication::clipboard()->text(), QString::fromUtf8("28\tBasel\n34\tZürich\n"));
}

void TestTableSorting::millionRowsSortQuickly()
{
    constexpr std::size_t rows = 1'000'000;
    Column value("value", ColumnType::Float);
    value.floats().resize(rows);
    std::mt19937_64 random(7);
    std::normal_distribution<double> normal;
    for (double &x : value.floats())
        x = normal(random);
    const Table table(std::vector<Column>{value});
    QElapsedTimer timer;
    timer.start();
    const auto order = assay::ui::sortedRowOrder(table, 0, Qt::AscendingOrder);
    qInfo("sorted %zu floats in %lld ms", rows, timer.elapsed());
    QCOMPARE(order.size(), rows);
    for (std::size_t i = 1; i < rows; ++i)
        QVERIFY(value.floats()[order[i - 1]] <= value.floats()[order[i]]);
}

QTEST_MAIN(TestTableSorting)
#include "test_table_sorting.moc"
