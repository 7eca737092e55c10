#include "model/training_run.h"

#include "model/evaluation_json.h"
#include "model/model_source.h"
#include "model/run_recorder.h"
#include "model/splits.h"
#include "model/target.h"
#include "track/clock.h"
#include "track/git_state.h"
#include "track/tracking_store.h"
#include "version/dataset_ref.h"
#include "version/file_hash.h"
#include "version/git_repository.h"
#include "workspace/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace assay::model {

namespace fs = std::filesystem;

namespace {

// The rows a run learns from, with what it needs to record where they came from.
struct PreparedData {
    version::DatasetRef ref;
    std::string dataName; // the path relative to the workspace, with its @revision
    track::DatasetInput input; // what every run of the session records as its dataset
    version::ResolvedDataset source;
    std::string md5;
    FeatureMatrix x;                 // rows with a target value
    std::vector<double> y;
    std::vector<double> groups;      // per row, when grouped: the group column's value or code
    ModelSignature signature;
    std::size_t rowsWithoutTarget = 0;
};

std::string joined(const std::vector<std::string> &items, const std::string &separator = ", ")
{
    std::string text;
    for (const auto &item : items)
        text += (text.empty() ? "" : separator) + item;
    return text;
}

Result<Task> chooseTask(const Trainer &trainer, const TrainRequest &request, const table::Table &data)
{
    const bool classifies = trainer.supports(Task::Binary) || trainer.supports(Task::Multiclass);
    const bool regresses = trainer.supports(Task::Regression);
    std::optional<Task> task = request.task;
    if (!task && !classifies)
        task = Task::Regression;
    auto probe = encodeTarget(data, request.target, task);
    if (!probe)
        return probe.error();
    if (!trainer.supports(probe->task))
        return Error::invalidInput("the '" + trainer.name() + "' model cannot learn target '" +
                                   request.target + "' as a " + std::string(taskName(probe->task)) +
                                   " task" + (regresses ? "" : " (it is a classifier)"));
    return probe->task;
}

Result<std::vector<std::string>> featureNames(const TrainRequest &request, const table::Table &data)
{
    std::vector<std::string> columns;
    for (const auto &column : data.columns())
        columns.push_back(column.name());
    for (const auto &name : request.exclude)
        if (!data.indexOf(name))
            return Error::invalidInput("cannot exclude '" + name + "': no such column (the data has: " +
                                       joined(columns) + ")");
    if (request.features.empty()) {
        std::vector<std::string> exclude = request.exclude;
        if (!request.groupColumn.empty())
            exclude.push_back(request.groupColumn);
        return defaultFeatureNames(data, request.target, exclude);
    }
    for (const auto &name : request.features) {
        if (name == request.target)
            return Error::invalidInput("feature '" + name + "' is the target");
        if (!data.indexOf(name))
            return Error::invalidInput("unknown feature '" + name + "' (the data has: " +
                                       joined(columns) + ")");
    }
    return request.features;
}

Result<PreparedData> prepare(const TrainRequest &request, const Trainer &trainer,
                             const Progress &progress)
{
    PreparedData prepared;
    prepared.ref = version::parseDatasetRef(request.data);
    auto source = version::resolveDataset(prepared.ref, progress);
    if (!source)
        return source.error();
    prepared.source = std::move(*source);
    auto read = version::readResolvedDataset(prepared.source, {}, progress);
    if (!read)
        return read.error();
    const table::Table &data = read->table;

    auto task = chooseTask(trainer, request, data);
    if (!task)
        return task.error();
    auto target = encodeTarget(data, request.target, *task);
    if (!target)
        return target.error();
    auto names = featureNames(request, data);
    if (!names)
        return names.error();
    if (names->empty())
        return Error::invalidInput("no features: the data has no column besides the target");
    auto specs = inferFeatures(data, *names);
    if (!specs)
        return specs.error();
    auto matrix = buildMatrix(data, *specs, prepared.source.displayName);
    if (!matrix)
        return matrix.error();

    std::vector<std::size_t> rows;
    for (std::size_t row = 0; row < data.rowCount(); ++row)
        if (!std::isnan(target->values[row]))
            rows.push_back(row);
    if (rows.empty())
        return Error::invalidInput("target '" + request.target + "' has no values");
    prepared.rowsWithoutTarget = data.rowCount() - rows.size();
    prepared.x = rows.size() == data.rowCount() ? std::move(*matrix) : matrix->subset(rows);
    for (std::size_t row : rows)
        prepared.y.push_back(target->values[row]);
    if (!request.groupColumn.empty()) {
        const auto group = data.indexOf(request.groupColumn);
        if (!group)
            return Error::invalidInput("no group column '" + request.groupColumn + "' in the data");
        const table::Column &column = data.column(*group);
        const bool text = column.type() == table::ColumnType::String;
        for (std::size_t row : rows)
            prepared.groups.push_back(text && !column.isMissing(row) ? double(column.codes()[row])
                                                                     : column.numeric(row));
    }
    prepared.signature = {target->task, request.target, target->classes, std::move(*specs)};

    prepared.md5 = prepared.source.md5;
    if (prepared.md5.empty()) {
        if (prepared.source.file.empty()) {
            prepared.md5 = version::md5OfBytes(prepared.source.bytes);
        } else {
            auto md5 = version::md5OfFile(prepared.source.file);
            if (!md5)
                return md5.error();
            prepared.md5 = *md5;
        }
    }
    return prepared;
}

// The commit the data was read at: the named revision's, else HEAD's.
std::string dataRevision(const PreparedData &prepared, const fs::path &workspaceRoot)
{
    auto repository = version::GitRepository::discover(workspaceRoot);
    if (!repository)
        return {};
    if (prepared.ref.revision) {
        auto commit = repository->resolveCommit(*prepared.ref.revision);
        return commit ? commit->id : std::string();
    }
    auto head = repository->head();
    return head ? head->commit : std::string();
}

track::DatasetInput datasetInput(const PreparedData &prepared, const fs::path &workspaceRoot)
{
    std::error_code error;
    const fs::path absolute = fs::absolute(prepared.ref.path, error);
    const fs::path relative = absolute.lexically_relative(workspaceRoot);
    const bool inside = !relative.empty() && *relative.begin() != "..";
    track::DatasetInput input;
    input.name = absolute.filename().string();
    input.path = inside ? relative.generic_string() : absolute.string();
    input.md5 = prepared.md5;
    input.revision = dataRevision(prepared, workspaceRoot);
    input.context = "training";
    return input;
}

std::map<std::string, std::string> runParams(const TrainRequest &request, const ParamValues &values,
                                             const PreparedData &prepared)
{
    std::map<std::string, std::string> params{
        {"model", request.trainer},
        {"target", request.target},
        {"task", std::string(taskName(prepared.signature.task))},
        {"seed", std::to_string(request.seed)},
        {"data", prepared.dataName},
    };
    std::vector<std::string> features;
    for (const auto &spec : prepared.signature.features)
        features.push_back(spec.name);
    params["features"] = joined(features, ",");
    if (!request.groupColumn.empty())
        params["group"] = request.groupColumn;
    if (request.folds > 0 && request.repeats > 1)
        params["cv_repeats"] = std::to_string(request.repeats);
    if (request.folds > 0)
        params["cv_folds"] = std::to_string(request.folds);
    else
        params["split"] = numberText(request.trainFraction) + "," +
                          numberText(request.validationFraction) + "," +
                          numberText(request.testFraction);
    for (const auto &[name, value] : values.numbers)
        params[name] = numberText(value);
    for (const auto &[name, value] : values.choices)
        params[name] = value;
    return params;
}

SplitOptions splitOptions(const TrainRequest &request, const PreparedData &prepared)
{
    SplitOptions options;
    options.seed = request.seed;
    if (!prepared.groups.empty())
        options.groups = prepared.groups; // grouped parts cannot also be stratified
    else if (prepared.signature.task != Task::Regression)
        options.strata = prepared.y;
    return options;
}

struct Part {
    std::string name;
    FeatureMatrix x;
    std::vector<double> y;
};

Part partOf(const std::string &name, const PreparedData &prepared, std::span<const std::size_t> rows)
{
    Part part{name, prepared.x.subset(rows), {}};
    for (std::size_t row : rows)
        part.y.push_back(prepared.y[row]);
    return part;
}

// What a part's evaluation stores in model/evaluation.json: the metrics, curves and, for
// regression, a sample of (actual, predicted) pairs.
struct PartResult {
    Evaluation evaluation;
    QJsonObject json;
};

Result<PartResult> evaluatePart(const Model &model, const FeatureMatrix &x, std::span<const double> y)
{
    const auto predictions = model.predictions(x);
    auto evaluation = evaluate(model.signature().task, model.signature().classes.size(), y, predictions);
    if (!evaluation)
        return evaluation.error();
    QJsonObject json = evaluationToJson(*evaluation, true);
    if (model.signature().task == Task::Regression)
        json.insert(QStringLiteral("residuals"), residualSampleToJson(y, predictions));
    return PartResult{std::move(*evaluation), std::move(json)};
}

Result<PartResult> evaluatePart(const Model &model, const Part &part)
{
    return evaluatePart(model, part.x, part.y);
}

// Saves the model and its evaluations as the run's artifacts: model/model.json, and
// model/evaluation.json = {"<part>": evaluation with curves (and residuals), …,
// "folds": [evaluation of each fold's held-out rows] (cross-validation)}.
Status storeArtifacts(track::TrackingStore &store, const std::string &runId, const Model &model,
                      const ModelMetadata &metadata, const QJsonObject &evaluations)
{
    auto saved = store.logArtifactBytes(runId, saveModelDocument(model, metadata),
                                        std::string(kModelArtifactPath));
    if (!saved)
        return saved.error();
    auto stored = store.logArtifactBytes(
        runId, QJsonDocument(evaluations).toJson(QJsonDocument::Compact).toStdString(),
        std::string(kEvaluationArtifactPath));
    if (!stored)
        return stored.error();
    return {};
}

class TrainingSession {
public:
    TrainingSession(workspace::Workspace &workspace, track::TrackingStore &store,
                    const TrainRequest &request, const Trainer &trainer, PreparedData &prepared,
                    ParamValues params, const Progress &progress,
                    std::function<void(const IterationReport &)> onIteration)
        : m_workspace(workspace), m_store(store), m_request(request), m_trainer(trainer),
          m_prepared(prepared), m_params(std::move(params)), m_progress(progress),
          m_onIteration(std::move(onIteration)), m_git(track::gitStateOf(workspace.root()))
    {
    }

