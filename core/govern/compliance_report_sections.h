#pragma once

// Internal to the compliance report: what the section builders share. Each builder appends
// one section to the content and never fails: a problem becomes the section's own sentence.

#include "govern/compliance_report.h"
#include "govern/model_card.h"
#include "govern/model_registry.h"
#include "model/model_document.h"
#include "table/table.h"
#include "track/run_record.h"
#include "version/dataset_ref.h"

#include <QJsonObject>

#include <cstdint>
#include <optional>
#include <string>

namespace assay::govern::report {

// Everything read once about the subject, for every section.
struct Subject {
    workspace::Workspace *workspace = nullptr;
    track::RunRecord run;
    std::optional<ModelVersion> version; // when the report is about a registered version
    std::string modelName;               // the registered name, or empty
    ModelCard card;
    bool cardSaved = false;
    std::optional<model::LoadedModel> model; // the run's model document
    std::string modelProblem;                // why `model` is empty
    std::string modelMd5;                    // of the run's model artifact
    std::optional<PromotionGate> gate;

    // The training dataset input (context "training"), when the run recorded one.
    std::optional<track::DatasetInput> trainingInput;
    std::optional<version::DatasetRef> trainingRef; // its path (absolute) at its revision
    std::string trainingDisplay;                    // "data/credit.csv@3f2a9c1"
    std::optional<table::Table> trainingData;       // read once, when it could be
    std::string trainingProblem;
};

// Numbers, times and ids as the report writes them.
std::string number(double value, int decimals = 4);
std::string percent(double share);
std::string utcTime(std::int64_t ms);
std::string duration(std::int64_t ms);
std::string shortId(const std::string &id, std::size_t length = 12);
std::string relativeToWorkspace(const Subject &subject, const std::string &path);

// A run artifact's JSON object from the content store; NotFound when the run has none.
Result<QJsonObject> runJsonArtifact(const Subject &subject, std::string_view artifactPath);

ReportParagraph plain(std::string text);
ReportParagraph note(std::string text);
ReportParagraph verdict(bool passed, std::string text);

void addCardSection(const Subject &subject, ComplianceReportContent &content);
void addLineageSection(const Subject &subject, ComplianceReportContent &content, const Progress &progress);
void addTrainingSection(const Subject &subject, ComplianceReportContent &content);
void addEvaluationSection(const Subject &subject, ComplianceReportContent &content);
void addFairnessSection(const Subject &subject, ComplianceReportContent &content);
void addExplanationSection(const Subject &subject, ComplianceReportContent &content,
                           std::size_t rowLimit, const Progress &progress);
void addDriftSection(const Subject &subject, ComplianceReportContent &content, const Progress &progress);
void addModelTestsSection(const Subject &subject, ComplianceReportContent &content);
void addRegistrySection(const Subject &subject, ComplianceReportContent &content);
void addAuditSection(const Subject &subject, ComplianceReportContent &content, std::size_t excerpt);

} // namespace assay::govern::report
