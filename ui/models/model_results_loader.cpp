#include "models/model_results_loader.h"

#include "common/atomic_file.h"
#include "model/model_source.h"
#include "model/model_test_json.h"
#include "track/run_query.h"
#include "version/dvc_layout.h"
#include "workspace/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

namespace assay::ui {

namespace {

// The artifact's JSON object from the content store; an error says what is wrong with it.
Result<QJsonObject> readJsonArtifact(const std::filesystem::path &root, const track::RunRecord &run,
                                     std::string_view path)
{
    const auto artifact = std::find_if(run.artifacts.begin(), run.artifacts.end(),
                                       [&](const track::Artifact &a) { return a.path == path; });
    if (artifact == run.artifacts.end())
        return Error::notFound("the run has no artifact " + std::string(path));
    auto bytes = readFile(version::cacheObjectPath(root, artifact->md5));
    if (!bytes)
        return bytes.error();
    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromStdString(*bytes), &parseError);
    if (!document.isObject())
        return Error::invalidInput(std::string(path) + ": not a JSON object (" +
                                   parseError.errorString().toStdString() + ")");
    return document.object();
}

QString problemText(const Error &error)
{
    return QString::fromStdString(error.message);
}

void readClasses(const std::filesystem::path &root, ModelResults &results)
{
    auto document = readJsonArtifact(root, results.run, model::kModelArtifactPath);
    if (!document)
        return; // the labels fall back to class indices
    for (const QJsonValue &label : document->value(QStringLiteral("classes")).toArray())
        results.classes.append(label.toString());
}

void readEvaluations(const std::filesystem::path &root, ModelResults &results)
{
    auto document = readJsonArtifact(root, results.run, model::kEvaluationArtifactPath);
    if (!document) {
        results.evaluationProblem = problemText(document.error());
        return;
    }
    auto parsed = parseEvaluationDocument(*document);
    if (!parsed)
        results.evaluationProblem = problemText(parsed.error());
    else
        results.evaluations = std::move(*parsed);
}

void readTests(const std::filesystem::path &root, ModelResults &results)
{
    auto document = readJsonArtifact(root, results.run, model::kModelTestsArtifactPath);
    if (!document) {
        if (document.error().kind != ErrorKind::NotFound)
            results.testsProblem = problemText(document.error());
        return;
    }
    auto tests = model::modelTestResultsFromJson(*document);
    if (!tests)
        results.testsProblem = problemText(tests.error());
    else
        results.tests = std::move(*tests);
}

Status readCurves(workspace::Database &database, ModelResults &results, const Progress &progress)
{
    for (const QString &key : trainingCurveKeys(results.run)) {
        if (progress.isCancelled())
            return Error::cancelled();
        auto history = track::metricHistory(database, results.run.info.runId, key.toStdString());
        if (!history)
            return history.error();
        results.curves.push_back(trainingCurveOf(key, *history));
    }
    return {};
}

} // namespace

Result<ModelResults> loadModelResults(const std::filesystem::path &root, const std::string &runId,
                                      const Progress &progress)
{
    // Its own connection: the session's database handle belongs to the GUI thread.
    auto database = workspace::Database::open(root / ".assay" / "assay.db");
    if (!database)
        return database.error();
    auto run = track::loadRun(**database, runId);
    if (!run)
        return run.error();
    ModelResults results;
    results.run = std::move(*run);
    if (const auto task = results.run.params.find("task"); task != results.run.params.end())
        results.task = QString::fromStdString(task->second);
    if (progress.isCancelled())
        return Error::cancelled();
    readEvaluations(root, results);
    if (results.task != QLatin1String("regression"))
        readClasses(root, results);
    readTests(root, results);
    ASSAY_TRY(readCurves(**database, results, progress));
    return results;
}

} // namespace assay::ui
