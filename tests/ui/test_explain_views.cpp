// The Explain area's views against explanations of a model trained in the test: the
// statistics and layouts behind the charts, the row table and its search, the list of cached
// explanations, which tabs appear, and the beeswarm's repaint time at 20,000 points.
#include "explain/beeswarm_chart.h"
#include "explain/beeswarm_layout.h"
#include "explain/dependence_chart.h"
#include "explain/explain_command_line.h"
#include "explain/explained_rows_model.h"
#include "explain/explanation_detail_panel.h"
#include "explain/explanation_details.h"
#include "explain/explanation_list_model.h"
#include "explain/feature_color_scale.h"
#include "explain/lime_chart.h"
#include "explain/local_explanation_view.h"
#include "explain/partial_dependence_view.h"
#include "explain/pdp_chart.h"
#include "explain/permutation_chart.h"
#include "explain/row_search_proxy.h"
#include "explain/shap_bar_chart.h"
#include "explain/shap_dependence_view.h"
#include "explain/shap_statistics.h"
#include "explain/shap_summary_view.h"
#include "explain/waterfall_chart.h"
#include "explain/waterfall_steps.h"
#include "ui/explain_fixture.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace assay;
using namespace assay::ui;
using assay::testing::ExplainFixture;

class TestExplainViews : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void colorScaleRunsFromBlueToRed();
    void meanAbsoluteShapOrdersTheFeatures();
    void strongestInteractionFindsThePartner();
    void beeswarmRowsKeepTheirFeature();
    void waterfallAddsUpToThePrediction();
    void rowSearchByIdOrValue();
    void explanationListGroupsByModel();
    void copyAsCommandGivesTheCliLine();
    void tabsAppearOnlyWithData();
    void multiclassHasAnOutputPicker();
    void localTabShowsLimeBesideTheWaterfall();
    void chartsExportPngSvgPdf();
    void beeswarmRepaintsTwentyThousandPointsFast();

private:
    // Saves a picture of `widget` (ASSAY_EXPLAIN_SHOTS=DIR keeps them to look at).
    void saveShot(QWidget &widget, const QString &name) const;

    ExplainFixture m_binary;
    explain::Explanation m_shap;
    QTemporaryDir m_dir;
};

void TestExplainViews::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_binary = testing::trainExplainFixture(1500);
    m_shap = testing::treeShapExplanation(m_binary, 800);
}

void TestExplainViews::saveShot(QWidget &widget, const QString &name) const
{
    QCoreApplication::processEvents(); // the charts' queued replots
    const QString kept = qEnvironmentVariable("ASSAY_EXPLAIN_SHOTS");
    QVERIFY(widget.grab().save(QDir(kept.isEmpty() ? m_dir.path() : kept).filePath(name)));
}

void TestExplainViews::colorScaleRunsFromBlueToRed()
{
    std::vector<double> values;
    for (int i = 0; i <= 100; ++i)
        values.push_back(i);
    values.push_back(1e6); // an outlier must not squeeze everything else into blue
    values.push_back(std::nan(""));
    const FeatureColorScale scale = FeatureColorScale::fit(values);
    QVERIFY(scale.high() < 100);
    QCOMPARE(scale.position(0), 0.0);
    QCOMPARE(scale.position(1e6), 1.0);
    QCOMPARE(scale.colorOf(0).blue() > scale.colorOf(0).red(), true);
    QCOMPARE(scale.colorOf(1e6).red() > scale.colorOf(1e6).blue(), true);
    QVERIFY(scale.step(25) < scale.step(50));
    QVERIFY(scale.step(50) < scale.step(75));
    QCOMPARE(scale.step(std::nan("")), FeatureColorScale::kSteps);
    QCOMPARE(scale.colorOf(std::nan("")), FeatureColorScale::missingColor());
    const FeatureColorScale categories = FeatureColorScale::forCategories(3);
    QCOMPARE(categories.position(0), 0.0);
    QCOMPARE(categories.position(2), 1.0);
    const double constant[] = {4, 4, 4};
    QCOMPARE(FeatureColorScale::fit(constant).position(4), 0.5);
}

