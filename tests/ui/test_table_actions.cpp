#include "common/csv_export.h"
#include "common/table_actions.h"
#include "data/table_model.h"
#include "shell/job_runner.h"

#include <QAction>
#include <QBuffer>
#include <QFile>
#include <QHeaderView>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using assay::table::Column;
using assay::table::ColumnType;
using assay::table::Table;
using assay::ui::CsvTable;
using assay::ui::TableActions;
using assay::ui::TableModel;

namespace {

QString csvText(const CsvTable &table)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const assay::Status written = assay::ui::writeCsv(buffer, table);
    if (!written.ok())
        return QStringLiteral("error");
    return QString::fromUtf8(buffer.data());
}

QString fileText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// name / note / score, the notes holding what CSV must quote.
QStandardItemModel *notesModel(QObject *parent)
{
    auto *model = new QStandardItemModel(0, 3, parent);
    model->setHorizontalHeaderLabels(
        {QStringLiteral("name"), QStringLiteral("note"), QStringLiteral("score")});
    const auto add = [model](const char *name, const char *note, const char *score) {
        model->appendRow({new QStandardItem(QString::fromUtf8(name)),
                          new QStandardItem(QString::fromUtf8(note)),
                          new QStandardItem(QString::fromUtf8(score))});
    };
    add("b", "plain", "2");
    add("a", "say \"hi\", twice", "1");
    add("c", "two\nlines", "3");
    return model;
}

std::shared_ptr<const Table> numbersTable()
{
    Column id("id", ColumnType::Int);
    id.ints() = {3, 1, 2};
    Column value("value", ColumnType::Float);
    value.floats() = {0.5, 0.0, 1.0 / 3.0};
    value.missing() = {0, 1, 0};
    Column label("label", ColumnType::String);
    label.dictionary() = {"x, y", "z"};
    label.codes() = {0, 1, 0};
    return std::make_shared<const Table>(std::vector<Column>{id, value, label});
}

} // namespace

class TestTableActions : public QObject {
    Q_OBJECT
private slots:
    void quotesFieldsPerRfc4180();
    void writesHeaderAndRows();
    void exportsWhatTheViewShows();
    void columnChooserHidesAColumn();
    void hiddenColumnsSurviveResetAndSettings();
    void bigTableExportsOnTheRunner();
};

void TestTableActions::quotesFieldsPerRfc4180()
{
    using assay::ui::csvField;
    QCOMPARE(csvField(QStringLiteral("plain")), QStringLiteral("plain"));
    QCOMPARE(csvField(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
    QCOMPARE(csvField(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
    QCOMPARE(csvField(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
    QCOMPARE(csvField(QStringLiteral(" padded")), QStringLiteral("\" padded\""));
    QCOMPARE(csvField(QString()), QString());
}

void TestTableActions::writesHeaderAndRows()
{
    CsvTable table;
    table.header = {QStringLiteral("k"), QStringLiteral("v")};
    table.rowCount = 2;
    table.cell = [](qsizetype row, qsizetype column) {
        return column == 0 ? QString::number(row) : QStringLiteral("x,\"y\"");
    };
    QCOMPARE(csvText(table), QStringLiteral("k,v\r\n0,\"x,\"\"y\"\"\"\r\n1,\"x,\"\"y\"\"\"\r\n"));
}

void TestTableActions::exportsWhatTheViewShows()
{
    QTableView view;
    auto *model = notesModel(&view);
    view.setModel(model);
    TableActions *actions = TableActions::install(&view, QStringLiteral("notes"), Qt::DisplayRole);
    view.setSortingEnabled(true);
    view.sortByColumn(2, Qt::DescendingOrder);  // shown order: c, b, a
    view.horizontalHeader()->moveSection(2, 0); // score first
    actions->setColumnHidden(0, true);          // without the name
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.csv"));
    QVERIFY(actions->exportTo(path).ok());
    QCOMPARE(fileText(path), QStringLiteral("score,note\r\n3,\"two\nlines\"\r\n2,plain\r\n"
                                            "1,\"say \"\"hi\"\", twice\"\r\n"));
    QVERIFY(!QFile::exists(path + QStringLiteral(".tmp")));
}

void TestTableActions::columnChooserHidesAColumn()
{
    QTableView view;
    view.setModel(notesModel(&view));
    TableActions *actions = TableActions::install(&view, QStringLiteral("notes"), Qt::DisplayRole);
    QCOMPARE(TableActions::of(&view), actions);
    std::unique_ptr<QMenu> menu(actions->createColumnMenu(&view));
    QList<QAction *> columns;
    for (QAction *action : menu->actions()) {
        if (action->isCheckable())
            columns.append(action);
    }
    QCOMPARE(columns.size(), 3);
    QCOMPARE(columns[1]->text(), QStringLiteral("note"));
    QVERIFY(columns[1]->isChecked());
    columns[1]->trigger();
    QVERIFY(view.isColumnHidden(1));
    QCOMPARE(actions->hiddenColumns(), QStringList{QStringLiteral("note")});

    // The last visible column cannot be hidden.
    actions->setColumnHidden(0, true);
    std::unique_ptr<QMenu> again(actions->createColumnMenu(&view));
    QVERIFY(!again->actions()[2]->isEnabled());
    QVERIFY(again->actions()[2]->isChecked());
}

void TestTableActions::hiddenColumnsSurviveResetAndSettings()
{
    QWidget root;
    auto *view = new QTableView(&root);
    TableModel model;
    model.setTable(numbersTable());
    view->setModel(&model);
    TableActions *actions =
        TableActions::install(view, QStringLiteral("numbers"), TableModel::ExportTextRole);
    actions->setColumnHidden(1, true);
    model.setTable(numbersTable()); // another dataset with the same column
    QVERIFY(view->isColumnHidden(1));

    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    TableActions::saveAll(settings, &root);
    actions->setHiddenColumns({});
    QVERIFY(!view->isColumnHidden(1));
    TableActions::restoreAll(settings, &root);
    QVERIFY(view->isColumnHidden(1));
}

void TestTableActions::bigTableExportsOnTheRunner()
{
    assay::ui::JobRunner jobs;
    QTableView view;
    TableModel model;
    model.setTable(numbersTable());
    view.setModel(&model);
    TableActions *actions =
        TableActions::install(&view, QStringLiteral("numbers"), TableModel::ExportTextRole);
    actions->setBackgroundExport(
        [&model](const QList<int> &columns) { return model.csvTable(columns); }, &jobs);
    model.sort(0, Qt::AscendingOrder);
    view.horizontalHeader()->moveSection(2, 0);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("numbers.csv"));
    QSignalSpy finished(actions, &TableActions::exportFinished);
    QVERIFY(actions->exportTo(path).ok());
    QVERIFY(jobs.waitUntilIdle(10'000));
    QCOMPARE(finished.size(), 1);
    QVERIFY(finished[0][1].toBool());
    QCOMPARE(fileText(path), QStringLiteral("label,id,value\r\nz,1,\r\n\"x, y\",2,"
                                            "0.3333333333333333\r\n\"x, y\",3,0.5\r\n"));
}

QTEST_MAIN(TestTableActions)
#include "test_table_actions.moc"
