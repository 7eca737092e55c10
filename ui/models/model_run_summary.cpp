#include "models/model_run_summary.h"

#include "models/model_results.h"

namespace assay::ui {

namespace {

QString paramOf(const track::RunRecord &run, const char *key)
{
    const auto found = run.params.find(key);
    return found == run.params.end() ? QString() : QString::fromStdString(found->second);
}

std::optional<double> metricOf(const track::RunRecord &run, const QString &key)
{
    const auto found = run.latestMetrics.find(key.toStdString());
    if (found == run.latestMetrics.end())
        return std::nullopt;
    return found->second.value;
}

} // namespace

bool isModelRun(const track::RunRecord &run)
{
    if (run.info.parentRunId)
        return false;
    return run.params.contains("model") && run.params.contains("target") &&
           run.params.contains("task");
}

QString headlineMetricOf(const QString &task)
{
    if (task == QLatin1String("binary"))
        return QStringLiteral("roc_auc");
    if (task == QLatin1String("multiclass"))
        return QStringLiteral("accuracy");
    return QStringLiteral("rmse");
}

ModelRunSummary summarizeModelRun(const track::RunRecord &run)
{
    ModelRunSummary summary;
    summary.runId = QString::fromStdString(run.info.runId);
    summary.name = QString::fromStdString(run.info.name);
    summary.experiment = QString::fromStdString(run.info.experiment);
    summary.status = run.info.status;
    summary.startMs = run.info.startMs;
    summary.modelType = paramOf(run, "model");
    summary.task = paramOf(run, "task");
    summary.target = paramOf(run, "target");
    summary.folds = paramOf(run, "cv_folds").toInt();

    const QString metric = headlineMetricOf(summary.task);
    summary.headlineMetric = metric;
    // The test part is the honest figure; valid_* of boosting also names the per-round
    // validation curve, so it comes after the folds' mean.
    const QString test = QStringLiteral("test_") + metric;
    const QString cvMean = QStringLiteral("cv_%1_mean").arg(metric);
    const QString valid = QStringLiteral("valid_") + metric;
    const QString train = QStringLiteral("train_") + metric;
    if (auto value = metricOf(run, test)) {
        summary.headlineKey = test;
        summary.headlinePart = QStringLiteral("test");
        summary.headlineValue = *value;
    } else if (auto mean = metricOf(run, cvMean)) {
        summary.headlineKey = cvMean;
        summary.headlinePart = QStringLiteral("cv");
        summary.headlineValue = *mean;
        summary.headlineStd = metricOf(run, QStringLiteral("cv_%1_std").arg(metric));
    } else if (auto validValue = metricOf(run, valid)) {
        summary.headlineKey = valid;
        summary.headlinePart = QStringLiteral("valid");
        summary.headlineValue = *validValue;
    } else if (auto trainValue = metricOf(run, train)) {
        summary.headlineKey = train;
        summary.headlinePart = QStringLiteral("train");
        summary.headlineValue = *trainValue;
    }
    summary.hasRoundCurves = !trainingCurveKeys(run).isEmpty();
    const auto passed = metricOf(run, QStringLiteral("model_tests_passed"));
    const auto failed = metricOf(run, QStringLiteral("model_tests_failed"));
    if (passed && failed) {
        summary.testsPassed = int(*passed);
        summary.testsFailed = int(*failed);
    }
    return summary;
}

std::vector<ModelRunSummary> summarizeModelRuns(const std::vector<track::RunRecord> &runs)
{
    std::vector<ModelRunSummary> models;
    for (const track::RunRecord &run : runs) {
        if (!run.info.deleted && isModelRun(run))
            models.push_back(summarizeModelRun(run));
    }
    return models;
}

} // namespace assay::ui