void TestExplainViews::meanAbsoluteShapOrdersTheFeatures()
{
    explain::ShapValues shap{
        .rows = 2, .outputs = 1, .features = 3, .values = {1, -4, 0.5, 9, -3, 2, 0, 7}};
    const std::vector<double> means = meanAbsoluteShap(shap, 0);
    QCOMPARE(means, (std::vector<double>{2, 3, 0.25}));
    QCOMPARE(featuresByImportance(means), (std::vector<std::size_t>{1, 0, 2}));
    QCOMPARE(shapColumn(shap, 0, 1), (std::vector<double>{-4, 2}));
}

void TestExplainViews::strongestInteractionFindsThePartner()
{
    // The trained model: debt matters only in the south, so region colours debt best.
    const auto &shap = std::get<explain::ShapExplanation>(m_shap.result);
    QCOMPARE(strongestInteraction(shap, 0, 2), std::optional<std::size_t>(3));

    explain::ShapExplanation withMatrix = shap;
    withMatrix.interactionStrength.assign(16, 0.0);
    withMatrix.interactionStrength[0 * 4 + 1] = 0.2;
    withMatrix.interactionStrength[0 * 4 + 3] = 0.7;
    QCOMPARE(strongestInteraction(withMatrix, 0, 0), std::optional<std::size_t>(3));
}

void TestExplainViews::beeswarmRowsKeepTheirFeature()
{
    const auto &shap = std::get<explain::ShapExplanation>(m_shap.result);
    const std::vector<std::size_t> shown{2, 0};
    const auto points = beeswarmPoints(shap, 0, shown);
    QCOMPARE(points.size(), 2 * shap.rowIds.size());
    const FeatureColorScale debtScale = colorScaleOf(shap.x, 2);
    for (std::size_t r = 0; r < shap.rowIds.size(); ++r) {
        const auto &point = points[r]; // debt: the top row, at 1
        QCOMPARE(point.key, shap.values.of(r, 0)[2]);
        QVERIFY(std::abs(point.value - 1) <= 0.4);
        QCOMPARE(point.bucket, debtScale.step(shap.x.at(r, 2)));
        QVERIFY(std::abs(points[shap.rowIds.size() + r].value) <= 0.4);
    }
    QCOMPARE(beeswarmPoints(shap, 0, shown)[17].value, points[17].value); // seeded
}

void TestExplainViews::waterfallAddsUpToThePrediction()
{
    const double contributions[] = {0.5, -2, 0.1, 1, -0.3};
    const std::vector<QString> labels{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                      QStringLiteral("d"), QStringLiteral("e")};
    const auto steps = waterfallSteps(10, contributions, labels, 3);
    QCOMPARE(steps.size(), std::size_t(4));
    QCOMPARE(steps[0].label, QStringLiteral("b"));
    QCOMPARE(steps[1].label, QStringLiteral("d"));
    QCOMPARE(steps[2].label, QStringLiteral("a"));
    QCOMPARE(steps[3].label, QStringLiteral("2 other features"));
    QCOMPARE(steps[3].start, 10.0);
    QVERIFY(std::abs(steps[3].contribution - (-0.2)) < 1e-12);
    for (std::size_t i = 0; i + 1 < steps.size(); ++i)
        QCOMPARE(steps[i].start, steps[i + 1].end());
    QVERIFY(std::abs(steps[0].end() - 9.3) < 1e-12);
    // One feature left over is named, not folded into "1 other features".
    QCOMPARE(waterfallSteps(0, contributions, labels, 4).size(), std::size_t(5));

    const auto &shap = std::get<explain::ShapExplanation>(m_shap.result);
    const auto row = shap.values.of(5, 0);
    std::vector<QString> names(shap.values.features, QStringLiteral("f"));
    const auto rowSteps =
        waterfallSteps(row[shap.values.features], row.first(shap.values.features), names, 10);
    QVERIFY(std::abs(rowSteps.front().end() - shap.predictions[5]) < 1e-9);
}

