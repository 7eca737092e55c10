// The Models area against a workspace trained in the test: the list of model runs, the
// results read back from the store, and what the charts and tables make of them.
#include "common/random.h"
#include "model/model_source.h"
#include "model/model_test_json.h"
#include "model/training_run.h"
#include "models/confusion_matrix_model.h"
#include "models/evaluation_charts.h"
#include "models/metrics_table.h"
#include "models/model_detail_panel.h"
#include "models/model_results_loader.h"
#include "models/model_run_summary.h"
#include "models/models_area.h"
#include "models/models_list_model.h"
#include "models/models_list_panel.h"
#include "runs/runs_snapshot.h"
#include "shell/job_runner.h"
#include "shell/workspace_session.h"
#include "support/files.h"
#include "track/tracking_store.h"
#include "workspace/workspace.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <sstream>

using namespace assay;
using namespace assay::ui;

namespace {

constexpr int jobTimeoutMs = 120'000;

// 600 rows: two numeric features, a categorical one, a binary target driven by them, a
// three-class target and a numeric one.
std::string customersCsv()
{
    Random random(20240611);
    std::ostringstream csv;
    csv << "age,balance,region,churn,segment,spend\n";
    const char *regions[] = {"north", "south", "east"};
    for (int row = 0; row < 600; ++row) {
        const double age = random.uniform(18, 80);
        const double balance = random.uniform(0, 10);
        const int region = int(random.uniform(0, 3));
        const double score = 0.08 * (age - 45) - 0.5 * (balance - 5) + (region == 1 ? 1.0 : 0.0);
        const bool churn = random.chance(1 / (1 + std::exp(-score)));
        const char *segment = balance < 3 ? "low" : (balance < 7 ? "mid" : "high");
        const double spend = 20 + 3 * balance + 0.5 * age + random.normal(0, 4);
        csv << age << ',' << balance << ',' << regions[region] << ',' << (churn ? 1 : 0) << ','
            << segment << ',' << spend << '\n';
    }
    return csv.str();
}

std::vector<const EvaluatedPart *> partsNamed(const ModelResults &results, const QStringList &names)
{
    std::vector<const EvaluatedPart *> parts;
    for (const EvaluatedPart *part : results.allEvaluations()) {
        if (names.contains(part->name))
            parts.push_back(part);
    }
    return parts;
}

} // namespace

class TestModelsArea : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void listsModelRunsWithTheirHeadline();
    void listModelFormatsAndSorts();
    void readsSplitEvaluationsAndCharts();
    void crossValidationTableHasMeanAndSpread();
    void confusionMatrixSharesAndFolds();
    void regressionChartsShowResiduals();
    void trainingCurvesHaveOnePointPerRound();
    void storedModelTestsAreRead();
    void areaShowsOnlyTabsWithContent();
    void emptyWorkspaceSaysHowToTrain();

private:
    Result<model::TrainOutcome> train(model::TrainRequest request);
    ModelResults load(const std::string &runId);

    QTemporaryDir m_dir;
    std::filesystem::path m_root;
    std::optional<workspace::Workspace> m_workspace;
    model::TrainOutcome m_gbt;        // binary, split
    model::TrainOutcome m_logregCv;   // binary, 3-fold CV
    model::TrainOutcome m_ridge;      // regression, split
    model::TrainOutcome m_multiclass; // multiclass, split
};

Result<model::TrainOutcome> TestModelsArea::train(model::TrainRequest request)
{
    request.data = (m_root / "data" / "customers.csv").string();
    request.seed = 7;
    request.threads = 2;
    return model::trainAndRecord(*m_workspace, request);
}

ModelResults TestModelsArea::load(const std::string &runId)
{
    auto results = loadModelResults(m_root, runId);
    if (!results)
        qFatal("loadModelResults: %s", results.error().message.c_str());
    return std::move(*results);
}

