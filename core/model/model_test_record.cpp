#include "model/model_test_record.h"

#include "model/model_source.h"
#include "model/model_test_json.h"
#include "track/clock.h"
#include "track/tracking_store.h"

#include <QJsonDocument>

namespace assay::model {

Status recordModelTests(track::TrackingStore &store, const std::string &runId,
                        const std::vector<ModelTestResult> &results)
{
    const QJsonObject json = modelTestResultsToJson(results);
    auto artifact = store.logArtifactBytes(
        runId, QJsonDocument(json).toJson(QJsonDocument::Indented).toStdString(),
        std::string(kModelTestsArtifactPath));
    if (!artifact)
        return artifact.error();
    const std::int64_t now = track::nowMs();
    const std::vector<track::KeyedMetricPoint> points{
        {"model_tests_passed", {0, now, json.value(QStringLiteral("passed")).toDouble()}},
        {"model_tests_failed", {0, now, json.value(QStringLiteral("failed")).toDouble()}}};
    return store.logMetricBatch(runId, points);
}

} // namespace assay::model