void TestExplainViews::rowSearchByIdOrValue()
{
    const auto &shap = std::get<explain::ShapExplanation>(m_shap.result);
    ExplainedRowsModel rows;
    QAbstractItemModelTester tester(&rows, QAbstractItemModelTester::FailureReportingMode::QtTest);
    std::vector<double> outputs(shap.predictions.begin(), shap.predictions.end());
    rows.setRows(shap.rowIds, shap.x, outputs, QStringLiteral("default (log-odds)"));
    QCOMPARE(rows.rowCount(), int(shap.rowIds.size()));
    QCOMPARE(rows.columnCount(), 2 + 4);
    QCOMPARE(rows.headerData(5, Qt::Horizontal).toString(), QStringLiteral("region"));
    QCOMPARE(rows.index(0, 5).data().toString(),
             QString::fromStdString(shap.x.features[3].categories[std::size_t(shap.x.at(0, 3))]));
    QCOMPARE(rows.rowOfId(42), 42);

    RowSearchProxy search;
    QAbstractItemModelTester proxyTester(&search,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    search.setSourceModel(&rows);
    search.setSearch(QStringLiteral("42"));
    QCOMPARE(search.rowCount() >= 1, true);
    QCOMPARE(search.index(0, 0).data().toString(), QStringLiteral("42"));
    search.setSearch(QStringLiteral("SOUTH"));
    int south = 0;
    for (std::size_t r = 0; r < shap.x.rows; ++r)
        south += shap.x.at(r, 3) == 2 ? 1 : 0;
    QCOMPARE(search.rowCount(), south);
    search.setSearch(QStringLiteral("missing"));
    int missing = 0;
    for (std::size_t r = 0; r < shap.x.rows; ++r)
        missing += std::isnan(shap.x.at(r, 0)) ? 1 : 0;
    QVERIFY(missing > 0);
    QCOMPARE(search.rowCount(), missing);
    search.setSearch({});
    search.sort(ExplainedRowsModel::kOutputColumn, Qt::DescendingOrder);
    const double top = search.index(0, ExplainedRowsModel::kOutputColumn)
                           .data(ExplainedRowsModel::SortRole)
                           .toDouble();
    QCOMPARE(top, *std::max_element(outputs.begin(), outputs.end()));
    search.sort(ExplainedRowsModel::kFirstFeatureColumn, Qt::AscendingOrder); // missing last
    QVERIFY(search.index(search.rowCount() - 1, ExplainedRowsModel::kFirstFeatureColumn)
                .data()
                .toString() == QStringLiteral("missing"));
}

void TestExplainViews::explanationListGroupsByModel()
{
    const auto entry = [](std::string key, std::string md5, std::int64_t created,
                          explain::ExplainMethod method) {
        explain::ExplanationEntry e;
        e.key = std::move(key);
        e.modelMd5 = md5;
        e.modelName = "model-" + md5;
        e.runId = md5 + "0000000000";
        e.dataName = "data/credit.csv";
        e.createdMs = created;
        e.method = method;
        e.rows = std::size_t(created);
        return e;
    };
    ExplanationListModel list;
    QAbstractItemModelTester tester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
    list.setEntries({entry("a1", "aaa", 10, explain::ExplainMethod::TreeShap),
                     entry("b1", "bbb", 30, explain::ExplainMethod::Lime),
                     entry("a2", "aaa", 20, explain::ExplainMethod::PartialDependence),
                     entry("b2", "bbb", 5, explain::ExplainMethod::Permutation)});
    QStringList keys;
    for (int row = 0; row < list.rowCount(); ++row)
        keys << list.index(row, 0).data(ExplanationListModel::KeyRole).toString();
    QCOMPARE(keys, (QStringList{QStringLiteral("b1"), QStringLiteral("b2"), QStringLiteral("a2"),
                                QStringLiteral("a1")}));
    QCOMPARE(list.index(0, ExplanationListModel::ModelColumn).data().toString(),
             QStringLiteral("model-bbb"));
    QCOMPARE(list.index(0, ExplanationListModel::MethodColumn).data().toString(),
             QStringLiteral("LIME"));
    QCOMPARE(list.index(0, ExplanationListModel::RowsColumn)
                 .data(ExplanationListModel::SortRole)
                 .toULongLong(),
             30ULL);
    QVERIFY(!list.index(0, ExplanationListModel::ModelColumn).data(Qt::DecorationRole).isNull());
    QCOMPARE(modelLabel("3f2a9c1e5b7d4e0f", "3f2a9c1e5b7d4e0f"), QStringLiteral("3f2a9c1e"));
    QCOMPARE(modelLabel("model.json", ""), QStringLiteral("model.json"));

    explain::ExplanationEntry details;
    details.method = explain::ExplainMethod::TreeShap;
    details.params = QJsonObject{{QStringLiteral("interactions"), true},
                                 {QStringLiteral("background"), 0}};
    QCOMPARE(explanationDetails(details), QStringLiteral("with interactions"));
    details.params.insert(QStringLiteral("background"), 100);
    QCOMPARE(explanationDetails(details), QStringLiteral("interventional, 100 rows"));
    details.method = explain::ExplainMethod::Permutation;
    details.params = QJsonObject{{QStringLiteral("metric"), QStringLiteral("roc_auc")},
                                 {QStringLiteral("repeats"), 10}};
    QCOMPARE(explanationDetails(details), QStringLiteral("roc_auc × 10"));
    details.method = explain::ExplainMethod::PartialDependence;
    details.params = QJsonObject{
        {QStringLiteral("features"), QJsonArray{QStringLiteral("age"), QStringLiteral("income")}}};
    QCOMPARE(explanationDetails(details), QStringLiteral("age, income"));
}

void TestExplainViews::copyAsCommandGivesTheCliLine()
{
    explain::ExplanationEntry shap;
    shap.method = explain::ExplainMethod::TreeShap;
    shap.modelName = "3f2a9c1e5b7d4e0f";
    shap.runId = "3f2a9c1e5b7d4e0f";
    shap.dataName = "data/credit.csv@HEAD~1";
    shap.params = QJsonObject{{QStringLiteral("rows"), QJsonArray{0, 1000}},
                              {QStringLiteral("interactions"), true},
                              {QStringLiteral("background"), QString()},
                              {QStringLiteral("seed"), 0}};
    QCOMPARE(explainCommandLine(shap),
             QStringLiteral("assay explain shap --model 3f2a9c1e5b7d4e0f --data "
                            "'data/credit.csv@HEAD~1' --interactions --rows 0:1000 --seed 0"));

    explain::ExplanationEntry pdp;
    pdp.method = explain::ExplainMethod::PartialDependence;
    pdp.modelName = "python3 score.py --model 'm b.pkl'";
    pdp.dataName = "data/credit.csv";
    pdp.params = QJsonObject{
        {QStringLiteral("features"), QJsonArray{QStringLiteral("age"), QStringLiteral("income")}},
        {QStringLiteral("grid_resolution"), 20},
        {QStringLiteral("percentiles"), QJsonArray{0.05, 0.95}}};
    QCOMPARE(explainCommandLine(pdp),
             QStringLiteral("assay explain pdp --predict-cmd 'python3 score.py --model '\\''m "
                            "b.pkl'\\''' --data data/credit.csv --features age,income "
                            "--grid-resolution 20 --percentiles 0.050000000000000003,"
                            "0.94999999999999996"));
}

void TestExplainViews::tabsAppearOnlyWithData()
{
    using Tab = ExplanationDetailPanel::Tab;
    ExplanationDetailPanel panel;
    panel.resize(1000, 700);
    panel.show();
    QVERIFY(panel.isShowingMessage());
    panel.showBundle({m_shap, {}});
    QVERIFY(!panel.isShowingMessage());
    QVERIFY(panel.isTabVisible(Tab::Summary));
    QVERIFY(panel.isTabVisible(Tab::Dependence));
    QVERIFY(panel.isTabVisible(Tab::Local));
    QVERIFY(!panel.isTabVisible(Tab::PartialDependence));
    QVERIFY(!panel.isTabVisible(Tab::Permutation));
    QVERIFY(panel.outputPicker()->isHidden()); // one output
    QCOMPARE(panel.summary()->beeswarm()->pointCount(), std::size_t(800 * 4));
    QCOMPARE(
        panel.dependence()->featurePicker()->currentText(),
        panel.summary()->bars()->yAxis->ticker().dynamicCast<QCPAxisTickerText>()->ticks().last());
    saveShot(panel, QStringLiteral("explain-summary.png"));

    panel.setCurrentTab(Tab::PartialDependence); // remembered, but this explanation lacks it
    QCOMPARE(panel.currentTab(), Tab::Summary);
    panel.showBundle({testing::partialDependenceExplanation(m_binary, {0, 3}), {}});
    QCOMPARE(panel.currentTab(), Tab::PartialDependence);
    QVERIFY(!panel.isTabVisible(Tab::Summary));
    QVERIFY(!panel.isTabVisible(Tab::Local));
    QCOMPARE(panel.partialDependence()->featurePicker()->count(), 2);
    QCOMPARE(panel.partialDependence()->chart()->iceCurveCount(), 150);
    saveShot(panel, QStringLiteral("explain-pdp.png"));
    panel.partialDependence()->featurePicker()->setCurrentIndex(1);
    saveShot(panel, QStringLiteral("explain-pdp-categorical.png"));

    panel.showBundle({testing::permutationExplanation(m_binary), {}});
    QCOMPARE(panel.currentTab(), Tab::Permutation);
    QCOMPARE(panel.permutation()->shownNames().size(), 4);
    saveShot(panel, QStringLiteral("explain-permutation.png"));

    panel.showBundle({m_shap, {}});
    panel.setCurrentTab(Tab::Dependence);
    panel.dependence()->setFeature(2);
    QCOMPARE(panel.dependence()->colorFeature(), std::optional<std::size_t>(3));
    QVERIFY(panel.dependence()->colorPicker()->currentText().contains(QStringLiteral("strongest")));
    QCOMPARE(panel.dependence()->chart()->pointCount(), std::size_t(800));
    saveShot(panel, QStringLiteral("explain-dependence.png"));
    panel.dependence()->setFeature(0); // income: its missing rows are left out
    QVERIFY(panel.dependence()->chart()->pointCount() < 800);
    QVERIFY(panel.dependence()->chart()->title().contains(QStringLiteral("without a value")));
}

void TestExplainViews::multiclassHasAnOutputPicker()
{
    const ExplainFixture multiclass = testing::trainExplainFixture(900, model::Task::Multiclass);
    ExplanationDetailPanel panel;
    panel.resize(1000, 700);
    panel.show();
    panel.showBundle({testing::treeShapExplanation(multiclass, 300), {}});
    QVERIFY(!panel.outputPicker()->isHidden());
    QCOMPARE(panel.outputPicker()->count(), 3);
    QCOMPARE(panel.outputPicker()->itemText(2), QStringLiteral("class high"));
    const auto before = panel.summary()->bars()->importance();
    panel.setOutput(2);
    QCOMPARE(panel.output(), std::size_t(2));
    QVERIFY(panel.summary()->bars()->importance() != before);
}

void TestExplainViews::localTabShowsLimeBesideTheWaterfall()
{
    using Tab = ExplanationDetailPanel::Tab;
    ExplanationDetailPanel panel;
    panel.resize(1100, 760);
    panel.show();
    panel.showBundle({m_shap, {testing::limeLikeExplanation(m_shap, {3, 7, 11})}});
    panel.setCurrentTab(Tab::Local);
    LocalExplanationView *local = panel.local();
    QVERIFY(local->selectRow(7));
    QCOMPARE(local->currentRowId(), std::optional<std::size_t>(7));
    QVERIFY(!local->lime()->isHidden());
    QCOMPARE(local->lime()->barCount(), 4);
    QCOMPARE(local->waterfall()->steps().size(), std::size_t(4));
    QVERIFY(local->waterfall()->title().startsWith(QStringLiteral("Row 7")));
    saveShot(panel, QStringLiteral("explain-local.png"));
    QVERIFY(local->selectRow(8)); // no LIME for this row: said so
    QCOMPARE(local->lime()->barCount(), 0);
    QVERIFY(local->lime()->title().contains(QStringLiteral("No LIME")));
    local->searchBox()->setText(QStringLiteral("11"));
    QCOMPARE(local->currentRowId().has_value(), true);

    panel.showBundle({m_shap, {}}); // no LIME at all: no empty chart beside the waterfall
    QVERIFY(local->lime()->isHidden());
    panel.showBundle({testing::limeLikeExplanation(m_shap, {3, 7, 11}), {}});
    QVERIFY(panel.isTabVisible(Tab::Local));
    QVERIFY(!panel.isTabVisible(Tab::Summary));
    QVERIFY(local->waterfall()->isHidden());
    QCOMPARE(local->rows()->rowCount(), 3);
}

void TestExplainViews::chartsExportPngSvgPdf()
{
    ExplanationDetailPanel panel;
    panel.resize(1000, 700);
    panel.show();
    panel.showBundle({m_shap, {}});
    const QString base = m_dir.filePath(QStringLiteral("beeswarm."));
    for (const QString &suffix :
         {QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf")}) {
        QVERIFY(panel.summary()->beeswarm()->exportTo(base + suffix).ok());
        QVERIFY(QFileInfo(base + suffix).size() > 1000);
    }
    QVERIFY(panel.summary()->bars()->exportTo(m_dir.filePath(QStringLiteral("bars.csv"))).ok());
    QVERIFY(!panel.summary()->beeswarm()->exportTo(m_dir.filePath(QStringLiteral("x.gif"))).ok());
}

void TestExplainViews::beeswarmRepaintsTwentyThousandPointsFast()
{
    const ExplainFixture big = testing::trainExplainFixture(20'000);
    const explain::Explanation shap = testing::treeShapExplanation(big, 20'000);
    const auto &values = std::get<explain::ShapExplanation>(shap.result);
    BeeswarmChart chart;
    chart.resize(900, 600);
    chart.show();
    QElapsedTimer layout;
    layout.start();
    chart.setSwarm(values, 0, {0, 1, 2, 3}, QStringLiteral("log-odds"));
    const qint64 layoutMs = layout.elapsed();
    QCOMPARE(chart.pointCount(), std::size_t(80'000));
    chart.replot(QCustomPlot::rpImmediateRefresh);
    QElapsedTimer timer;
    timer.start();
    constexpr int repaints = 10;
    for (int i = 0; i < repaints; ++i) {
        chart.xAxis->moveRange(0.01);
        chart.replot(QCustomPlot::rpImmediateRefresh);
    }
    const double perRepaint = double(timer.elapsed()) / repaints;
    qInfo("beeswarm of 20,000 rows x 4 features (80,000 points): layout %lld ms, repaint %.1f ms",
          layoutMs, perRepaint);
    saveShot(chart, QStringLiteral("explain-beeswarm-20k.png"));
    QVERIFY2(perRepaint < 400, "the beeswarm must stay fluid at 20,000 rows");
}

QTEST_MAIN(TestExplainViews)
#include "test_explain_views.moc"
