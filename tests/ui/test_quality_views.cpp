#include "common/distribution_chart.h"
#include "common/verdict_banner.h"
#include "data/anomaly_model.h"
#include "data/data_area.h"
#include "data/dataset_pane.h"
#include "data/drift_model.h"
#include "data/drift_view.h"
#include "data/history_model.h"
#include "data/history_view.h"
#include "data/profile_distribution.h"
#include "data/profile_model.h"
#include "data/profile_view.h"
#include "data/schema_model.h"
#include "data/schema_view.h"
#include "demo/demo_workspace.h"
#include "drift/drift.h"
#include "shell/job_runner.h"
#include "shell/main_window.h"
#include "shell/screenshot.h"
#include "stats/profile.h"
#include "validate/schema_json.h"
#include "validate/validation.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace assay;
using namespace assay::ui;

namespace {
constexpr int jobTimeoutMs = 120'000;
} // namespace

class TestQualityViews : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void profileViewMatchesTheCoreAndCompares();
    void profileFiltersByNameAndType();
    void distributionsOverlayOnSharedBins();
    void schemaViewListsTheDemoAnomalies();
    void schemaEditsAreCheckedAndSaved();
    void driftViewShowsTheDemoDrift();
    void chartsExportEveryFormat();

private:
    DataArea *openDemo(MainWindow &window, const QString &view);
    std::string demoFile() const;
    std::vector<version::DatasetVersion> versions(DataArea *area) const;

    QTemporaryDir m_demoDir;
    QTemporaryDir m_settingsDir;
    std::unique_ptr<QSettings> m_settings;
};

void TestQualityViews::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_demoDir.isValid());
    demo::DemoOptions options;
    options.rows = 600;
    const auto created =
        demo::createDemoWorkspace(m_demoDir.filePath(QStringLiteral("demo")).toStdString(), options);
    QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
}

void TestQualityViews::init()
{
    m_settings = std::make_unique<QSettings>(
        m_settingsDir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + QStringLiteral(".ini")),
        QSettings::IniFormat);
}

DataArea *TestQualityViews::openDemo(MainWindow &window, const QString &view)
{
    if (window.openWorkspace(m_demoDir.filePath(QStringLiteral("demo"))) != QString())
        return nullptr;
    if (!window.showView(view) || !window.jobRunner()->waitUntilIdle(jobTimeoutMs))
        return nullptr;
    return qobject_cast<DataArea *>(window.area(QStringLiteral("data")));
}

std::string TestQualityViews::demoFile() const
{
    return m_demoDir.filePath(QStringLiteral("demo/data/credit.csv")).toStdString();
}

std::vector<version::DatasetVersion> TestQualityViews::versions(DataArea *area) const
{
    return area->pane()->historyView()->model()->versions();
}

