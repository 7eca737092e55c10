#include "govern/compliance_report.h"

#include "govern/access_control.h"
#include "govern/compliance_report_sections.h"
#include "model/model_source.h"
#include "table/reader.h"
#include "track/clock.h"
#include "track/run_query.h"
#include "workspace/workspace.h"

#include <algorithm>

namespace assay::govern {

namespace {

using report::Subject;

// The registered version the request names, or the run it names (and any version of it).
Status resolveSubject(workspace::Workspace &workspace, const ReportRequest &request, Subject &subject)
{
    subject.workspace = &workspace;
    std::string runId;
    if (!request.model.empty()) {
        auto version = resolveModelVersion(workspace, request.model);
        if (!version)
            return version.error();
        subject.version = *version;
        subject.modelName = version->name;
        runId = version->runId;
    } else {
        auto resolved = track::resolveRun(workspace.database(), request.run);
        if (!resolved)
            return resolved.error();
        runId = *resolved;
        // A registered run is reported with its newest version.
        if (auto models = listModels(workspace)) {
            for (const auto &registered : *models)
                for (const auto &version : registered.versions)
                    if (version.runId == runId &&
                        (!subject.version || subject.version->version < version.version)) {
                        subject.version = version;
                        subject.modelName = registered.name;
                    }
        }
    }
    auto run = track::loadRun(workspace.database(), runId);
    if (!run)
        return run.error();
    subject.run = std::move(*run);
    return {};
}

// The card is kept per registered model, else per run id.
Status readCard(workspace::Workspace &workspace, Subject &subject)
{
    const std::string cardSubject = subject.modelName.empty() ? subject.run.info.runId : subject.modelName;
    auto card = loadCard(workspace, cardSubject);
    if (!card)
        return card.error();
    subject.card = std::move(*card);
    subject.cardSaved = subject.card.updatedMs != 0;
    return {};
}

void readModel(workspace::Workspace &workspace, Subject &subject)
{
    for (const auto &artifact : subject.run.artifacts)
        if (artifact.path == model::kModelArtifactPath)
            subject.modelMd5 = artifact.md5;
    if (subject.modelMd5.empty()) {
        subject.modelProblem = "run " + subject.run.info.runId + " logged no model (" +
                               std::string(model::kModelArtifactPath) + ")";
        return;
    }
    auto loaded = model::openModel(subject.run.info.runId, &workspace);
    if (loaded)
        subject.model = std::move(*loaded);
    else
        subject.modelProblem = loaded.error().message;
}

void readTrainingData(workspace::Workspace &workspace, Subject &subject, const Progress &progress)
{
    for (const auto &input : subject.run.datasets)
        if (input.context == "training" && !subject.trainingInput)
            subject.trainingInput = input;
    if (!subject.trainingInput) {
        subject.trainingProblem = "run " + subject.run.info.runId + " recorded no training dataset";
        return;
    }
    const track::DatasetInput &input = *subject.trainingInput;
    std::filesystem::path path(input.path);
    if (path.is_relative())
        path = workspace.root() / path;
    version::DatasetRef ref{path.string(), std::nullopt};
    if (!input.revision.empty())
        ref.revision = input.revision;
    subject.trainingRef = ref;
    subject.trainingDisplay = input.path + (input.revision.empty() ? "" : "@" + report::shortId(input.revision, 7));
    auto read = version::readDataset(ref, {}, progress);
    if (!read) {
        subject.trainingProblem = read.error().message;
        return;
    }
    subject.trainingData = std::move(read->table);
}

ReportFields titleBlock(const Subject &subject, const std::string &generatedBy)
{
    ReportFields fields;
    const auto &info = subject.run.info;
    if (subject.version) {
        fields.items.push_back({"Model", subject.modelName});
        std::string version = std::to_string(subject.version->version) + " (stage " +
                              std::string(stageName(subject.version->stage)) + ")";
        if (!subject.version->aliases.empty()) {
            version += ", aliases";
            for (const auto &alias : subject.version->aliases)
                version += " " + alias;
        }
        fields.items.push_back({"Version", version});
    } else {
        fields.items.push_back({"Model", "run " + info.runId + " (not registered)"});
    }
    fields.items.push_back({"Run", (info.name.empty() ? std::string() : info.name + " — ") + info.runId});
    fields.items.push_back({"Model md5", subject.modelMd5.empty() ? "no model artifact" : subject.modelMd5});
    fields.items.push_back({"Generated (UTC)", report::utcTime(track::nowMs())});
    fields.items.push_back({"Generated by", generatedBy});
    fields.items.push_back({"Workspace", subject.workspace->root().string()});
    fields.items.push_back({"Assay version", ASSAY_VERSION});
    return fields;
}

} // namespace

const std::vector<std::string> &reportSectionTitles()
{
    static const std::vector<std::string> titles{
        "Model card", "Data lineage", "Training", "Evaluation", "Fairness", "Explanations",
        "Drift",      "Model tests",  "Registry", "Audit trail"};
    return titles;
}

Result<std::string> reportObject(workspace::Workspace &workspace, const ReportRequest &request)
{
    if (request.model.empty() == request.run.empty())
        return Error::invalidInput("a report is about either a model (--model NAME[:VERSION]) or a run (--run RUN)");
    if (!request.model.empty()) {
        auto version = resolveModelVersion(workspace, request.model);
        if (!version)
            return version.error();
        return version->name + ":" + std::to_string(version->version);
    }
    return track::resolveRun(workspace.database(), request.run);
}

Result<ComplianceReportContent> gatherComplianceReport(workspace::Workspace &workspace,
                                                       const ReportRequest &request,
                                                       const Progress &progress)
{
    auto object = reportObject(workspace, request);
    if (!object)
        return object.error();
    Subject subject;
    ASSAY_TRY(resolveSubject(workspace, request, subject));
    ASSAY_TRY(readCard(workspace, subject));
    readModel(workspace, subject);
    if (!subject.modelName.empty())
        if (auto stored = gate(workspace, subject.modelName))
            subject.gate = *stored;
    progress.report(0.05, "training data");
    readTrainingData(workspace, subject, {});

    ComplianceReportContent content;
    content.subject = *object;
    content.title = subject.version ? "Compliance report — " + subject.modelName + " version " +
                                          std::to_string(subject.version->version)
                                    : "Compliance report — run " + report::shortId(subject.run.info.runId);
    const std::string generatedBy =
        request.generatedBy.empty() ? sessionCredentials().user : request.generatedBy;
    content.titleBlock = titleBlock(subject, generatedBy);

    const auto step = [&](double fraction, std::string_view stage) {
        progress.report(fraction, stage);
        return !progress.isCancelled();
    };
    report::addCardSection(subject, content);
    if (!step(0.1, "data lineage"))
        return Error::cancelled();
    report::addLineageSection(subject, content, {});
    report::addTrainingSection(subject, content);
    report::addEvaluationSection(subject, content);
    if (!step(0.3, "fairness"))
        return Error::cancelled();
    report::addFairnessSection(subject, content);
    if (!step(0.45, "explanations"))
        return Error::cancelled();
    report::addExplanationSection(subject, content, request.shapRowLimit, {});
    if (!step(0.7, "drift"))
        return Error::cancelled();
    report::addDriftSection(subject, content, {});
    if (!step(0.9, "registry and audit"))
        return Error::cancelled();
    report::addModelTestsSection(subject, content);
    report::addRegistrySection(subject, content);
    report::addAuditSection(subject, content, request.auditExcerpt);
    content.contentHash = contentHashOf(content);
    progress.report(1.0, "gathered");
    return content;
}

} // namespace assay::govern