    Result<std::string> startRun(const std::string &name, const std::optional<std::string> &parent)
    {
        track::RunInfo info;
        info.experiment = m_request.experiment;
        info.name = name;
        info.gitCommit = m_git.commit;
        info.gitDirty = m_git.dirty;
        info.command = "assay train --model " + m_request.trainer + " --target " + m_request.target;
        info.parentRunId = parent;
        auto runId = m_store.startRun(info);
        if (!runId)
            return runId.error();
        RunRecorder recorder(m_store, *runId);
        Status logged = recorder.logParams(runParams(m_request, m_params, m_prepared));
        if (logged)
            logged = m_store.logDataset(*runId, m_prepared.input);
        if (logged)
            logged = m_store.logTag(*runId, "assay.source", "assay train");
        if (!logged)
            return recorder.finish(logged).error();
        return *runId;
    }

    Result<std::unique_ptr<Model>> fit(const FeatureMatrix &x, std::span<const double> y,
                                       const Part *validation, RunRecorder &recorder,
                                       const Progress &progress)
    {
        const TrainingSet set{&x, y, m_prepared.signature};
        std::optional<TrainingSet> validationSet;
        if (validation)
            validationSet = TrainingSet{&validation->x, validation->y, m_prepared.signature};
        TrainOptions options = trainOptions(validationSet ? &*validationSet : nullptr, progress);
        Status curveLogged;
        options.onIteration = [&](const IterationReport &report) {
            if (curveLogged)
                curveLogged = recorder.logIteration(report);
            if (m_onIteration)
                m_onIteration(report);
        };
        auto model = m_trainer.train(set, options);
        if (model && !curveLogged)
            return curveLogged.error();
        return model;
    }