void TestModelsArea::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_root = testing::pathOf(m_dir);
    auto created = workspace::Workspace::init(m_root);
    QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
    m_workspace.emplace(std::move(*created));
    testing::writeFile(m_root / "data" / "customers.csv", customersCsv());

    model::TrainRequest gbt;
    gbt.target = "churn";
    gbt.features = {"age", "balance", "region"};
    gbt.trainer = "gbt";
    gbt.params = {{"n_estimators", "30"}};
    auto trained = train(gbt);
    QVERIFY2(trained.ok(), trained.ok() ? "" : trained.error().message.c_str());
    m_gbt = std::move(*trained);

    model::TrainRequest logreg = gbt;
    logreg.trainer = "logreg";
    logreg.params.clear();
    logreg.folds = 3;
    trained = train(logreg);
    QVERIFY2(trained.ok(), trained.ok() ? "" : trained.error().message.c_str());
    m_logregCv = std::move(*trained);

    model::TrainRequest ridge;
    ridge.target = "spend";
    ridge.features = {"age", "balance", "region"};
    ridge.trainer = "ridge";
    trained = train(ridge);
    QVERIFY2(trained.ok(), trained.ok() ? "" : trained.error().message.c_str());
    m_ridge = std::move(*trained);

    model::TrainRequest multiclass;
    multiclass.target = "segment";
    multiclass.features = {"age", "balance", "region"};
    multiclass.trainer = "tree";
    trained = train(multiclass);
    QVERIFY2(trained.ok(), trained.ok() ? "" : trained.error().message.c_str());
    m_multiclass = std::move(*trained);
}

void TestModelsArea::listsModelRunsWithTheirHeadline()
{
    auto snapshot = loadRunsSnapshot(m_root);
    QVERIFY(snapshot.ok());
    // 4 models, 3 fold runs: the folds belong to their parent and are not listed.
    QCOMPARE(snapshot->runs.size(), std::size_t(7));
    const auto models = summarizeModelRuns(snapshot->runs);
    QCOMPARE(models.size(), std::size_t(4));

    const auto find = [&](const std::string &runId) {
        for (const ModelRunSummary &summary : models) {
            if (summary.runId == QString::fromStdString(runId))
                return summary;
        }
        qFatal("model run %s not listed", runId.c_str());
    };
    const ModelRunSummary gbt = find(m_gbt.runId);
    QCOMPARE(gbt.modelType, QStringLiteral("gbt"));
    QCOMPARE(gbt.task, QStringLiteral("binary"));
    QCOMPARE(gbt.target, QStringLiteral("churn"));
    QCOMPARE(gbt.headlineKey, QStringLiteral("test_roc_auc"));
    QCOMPARE(gbt.headlineValue, m_gbt.parts.back().evaluation.metrics.at("roc_auc"));
    QVERIFY(gbt.hasRoundCurves);
    QVERIFY(!gbt.hasTests());

    const ModelRunSummary cv = find(m_logregCv.runId);
    QCOMPARE(cv.folds, 3);
    QCOMPARE(cv.headlineKey, QStringLiteral("cv_roc_auc_mean"));
    QCOMPARE(cv.headlineValue, m_logregCv.foldSummary.at("roc_auc").mean);
    QVERIFY(cv.headlineStd);
    QCOMPARE(*cv.headlineStd, m_logregCv.foldSummary.at("roc_auc").std);

    QCOMPARE(find(m_ridge.runId).headlineKey, QStringLiteral("test_rmse"));
    QCOMPARE(find(m_multiclass.runId).headlineKey, QStringLiteral("test_accuracy"));
}

void TestModelsArea::listModelFormatsAndSorts()
{
    auto snapshot = loadRunsSnapshot(m_root);
    QVERIFY(snapshot.ok());
    ModelsListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setModels(summarizeModelRuns(snapshot->runs));
    QCOMPARE(model.rowCount(), 4);
    const int cvRow = model.rowOf(QString::fromStdString(m_logregCv.runId));
    QVERIFY(cvRow >= 0);
    const QString value = model.index(cvRow, ModelsListModel::ValueColumn).data().toString();
    QVERIFY2(value.contains(QStringLiteral(" ± ")), qPrintable(value));
    QCOMPARE(model.index(cvRow, ModelsListModel::MetricColumn).data().toString(),
             QStringLiteral("cv roc_auc"));
    QCOMPARE(
        model.index(cvRow, ModelsListModel::ValueColumn).data(ModelsListModel::SortRole).toDouble(),
        m_logregCv.foldSummary.at("roc_auc").mean);

    ModelsListPanel panel;
    panel.setModels(summarizeModelRuns(snapshot->runs));
    panel.filterBox()->setText(QStringLiteral("ridge"));
    QCOMPARE(panel.proxy()->rowCount(), 1);
    QSignalSpy current(&panel, &ModelsListPanel::currentChanged);
    // Selecting a model the filter hides clears the filter rather than showing nothing.
    QVERIFY(panel.select(QString::fromStdString(m_gbt.runId)));
    QCOMPARE(panel.proxy()->rowCount(), 4);
    QCOMPARE(panel.current(), QString::fromStdString(m_gbt.runId));
    QCOMPARE(current.count(), 1);
}

