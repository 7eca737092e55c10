// The report's explanation section: global mean |SHAP| and the beeswarm, from a cached SHAP
// explanation of the model, else TreeSHAP computed now on the training data for tree models.
#include "explain/explain_job.h"
#include "explain/explained_data.h"
#include "explain/explanation_store.h"
#include "govern/compliance_report_sections.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace assay::govern::report {

namespace {

constexpr std::size_t kShownFeatures = 20;

bool isTreeTrainer(const std::string &trainer)
{
    return trainer == "tree" || trainer == "forest" || trainer == "gbt" || trainer == "xgboost";
}

// The newest cached SHAP explanation of this model (TreeSHAP before KernelSHAP).
std::optional<explain::Explanation> cachedShap(const Subject &subject, std::string &where)
{
    explain::ExplanationStore store(*subject.workspace);
    auto entries = store.list();
    if (!entries)
        return std::nullopt;
    for (const auto method : {explain::ExplainMethod::TreeShap, explain::ExplainMethod::KernelShap}) {
        for (const auto &entry : *entries) {
            if (entry.method != method || (entry.modelMd5 != subject.modelMd5 && entry.runId != subject.run.info.runId))
                continue;
            auto explanation = store.load(entry);
            if (!explanation || !std::holds_alternative<explain::ShapExplanation>(explanation->result))
                continue;
            where = "cached " + std::string(explain::methodTitle(method)) + " explanation of " +
                    std::to_string(entry.rows) + " rows of " + entry.dataName + ", computed " + utcTime(entry.createdMs);
            return std::move(*explanation);
        }
    }
    return std::nullopt;
}

Result<explain::Explanation> computeTreeShap(const Subject &subject, std::size_t rowLimit, const Progress &progress)
{
    auto resolved = version::resolveDataset(*subject.trainingRef);
    if (!resolved)
        return resolved.error();
    auto md5 = explain::explainedDataMd5(*resolved);
    if (!md5)
        return md5.error();
    explain::ExplainInputs inputs;
    inputs.model = *subject.model;
    inputs.modelName = subject.run.info.runId;
    inputs.modelMd5 = subject.modelMd5;
    inputs.runId = subject.run.info.runId;
    inputs.dataName = subject.trainingDisplay;
    inputs.dataMd5 = *md5;
    inputs.data = &*subject.trainingData;
    explain::ExplainRequest request;
    request.method = explain::ExplainMethod::TreeShap;
    request.firstRow = 0;
    request.lastRow = std::min(rowLimit, subject.trainingData->rowCount());
    auto outcome = explain::runExplanation(inputs, request, progress);
    if (!outcome)
        return outcome.error();
    return std::move(outcome->explanation);
}

std::string unitOf(const explain::Explanation &explanation, const explain::ShapExplanation &shap)
{
    if (shap.space == "margin" && explanation.subject.task != model::Task::Regression)
        return "log-odds";
    if (shap.space == "probability")
        return "probability";
    return "model output";
}

} // namespace

void addExplanationSection(const Subject &subject, ComplianceReportContent &content, std::size_t rowLimit,
                           const Progress &progress)
{
    ReportSection section{"Explanations", {}};
    std::string where;
    std::optional<explain::Explanation> explanation;
    if (subject.model)
        explanation = cachedShap(subject, where);
    if (!explanation) {
        const std::string trainer = subject.model ? subject.model->metadata.trainer : std::string();
        std::string why;
        if (!subject.model)
            why = "the model cannot be read (" + subject.modelProblem + ")";
        else if (!isTreeTrainer(trainer))
            why = "no SHAP explanation of this model is cached, and TreeSHAP needs a tree model while this one is '" +
                  trainer + "' (explain it with `assay explain kernel --model " + subject.run.info.runId +
                  " --data DATA`, then export the report again)";
        else if (!subject.trainingData)
            why = "no SHAP explanation is cached and the training data cannot be read (" + subject.trainingProblem + ")";
        if (why.empty()) {
            auto computed = computeTreeShap(subject, rowLimit, progress);
            if (computed) {
                explanation = std::move(*computed);
                where = "TreeSHAP computed for this report on the first " +
                        std::to_string(std::get<explain::ShapExplanation>(explanation->result).rowIds.size()) +
                        " rows of the training data " + subject.trainingDisplay + " (none was cached)";
            } else {
                why = "TreeSHAP could not be computed: " + computed.error().message;
            }
        }
        if (!explanation) {
            section.blocks.push_back(note("No explanation: " + why + "."));
            content.sections.push_back(std::move(section));
            return;
        }
    }
    const auto &shap = std::get<explain::ShapExplanation>(explanation->result);
    const std::size_t output = 0; // binary and regression have one; multiclass shows the first class
    const std::size_t features = shap.values.features;
    std::vector<double> importance(features, 0.0);
    for (std::size_t row = 0; row < shap.values.rows; ++row) {
        const auto contributions = shap.values.of(row, output);
        for (std::size_t f = 0; f < features; ++f)
            importance[f] += std::fabs(contributions[f]);
    }
    for (double &value : importance)
        value /= double(std::max<std::size_t>(shap.values.rows, 1));
    std::vector<std::size_t> order(features);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return importance[a] > importance[b]; });
    if (order.size() > kShownFeatures)
        order.resize(kShownFeatures);

    content.shapUnit = unitOf(*explanation, shap);
    content.shapOutput = output;
    content.shapShown = order;
    for (std::size_t f : order) {
        content.shapFeatures.push_back(shap.x.features[f].name);
        content.shapImportance.push_back(importance[f]);
    }
    content.shapRows = shap;

    std::string outputNote;
    if (explanation->subject.task == model::Task::Multiclass && !explanation->subject.outputs.empty())
        outputNote = " Shown for class '" + explanation->subject.outputs.front() + "'.";
    section.blocks.push_back(plain("Source: " + where + ". Mean |SHAP value| per feature, in " +
                                             content.shapUnit + ", the most important first." + outputNote));
    ReportTable table{"Global importance (mean |SHAP|)", {"feature", "mean |SHAP| (" + content.shapUnit + ")"},
                      {false, true}, {}, {}};
    for (std::size_t i = 0; i < content.shapFeatures.size(); ++i)
        table.rows.push_back({content.shapFeatures[i], number(content.shapImportance[i])});
    section.blocks.emplace_back(std::in_place_type<ReportChart>, ReportChart::ShapBars);
    section.blocks.emplace_back(std::in_place_type<ReportChart>, ReportChart::Beeswarm);
    section.blocks.push_back(std::move(table));
    content.sections.push_back(std::move(section));
}

} // namespace assay::govern::report
