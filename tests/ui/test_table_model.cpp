#include "data/table_model.h"

#include "common/format.h"

#include <QAbstractItemModelTester>
#include <QGuiApplication>
#include <QPalette>
#include <QTest>

#include <cmath>

using assay::table::Column;
using assay::table::ColumnType;
using assay::table::Table;
using assay::ui::TableModel;

namespace {

// income: float with one missing value; age: int; city: string; member: bool;
// seen: datetime (ns since the epoch).
std::shared_ptr<const Table> sampleTable()
{
    Column income("income", ColumnType::Float);
    income.floats() = {52341.7, 0.123456, std::nan(""), -3.5};
    income.missing() = {0, 0, 1, 0};

    Column age("age", ColumnType::Int);
    age.ints() = {34, 51, 28, 45};

    Column city("city", ColumnType::String);
    city.dictionary() = {"Zürich", "Basel"};
    city.codes() = {0, 1, 1, 0};

    Column member("member", ColumnType::Bool);
    member.bools() = {1, 0, 1, 0};
    member.missing() = {0, 0, 0, 1};

    Column seen("seen", ColumnType::Datetime);
    constexpr std::int64_t day = 86'400'000'000'000;
    seen.ints() = {19'000 * day, 19'001 * day, 19'002 * day + 3'600'000'000'000, 0};

    return std::make_shared<const Table>(std::vector<Column>{income, age, city, member, seen});
}

} // namespace

class TestTableModel : public QObject {
    Q_OBJECT
private slots:
    void passesModelTester();
    void shapeAndHeader();
    void numbersAreRightAlignedWithFourDigits();
    void missingValuesAreGreyedDashes();
    void rawValueRoleKeepsTypes();
    void emptyModel();
    void formatHelpers();
};

void TestTableModel::passesModelTester()
{
    TableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(sampleTable());
    model.setTable(std::make_shared<const Table>());
    model.setTable(sampleTable());
}

void TestTableModel::shapeAndHeader()
{
    TableModel model;
    model.setTable(sampleTable());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), 5);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("income\nfloat"));
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("city\nstring"));
    QCOMPARE(model.headerData(4, Qt::Horizontal).toString(), QStringLiteral("seen\ndatetime"));
    QCOMPARE(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("1"));
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
}

void TestTableModel::numbersAreRightAlignedWithFourDigits()
{
    TableModel model;
    model.setTable(sampleTable());
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("52342"));
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("0.1235"));
    QCOMPARE(model.index(3, 0).data().toString(), QStringLiteral("-3.5"));
    QCOMPARE(model.index(1, 0).data(Qt::ToolTipRole).toString(), QStringLiteral("0.123456"));
    QCOMPARE(model.index(0, 0).data(TableModel::ExportTextRole).toString(),
             QStringLiteral("52341.7"));
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("34"));

    const auto alignment = [&](int row, int column) {
        return model.index(row, column).data(Qt::TextAlignmentRole).value<Qt::Alignment>() &
               Qt::AlignHorizontal_Mask;
    };
    QCOMPARE(alignment(0, 0), Qt::AlignRight);
    QCOMPARE(alignment(0, 1), Qt::AlignRight);
    QCOMPARE(alignment(0, 2), Qt::AlignLeft);
    QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("Zürich"));
    QCOMPARE(model.index(0, 3).data().toString(), QStringLiteral("true"));
    QCOMPARE(model.index(0, 4).data().toString(), QStringLiteral("2022-01-08"));
    QCOMPARE(model.index(2, 4).data().toString(), QStringLiteral("2022-01-10T01:00:00Z"));
}

void TestTableModel::missingValuesAreGreyedDashes()
{
    TableModel model;
    model.setTable(sampleTable());
    const QModelIndex missing = model.index(2, 0);
    QCOMPARE(missing.data().toString(), QStringLiteral("—"));
    QCOMPARE(missing.data(Qt::ToolTipRole).toString(), QStringLiteral("missing"));
    QCOMPARE(missing.data(TableModel::ExportTextRole).toString(), QString());
    const auto grey = missing.data(Qt::ForegroundRole).value<QBrush>().color();
    QVERIFY(grey != QGuiApplication::palette().color(QPalette::Text));
    QVERIFY(!model.index(0, 0).data(Qt::ForegroundRole).isValid());
    QCOMPARE(model.index(3, 3).data().toString(), QStringLiteral("—"));
}

void TestTableModel::rawValueRoleKeepsTypes()
{
    TableModel model;
    model.setTable(sampleTable());
    QCOMPARE(model.index(0, 0).data(TableModel::RawValueRole).toDouble(), 52341.7);
    QVERIFY(!model.index(2, 0).data(TableModel::RawValueRole).isValid());
    QCOMPARE(model.index(1, 1).data(TableModel::RawValueRole).toLongLong(), 51);
    QCOMPARE(model.index(1, 2).data(TableModel::RawValueRole).toString(), QStringLiteral("Basel"));
    QCOMPARE(model.index(1, 3).data(TableModel::RawValueRole).toBool(), false);
}

void TestTableModel::emptyModel()
{
    TableModel model;
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
    QVERIFY(!model.headerData(0, Qt::Horizontal).isValid());
}

void TestTableModel::formatHelpers()
{
    using namespace assay::ui;
    QCOMPARE(formatNumber(1.0), QStringLiteral("1"));
    QCOMPARE(formatNumber(9.99999), QStringLiteral("10"));
    QCOMPARE(formatNumber(1234.5678), QStringLiteral("1235"));
    QCOMPARE(formatNumber(0.000012345), QStringLiteral("1.234e-05"));
    QCOMPARE(formatNumber(-0.00001), QStringLiteral("-1e-05"));
    QCOMPARE(formatCount(24000), QStringLiteral("24,000"));
    QCOMPARE(formatCount(999), QStringLiteral("999"));
    QCOMPARE(formatCount(1234567), QStringLiteral("1,234,567"));
    QCOMPARE(formatBytes(3'100'000), QStringLiteral("3.1 MB"));
    QCOMPARE(formatBytes(17), QStringLiteral("17 B"));
    QCOMPARE(formatBytes(812'000), QStringLiteral("812 kB"));
}

QTEST_MAIN(TestTableModel)
#include "test_table_model.moc"