void TestModelsArea::readsSplitEvaluationsAndCharts()
{
    const ModelResults results = load(m_gbt.runId);
    QCOMPARE(results.task, QStringLiteral("binary"));
    QVERIFY2(results.evaluationProblem.isEmpty(), qPrintable(results.evaluationProblem));
    QCOMPARE(results.evaluations.parts.size(), std::size_t(3));
    QCOMPARE(results.evaluations.parts[2].name, QStringLiteral("test"));
    QCOMPARE(results.classes, (QStringList{QStringLiteral("0"), QStringLiteral("1")}));
    const model::Evaluation &test = m_gbt.parts.back().evaluation;
    QCOMPARE(results.evaluations.parts[2].evaluation.metrics.at("roc_auc"),
             test.metrics.at("roc_auc"));

    const auto held = heldOutParts(results);
    QCOMPARE(held.size(), std::size_t(2)); // valid and test, not train
    const XyChartData roc = rocChart(held);
    QCOMPARE(roc.series.size(), std::size_t(2));
    QCOMPARE(roc.reference, ReferenceLine::Diagonal);
    const XySeries &testRoc = roc.series[1];
    QVERIFY2(testRoc.name.startsWith(QStringLiteral("test · AUC 0.")), qPrintable(testRoc.name));
    QCOMPARE(testRoc.x, test.roc.x);
    QCOMPARE(testRoc.y, test.roc.y);
    QCOMPARE(testRoc.x.front(), 0.0);
    QCOMPARE(testRoc.y.back(), 1.0);

    const XyChartData pr = precisionRecallChart(held);
    QCOMPARE(pr.series[1].x, test.pr.x);
    QVERIFY(pr.series[1].name.contains(QStringLiteral("AP")));

    const XyChartData calibration = calibrationChart(held);
    QCOMPARE(calibration.series[1].x.size(), test.calibration.size());
    for (std::size_t bin = 0; bin < test.calibration.size(); ++bin) {
        QCOMPARE(calibration.series[1].x[bin], test.calibration[bin].meanPredicted);
        QCOMPARE(calibration.series[1].y[bin], test.calibration[bin].observedFraction);
    }
    // Regression charts of a classifier have nothing to draw.
    QVERIFY(!predictedVsActualChart(held).hasPoints());

    const MetricsTable table = metricsTableOf(results);
    QCOMPARE(table.metrics.first(), QStringLiteral("roc_auc"));
    QCOMPARE(table.rows.size(), std::size_t(3));
    QCOMPARE(*table.rows[2].values[0], test.metrics.at("roc_auc"));
}

void TestModelsArea::crossValidationTableHasMeanAndSpread()
{
    const ModelResults results = load(m_logregCv.runId);
    QVERIFY(results.isCrossValidation());
    QCOMPARE(results.evaluations.folds.size(), std::size_t(3));
    QCOMPARE(results.evaluations.folds[1].name, QStringLiteral("fold 2"));

    const MetricsTable table = metricsTableOf(results);
    // fold 1..3, mean ± std, the final model's training part.
    QCOMPARE(table.rows.size(), std::size_t(5));
    const MetricsTable::Row &summary = table.rows[3];
    QVERIFY(summary.summary);
    const auto column = std::size_t(table.metrics.indexOf(QStringLiteral("roc_auc")));
    QVERIFY(std::abs(*summary.values[column] - m_logregCv.foldSummary.at("roc_auc").mean) < 1e-12);
    QVERIFY(std::abs(*summary.spread[column] - m_logregCv.foldSummary.at("roc_auc").std) < 1e-12);
    QCOMPARE(table.rows[4].label, QStringLiteral("train (all rows)"));

    const XyChartData roc = rocChart(heldOutParts(results));
    QCOMPARE(roc.series.size(), std::size_t(3)); // one per fold
    QVERIFY(roc.series[0].color != roc.series[1].color);
}