    ModelMetadata metadata() const
    {
        return {m_request.trainer, m_params.toJson(), m_prepared.md5, m_prepared.dataName,
                m_request.seed};
    }

    // Decides which rows go where before any run is recorded, so a split that cannot be made
    // (more groups needed, a class too small for k folds) records nothing.
    Status planParts()
    {
        if (m_request.folds > 0) {
            auto folds = kFolds(m_prepared.y.size(), m_request.folds, m_request.repeats,
                                splitOptions(m_request, m_prepared));
            if (!folds)
                return folds.error();
            m_folds = std::move(*folds);
            return {};
        }
        auto split = splitRows(m_prepared.y.size(), m_request.trainFraction, m_request.validationFraction,
                               m_request.testFraction, splitOptions(m_request, m_prepared));
        if (!split)
            return split.error();
        m_split = std::move(*split);
        return {};
    }

    Status trainWithSplit(RunRecorder &recorder, TrainOutcome &outcome)
    {
        const std::string &runId = recorder.runId();
        const ThreeWaySplit *split = &m_split;
        std::vector<Part> parts;
        parts.push_back(partOf("train", m_prepared, split->train));
        if (!split->validation.empty())
            parts.push_back(partOf("valid", m_prepared, split->validation));
        if (!split->test.empty())
            parts.push_back(partOf("test", m_prepared, split->test));
        const Part *validation = split->validation.empty() ? nullptr : &parts[1];

        auto model = fit(parts[0].x, parts[0].y, validation, recorder, m_progress);
        if (!model)
            return model.error();
        QJsonObject evaluations;
        for (const auto &part : parts) {
            auto result = evaluatePart(**model, part);
            if (!result)
                return result.error();
            ASSAY_TRY(recorder.logEvaluation(part.name, result->evaluation));
            evaluations.insert(QString::fromStdString(part.name), result->json);
            outcome.parts.push_back({part.name, std::move(result->evaluation)});
        }
        outcome.metadata = metadata();
        ASSAY_TRY(storeArtifacts(m_store, runId, **model, outcome.metadata, evaluations));
        outcome.model = std::move(*model);
        return {};
    }