void TestQualityViews::profileViewMatchesTheCoreAndCompares()
{
    MainWindow window(m_settings.get());
    DataArea *area = openDemo(window, QStringLiteral("data-profile"));
    QVERIFY(area);
    QCOMPARE(area->pane()->currentTab(), DatasetPane::Tab::Profile);
    ProfileView *view = area->pane()->profileView();
    QVERIFY(view->isShowingProfile());
    QAbstractItemModelTester numericTester(view->numericModel(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester categoricalTester(view->categoricalModel(),
                                               QAbstractItemModelTester::FailureReportingMode::QtTest);

    // --view profiles the latest version against the one before.
    const auto history = versions(area);
    auto newer = stats::profileDataset({demoFile(), history[0].commit});
    auto older = stats::profileDataset({demoFile(), history[1].commit});
    QVERIFY(newer.ok() && older.ok());
    ProfileModel *numeric = view->numericModel();
    ProfileModel *categorical = view->categoricalModel();
    QVERIFY(numeric->isComparing());
    QCOMPARE(std::size_t(numeric->rowCount() + categorical->rowCount()), newer->columns.size());
    const int age = numeric->rowOf(QStringLiteral("age"));
    QVERIFY(age >= 0);
    const stats::ColumnProfile &expected = *newer->column("age");
    QCOMPARE(numeric->columnProfile(age).mean, expected.mean);
    QCOMPARE(numeric->index(age, numeric->columnOf(ProfileModel::Field::Count)).data(ProfileModel::SortRole)
                 .toULongLong(),
             expected.count);
    // Both series on shared bins, the baseline (older) first; a distance in [0, 1].
    const DistributionData &overlay = numeric->distribution(age);
    QCOMPARE(overlay.series.size(), std::size_t(2));
    QVERIFY(overlay.series[0].name.contains(QString::fromStdString(history[1].commit.substr(0, 7))));
    const double distance = numeric->distance(age);
    QVERIFY(distance > 0 && distance <= 1);
    QVERIFY(numeric->columnOf(ProfileModel::Field::Distance) >= 0);

    // Selecting a column draws it.
    view->selectColumn(QStringLiteral("purpose"));
    QCOMPARE(view->chart()->data().valueTitle, QStringLiteral("purpose"));
    QVERIFY(!view->chart()->data().isNumeric());
    QVERIFY(view->chart()->data().categories.contains(QStringLiteral("energy_upgrade")));
    QVERIFY(view->commandLine().startsWith(QStringLiteral("assay profile data/credit.csv@")));

    QTemporaryDir out;
    const QString path = out.filePath(QStringLiteral("profile.png"));
    QCOMPARE(renderScreenshot(window, QSize(1400, 900), path, jobTimeoutMs), QString());
    QCOMPARE(QImage(path).size(), QSize(1400, 900));
}

void TestQualityViews::profileFiltersByNameAndType()
{
    MainWindow window(m_settings.get());
    DataArea *area = openDemo(window, QStringLiteral("data-profile"));
    QVERIFY(area);
    ProfileView *view = area->pane()->profileView();
    view->filterBox()->setText(QStringLiteral("AGE"));
    QCOMPARE(view->numericTable()->model()->rowCount(), 1);     // age
    QCOMPARE(view->categoricalTable()->model()->rowCount(), 1); // age_band
    view->typeFilter()->setCurrentIndex(2);                     // categorical only
    QVERIFY(view->numericTable()->parentWidget()->isHidden());
    QVERIFY(!view->categoricalTable()->parentWidget()->isHidden());
    view->filterBox()->clear();
    QCOMPARE(std::size_t(view->numericTable()->model()->rowCount()),
             std::size_t(view->numericModel()->rowCount()));
}

void TestQualityViews::distributionsOverlayOnSharedBins()
{
    stats::ColumnProfile a;
    a.name = "x";
    a.type = table::ColumnType::Float;
    a.count = 10;
    a.histogram.edges = {0, 5, 10};
    a.histogram.counts = {4, 6};
    stats::ColumnProfile b = a;
    b.histogram.edges = {10, 15, 20};
    b.histogram.counts = {10, 0};
    b.histogram.edges.resize(3);
    const DistributionData same = columnDistribution(a, QStringLiteral("a"), &a, QStringLiteral("a"));
    QCOMPARE(distributionDistance(same), 0.0);
    const DistributionData apart = columnDistribution(a, QStringLiteral("a"), &b, QStringLiteral("b"));
    QCOMPARE(apart.edges.front(), 0.0);
    QCOMPARE(apart.edges.back(), 20.0);
    QCOMPARE(apart.edges.size(), stats::kHistogramBins + 1);
    double total = 0;
    for (double count : apart.series[0].counts)
        total += count;
    QCOMPARE(total, 10.0); // spreading over new bins keeps every row
    QCOMPARE(distributionDistance(apart), 1.0);

    stats::ColumnProfile city;
    city.name = "city";
    city.type = table::ColumnType::String;
    city.count = 10;
    city.top = {{"north", 6}, {"south", 4}};
    stats::ColumnProfile later = city;
    later.top = {{"north", 5}, {"east", 5}};
    const DistributionData categories = columnDistribution(city, QStringLiteral("a"), &later, QStringLiteral("b"));
    QCOMPARE(categories.categories, (QStringList{QStringLiteral("north"), QStringLiteral("east"), QStringLiteral("south")}));
    QCOMPARE(categories.series[1].counts, (std::vector<double>{5, 5, 0}));
}

void TestQualityViews::schemaViewListsTheDemoAnomalies()
{
    MainWindow window(m_settings.get());
    DataArea *area = openDemo(window, QStringLiteral("data-schema"));
    QVERIFY(area);
    QCOMPARE(area->pane()->currentTab(), DatasetPane::Tab::Schema);
    SchemaView *view = area->pane()->schemaView();
    QVERIFY(view->isShowingSchema());
    QAbstractItemModelTester schemaTester(view->schemaModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester anomalyTester(view->anomalyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    // The demo's schema describes the first quarter; the working copy has drifted from it.
    auto schema = validate::loadSchema(validate::schemaPathBeside(demoFile()));
    QVERIFY(schema.ok());
    QCOMPARE(view->schemaModel()->schema(), *schema);
    auto report = validate::validateDataset({demoFile(), std::nullopt}, *schema);
    QVERIFY(report.ok());
    QCOMPARE(std::size_t(view->anomalyModel()->rowCount()), report->anomalies.size());
    QVERIFY(view->anomalyModel()->errorCount() > 0);
    QCOMPARE(view->anomalyModel()->index(0, AnomalyModel::SeverityColumn).data().toString(), QStringLiteral("error"));

    // Clicking an anomaly selects its column in the schema.
    const QModelIndex first = view->anomalyTable()->model()->index(0, AnomalyModel::DetailColumn);
    view->anomalyTable()->setCurrentIndex(first);
    const QString column = first.data(AnomalyModel::ColumnNameRole).toString();
    QCOMPARE(view->schemaTable()->currentIndex().data().toString(), column);
    QVERIFY(view->commandLine().startsWith(QStringLiteral("assay validate data/credit.csv --schema data/credit.schema.json")));
}

void TestQualityViews::schemaEditsAreCheckedAndSaved()
{
    QTemporaryDir dir;
    const auto path = std::filesystem::path(dir.filePath(QStringLiteral("credit.schema.json")).toStdString());
    validate::Schema schema;
    schema.columns.push_back({"age", table::ColumnType::Int, true, 1.0, 18.0, 90.0, std::nullopt});
    schema.columns.push_back({"region", table::ColumnType::String, false, 0.9, std::nullopt, std::nullopt,
                              std::vector<std::string>{"east", "west"}});
    SchemaModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSchema(schema);
    QVERIFY(!model.isModified());
    // Refused: a word for a bound, a presence above 1, an unknown type, a range on strings.
    QVERIFY(!model.setData(model.index(0, SchemaModel::MinColumn), QStringLiteral("old")));
    QVERIFY(!model.setData(model.index(1, SchemaModel::PresenceColumn), 1.5));
    QVERIFY(!model.setData(model.index(0, SchemaModel::TypeColumn), QStringLiteral("integer")));
    QVERIFY(!(model.flags(model.index(1, SchemaModel::MinColumn)) & Qt::ItemIsEditable));
    QVERIFY(!model.isModified());
    // Accepted: a wider range, an empty max (unbounded), a longer domain, optional age.
    QVERIFY(model.setData(model.index(0, SchemaModel::MinColumn), QStringLiteral("16")));
    QVERIFY(model.setData(model.index(0, SchemaModel::MaxColumn), QString()));
    QVERIFY(model.setData(model.index(1, SchemaModel::DomainColumn), QStringLiteral("east, west , north")));
    QVERIFY(model.setData(model.index(0, SchemaModel::RequiredColumn), Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(model.isModified());
    QCOMPARE(model.schema().columns[0].min, std::optional<double>(16.0));
    QCOMPARE(model.schema().columns[0].max, std::optional<double>());
    QVERIFY(!model.schema().columns[0].required);
    QCOMPARE(*model.schema().columns[1].domain, (std::vector<std::string>{"east", "west", "north"}));
    QVERIFY(validate::saveSchema(model.schema(), path).ok());
    auto reloaded = validate::loadSchema(path);
    QVERIFY(reloaded.ok());
    QCOMPARE(*reloaded, model.schema());
}

void TestQualityViews::driftViewShowsTheDemoDrift()
{
    MainWindow window(m_settings.get());
    DataArea *area = openDemo(window, QStringLiteral("data-drift"));
    QVERIFY(area);
    QCOMPARE(area->pane()->currentTab(), DatasetPane::Tab::Drift);
    DriftView *view = area->pane()->driftView();
    QVERIFY(view->isShowingDrift());
    QAbstractItemModelTester tester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    // By default the version before the latest against the working copy.
    const auto history = versions(area);
    auto expected = drift::computeDrift(version::DatasetRef{demoFile(), history[1].commit},
                                        version::DatasetRef{demoFile(), std::nullopt}, {});
    QVERIFY(expected.ok());
    QVERIFY(view->result());
    QCOMPARE(view->result()->driftedColumns, expected->driftedColumns);
    QCOMPARE(std::size_t(view->model()->rowCount()), expected->columns.size());
    QVERIFY(expected->driftedColumns > 0);
    // Drifted columns first, the strongest on top.
    for (int row = 1; row < view->model()->rowCount(); ++row) {
        const auto &above = view->model()->column(row - 1);
        const auto &below = view->model()->column(row);
        QVERIFY(above.drifted >= below.drifted);
        if (above.drifted == below.drifted)
            QVERIFY(above.severity() >= below.severity());
    }
    QVERIFY(view->model()->column(0).drifted);
    QVERIFY(!view->banner()->headline().isEmpty());
    QVERIFY(view->banner()->detail().contains(QString::number(expected->driftedColumns)));
    QCOMPARE(view->chart()->data().series.size(), std::size_t(2));
    QCOMPARE(view->chart()->data().valueTitle, QString::fromStdString(view->model()->column(0).name));

    // Another test for every column reruns the comparison.
    view->testPicker()->setCurrentIndex(view->testPicker()->findText(QStringLiteral("psi")));
    emit view->testPicker()->activated(view->testPicker()->currentIndex());
    QVERIFY(window.jobRunner()->waitUntilIdle(jobTimeoutMs));
    for (const auto &column : view->result()->columns)
        QVERIFY(column.test == drift::DriftTest::Psi || column.test == drift::DriftTest::None);
    QVERIFY(view->commandLine().endsWith(QStringLiteral(" --test psi")));
}

void TestQualityViews::chartsExportEveryFormat()
{
    DistributionChart chart;
    chart.resize(600, 300);
    DistributionData data;
    data.valueTitle = QStringLiteral("age");
    data.edges = {0, 10, 20};
    data.series = {{QStringLiteral("reference"), {3, 1}}, {QStringLiteral("current"), {1, 3}}};
    chart.setData(data);
    QTemporaryDir out;
    for (const QString &name : {QStringLiteral("chart.png"), QStringLiteral("chart.svg"),
                               QStringLiteral("chart.pdf"), QStringLiteral("chart.csv")}) {
        const QString path = out.filePath(name);
        const Status written = chart.exportTo(path);
        QVERIFY2(written.ok(), written.ok() ? "" : written.error().message.c_str());
        QVERIFY2(QFile(path).size() > 0, qPrintable(path));
    }
    QFile csv(out.filePath(QStringLiteral("chart.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().split('\n');
    QVERIFY(lines[0].startsWith("bin_from,bin_to,reference count,reference share"));
    QVERIFY(lines[1].startsWith("0,10,3,0.75"));
    QVERIFY(!chart.exportTo(out.filePath(QStringLiteral("chart.bmp"))).ok());
}

QTEST_MAIN(TestQualityViews)
#include "test_quality_views.moc"