void TestModelsArea::confusionMatrixSharesAndFolds()
{
    const ModelResults results = load(m_multiclass.runId);
    QCOMPARE(results.classes.size(), 3);
    const EvaluatedPart &test = results.evaluations.parts.back();
    ConfusionMatrixModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMatrix(test.evaluation.confusion, results.classes);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 4); // three predicted classes and the total
    std::int64_t rows = 0;
    for (int row = 0; row < 3; ++row) {
        double shares = 0;
        for (int column = 0; column < 3; ++column)
            shares += model.index(row, column).data(ConfusionMatrixModel::RowShareRole).toDouble();
        QVERIFY(std::abs(shares - 1) < 1e-12 || model.rowTotal(row) == 0);
        rows += model.index(row, 3).data(ConfusionMatrixModel::CountRole).toLongLong();
    }
    QCOMPARE(std::size_t(rows), test.evaluation.rows);
    QCOMPARE(model.headerData(0, Qt::Vertical).toString(), results.classes[0]);
    const QString cell = model.index(0, 0).data().toString();
    QVERIFY2(cell.contains(u'\n') && cell.endsWith(QStringLiteral(" %")), qPrintable(cell));

    // The folds' out-of-fold matrix counts every row once.
    const ModelResults cv = load(m_logregCv.runId);
    std::vector<const std::vector<std::vector<std::int64_t>> *> folds;
    std::size_t foldRows = 0;
    for (const EvaluatedPart &fold : cv.evaluations.folds) {
        folds.push_back(&fold.evaluation.confusion);
        foldRows += fold.evaluation.rows;
    }
    const auto sum = sumConfusionMatrices(folds);
    std::int64_t total = 0;
    for (const auto &row : sum)
        for (std::int64_t count : row)
            total += count;
    QCOMPARE(std::size_t(total), foldRows);
    QCOMPARE(foldRows, m_logregCv.rows);
}

void TestModelsArea::regressionChartsShowResiduals()
{
    const ModelResults results = load(m_ridge.runId);
    QCOMPARE(results.task, QStringLiteral("regression"));
    QVERIFY(results.classes.isEmpty());
    const auto held = partsNamed(results, {QStringLiteral("test")});
    QCOMPARE(held.size(), std::size_t(1));
    QVERIFY(!held[0]->actual.empty());
    QCOMPARE(held[0]->actual.size(), held[0]->predicted.size());

    const XyChartData scatter = predictedVsActualChart(held);
    QCOMPARE(scatter.series.size(), std::size_t(1));
    QCOMPARE(scatter.series[0].style, XySeries::Style::Points);
    QCOMPARE(scatter.series[0].x, held[0]->actual);
    QVERIFY(scatter.series[0].name.contains(QStringLiteral("R²")));
    const XyChartData residuals = residualsChart(held);
    QCOMPARE(residuals.reference, ReferenceLine::Zero);
    for (std::size_t i = 0; i < held[0]->actual.size(); ++i)
        QCOMPARE(residuals.series[0].y[i], held[0]->actual[i] - held[0]->predicted[i]);
    // A ridge model explains spend well: the residuals are small beside the values.
    const AxisRange y = yRangeOf(residuals);
    const AxisRange x = xRangeOf(residuals);
    QVERIFY(y.upper - y.lower < x.upper - x.lower);
    QVERIFY(!rocChart(held).hasPoints());
}

void TestModelsArea::trainingCurvesHaveOnePointPerRound()
{
    const ModelResults results = load(m_gbt.runId);
    QVERIFY(!results.curves.empty());
    const QStringList metrics = trainingMetrics(results.curves);
    QCOMPARE(metrics.first(), QStringLiteral("logloss"));
    const XyChartData chart = trainingChart(results.curves, QStringLiteral("logloss"));
    QCOMPARE(chart.series.size(), std::size_t(2));
    QCOMPARE(chart.series[0].name, QStringLiteral("train"));
    QCOMPARE(chart.series[1].name, QStringLiteral("valid"));
    for (const XySeries &series : chart.series) {
        QVERIFY(series.x.size() >= 2);
        QCOMPARE(series.x.front(), 0.0);
        for (std::size_t i = 1; i < series.x.size(); ++i)
            QCOMPARE(series.x[i], series.x[i - 1] + 1); // one point per round, none repeated
    }
    // Boosting lowers the training loss round after round.
    QVERIFY(chart.series[0].y.back() < chart.series[0].y.front());

    // A step logged twice (a round, then a final metric of the same key at step 0) keeps the
    // round's point.
    const TrainingCurve curve = trainingCurveOf(
        QStringLiteral("valid_rmse"), {{0, 10, 3.0}, {0, 99, 1.5}, {1, 11, 2.5}, {2, 12, 2.0}});
    QCOMPARE(curve.part, QStringLiteral("valid"));
    QCOMPARE(curve.metric, QStringLiteral("rmse"));
    QCOMPARE(curve.rounds, (std::vector<double>{0, 1, 2}));
    QCOMPARE(curve.values, (std::vector<double>{3.0, 2.5, 2.0}));
}