    // One child run per fold (model learned on the other folds, measured on this one), then the
    // final model learned on every row, recorded on the parent run with the folds' summary.
    Status crossValidate(RunRecorder &parent, TrainOutcome &outcome)
    {
        const std::string &parentId = parent.runId();
        const std::vector<Fold> *folds = &m_folds;
        const double steps = static_cast<double>(folds->size() + 1);
        TrainOptions options = trainOptions(nullptr, Progress(
            [this, steps](double fraction, std::string_view stage) {
                m_progress.report(fraction * (steps - 1) / steps, stage);
            },
            m_progress.token()));
        options.onIteration = m_onIteration;
        FoldRuns foldRuns(*this, parentId, *folds, outcome);
        auto validated = model::crossValidate(m_trainer, {&m_prepared.x, m_prepared.y, m_prepared.signature},
                                              *folds, options, &foldRuns);
        if (!validated)
            return validated.error();
        outcome.foldSummary = validated->summary;
        for (const auto &[metric, summary] : outcome.foldSummary) {
            ASSAY_TRY(m_store.logMetric(parentId, "cv_" + metric + "_mean", {0, track::nowMs(), summary.mean}));
            ASSAY_TRY(m_store.logMetric(parentId, "cv_" + metric + "_std", {0, track::nowMs(), summary.std}));
        }

        const Progress finalProgress(
            [this, steps](double fraction, std::string_view stage) {
                m_progress.report((steps - 1 + fraction) / steps, stage);
            },
            m_progress.token());
        auto model = fit(m_prepared.x, m_prepared.y, nullptr, parent, finalProgress);
        if (!model)
            return model.error();
        auto result = evaluatePart(**model, m_prepared.x, m_prepared.y);
        if (!result)
            return result.error();
        ASSAY_TRY(parent.logEvaluation("train", result->evaluation));
        QJsonObject evaluations{{QStringLiteral("train"), result->json},
                                {QStringLiteral("folds"), foldRuns.evaluations()}};
        outcome.parts.push_back({"train", std::move(result->evaluation)});
        outcome.metadata = metadata();
        ASSAY_TRY(storeArtifacts(m_store, parentId, **model, outcome.metadata, evaluations));
        outcome.model = std::move(*model);
        return {};
    }

private:
    // Records each fold of a cross-validation as a child run of the parent.
    class FoldRuns final : public FoldObserver {
    public:
        FoldRuns(TrainingSession &session, std::string parentId, const std::vector<Fold> &folds,
                 TrainOutcome &outcome)
            : m_session(session), m_parentId(std::move(parentId)), m_folds(folds), m_outcome(outcome)
        {
        }

        Status foldStarting(std::size_t index) override
        {
            const Fold &fold = m_folds[index];
            const std::string name = "fold " + std::to_string(fold.index + 1) +
                                     (fold.repeat > 0 || m_folds.back().repeat > 0
                                          ? " of repeat " + std::to_string(fold.repeat + 1)
                                          : std::string());
            auto runId = m_session.startRun(name, m_parentId);
            if (!runId)
                return runId.error();
            m_recorder.emplace(m_session.m_store, *runId);
            m_outcome.folds.push_back({*runId, {}});
            m_logged = {};
            return {};
        }

        void foldIteration(std::size_t, const IterationReport &report) override
        {
            if (m_logged)
                m_logged = m_recorder->logIteration(report);
        }

        Status foldFinished(std::size_t, const FoldResult *result, const Status &outcome) override
        {
            Status status = outcome ? m_logged : outcome;
            if (status && result) {
                status = m_recorder->logEvaluation("valid", result->evaluation);
                m_outcome.folds.back().evaluation = result->evaluation;
                m_evaluations.append(evaluationToJson(result->evaluation, true));
            }
            return m_recorder->finish(status);
        }

        const QJsonArray &evaluations() const { return m_evaluations; }

    private:
        TrainingSession &m_session;
        std::string m_parentId;
        const std::vector<Fold> &m_folds;
        TrainOutcome &m_outcome;
        std::optional<RunRecorder> m_recorder;
        Status m_logged;
        QJsonArray m_evaluations;
    };

    TrainOptions trainOptions(const TrainingSet *validation, const Progress &progress) const
    {
        TrainOptions options;
        options.params = m_params;
        options.seed = m_request.seed;
        options.threads = m_request.threads;
        options.validation = validation;
        options.progress = progress;
        return options;
    }

    workspace::Workspace &m_workspace;
    track::TrackingStore &m_store;
    const TrainRequest &m_request;
    const Trainer &m_trainer;
    PreparedData &m_prepared;
    ParamValues m_params;
    Progress m_progress;
    std::function<void(const IterationReport &)> m_onIteration;
    track::GitState m_git; // read once: every run of the session (the folds too) saw this commit
    ThreeWaySplit m_split;
    std::vector<Fold> m_folds;
};

std::string knownTrainers()
{
    std::vector<std::string> names;
    for (const auto &trainer : trainers())
        names.push_back(trainer->name());
    return joined(names);
}

std::string defaultRunName(const TrainRequest &request, const PreparedData &prepared)
{
    if (!request.runName.empty())
        return request.runName;
    return request.trainer + " · " + fs::path(prepared.ref.path).filename().string();
}

} // namespace

Result<TrainOutcome> trainAndRecord(workspace::Workspace &workspace, const TrainRequest &request,
                                    const Progress &progress,
                                    std::function<void(const IterationReport &)> onIteration)
{
    const Trainer *trainer = findTrainer(request.trainer);
    if (!trainer)
        return Error::invalidInput("unknown model '" + request.trainer + "' (known: " +
                                   knownTrainers() + ")");
    auto params = resolveParams(trainer->params(), request.params);
    if (!params)
        return params.error();
    auto prepared = prepare(request, *trainer, progress);
    if (!prepared)
        return prepared.error();
    prepared->input = datasetInput(*prepared, workspace.root());
    const std::string &path = prepared->input.path;
    prepared->dataName = prepared->ref.revision ? path + "@" + *prepared->ref.revision : path;
    auto store = track::TrackingStore::open(workspace);
    if (!store)
        return store.error();

    TrainingSession session(workspace, *store, request, *trainer, *prepared, std::move(*params),
                            progress, std::move(onIteration));
    ASSAY_TRY(session.planParts());
    auto runId = session.startRun(defaultRunName(request, *prepared), std::nullopt);
    if (!runId)
        return runId.error();
    TrainOutcome outcome;
    outcome.runId = *runId;
    outcome.rows = prepared->y.size();
    outcome.rowsWithoutTarget = prepared->rowsWithoutTarget;
    RunRecorder recorder(*store, *runId);
    const Status trained = request.folds > 0 ? session.crossValidate(recorder, outcome)
                                             : session.trainWithSplit(recorder, outcome);
    if (auto finished = recorder.finish(trained); !finished)
        return finished.error();
    return outcome;
}

} // namespace assay::model