void TestModelsArea::storedModelTestsAreRead()
{
    QVERIFY(!load(m_ridge.runId).tests.has_value());
    std::vector<model::ModelTestResult> tests(2);
    tests[0] = {"rmse is small", "metric", true, 4.2, "<= 6", "120 rows"};
    tests[1] = {"no NaN", "prediction_range", false, 3, "== 0", "3 predictions are NaN"};
    auto store = track::TrackingStore::open(*m_workspace);
    QVERIFY(store.ok());
    const QJsonObject json = model::modelTestResultsToJson(tests);
    QVERIFY(store
                ->logArtifactBytes(m_ridge.runId, QJsonDocument(json).toJson().toStdString(),
                                   std::string(model::kModelTestsArtifactPath))
                .ok());
    QVERIFY(store->logMetric(m_ridge.runId, "model_tests_passed", {0, 1, 1}).ok());
    QVERIFY(store->logMetric(m_ridge.runId, "model_tests_failed", {0, 1, 1}).ok());

    const ModelResults results = load(m_ridge.runId);
    QVERIFY(results.tests.has_value());
    QCOMPARE(results.tests->size(), std::size_t(2));
    QCOMPARE(results.tests->at(1).passed, false);
    QCOMPARE(results.tests->at(1).detail, std::string("3 predictions are NaN"));

    auto snapshot = loadRunsSnapshot(m_root);
    QVERIFY(snapshot.ok());
    for (const ModelRunSummary &summary : summarizeModelRuns(snapshot->runs)) {
        if (summary.runId == QString::fromStdString(m_ridge.runId)) {
            QVERIFY(summary.hasTests());
            QCOMPARE(*summary.testsFailed, 1);
        }
    }
}

void TestModelsArea::areaShowsOnlyTabsWithContent()
{
    auto opened = workspace::Workspace::open(m_root);
    QVERIFY(opened.ok());
    JobRunner jobs;
    QWidget parent;
    ModelsArea area(AreaContext{&jobs}, &parent);
    area.setWorkspace(std::make_shared<WorkspaceSession>(std::move(*opened)));
    QVERIFY(area.showView(QStringLiteral("models-confusion")));
    QVERIFY(jobs.waitUntilIdle(jobTimeoutMs));
    QVERIFY(!area.isShowingEmptyState());
    QCOMPARE(area.list()->model()->rowCount(), 4);
    ModelDetailPanel *details = area.details();
    QVERIFY(!details->shownRunId().isEmpty());
    QCOMPARE(details->currentTab(), ModelDetailPanel::Tab::Confusion);

    QVERIFY(area.openItem(QString::fromStdString(m_ridge.runId)));
    QVERIFY(jobs.waitUntilIdle(jobTimeoutMs));
    QCOMPARE(details->shownRunId(), QString::fromStdString(m_ridge.runId));
    QVERIFY(!details->isTabVisible(ModelDetailPanel::Tab::Confusion));
    QVERIFY(details->isTabVisible(ModelDetailPanel::Tab::Curves));
    QVERIFY(!details->isTabVisible(ModelDetailPanel::Tab::Training)); // ridge has no rounds
    QCOMPARE(details->currentTab(), ModelDetailPanel::Tab::Metrics);

    QVERIFY(area.openItem(QString::fromStdString(m_multiclass.runId)));
    QVERIFY(jobs.waitUntilIdle(jobTimeoutMs));
    QVERIFY(!details->isTabVisible(ModelDetailPanel::Tab::Curves));
    QVERIFY(details->isTabVisible(ModelDetailPanel::Tab::Confusion));
    // The tab chosen last comes back when the model has it.
    QCOMPARE(details->currentTab(), ModelDetailPanel::Tab::Confusion);

    // A fold run is not a model of its own.
    QVERIFY(!area.openItem(QString::fromStdString(m_logregCv.folds.front().runId)));
}

void TestModelsArea::emptyWorkspaceSaysHowToTrain()
{
    QTemporaryDir empty;
    auto created = workspace::Workspace::init(testing::pathOf(empty));
    QVERIFY(created.ok());
    JobRunner jobs;
    QWidget parent;
    ModelsArea area(AreaContext{&jobs}, &parent);
    area.setWorkspace(std::make_shared<WorkspaceSession>(std::move(*created)));
    QVERIFY(jobs.waitUntilIdle(jobTimeoutMs));
    QVERIFY(area.isShowingEmptyState());
}

QTEST_MAIN(TestModelsArea)
#include "test_models_area.moc"
