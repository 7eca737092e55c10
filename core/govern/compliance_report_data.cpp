// The report's sections about data: lineage (datasets, schema, validation), fairness on the
// training data, and drift against the reference.
#include "drift/drift.h"
#include "govern/compliance_report_sections.h"
#include "govern/fairness.h"
#include "validate/schema_json.h"
#include "validate/validation.h"
#include "workspace/workspace.h"

#include <algorithm>
#include <filesystem>

namespace assay::govern::report {

namespace fs = std::filesystem;

namespace {

fs::path inWorkspace(const Subject &subject, const std::string &path)
{
    const fs::path given(path);
    return given.is_relative() ? subject.workspace->root() / given : given;
}

std::string schemaColumnRule(const validate::ColumnSchema &column)
{
    std::string rule;
    if (column.min || column.max)
        rule = "range [" + (column.min ? number(*column.min) : std::string("−∞")) + ", " +
               (column.max ? number(*column.max) : std::string("∞")) + "]";
    if (column.domain) {
        std::string values;
        for (std::size_t i = 0; i < column.domain->size() && i < 8; ++i)
            values += (i ? ", " : "") + (*column.domain)[i];
        if (column.domain->size() > 8)
            values += ", … (" + std::to_string(column.domain->size()) + " values)";
        rule += (rule.empty() ? "" : "; ") + std::string("one of ") + values;
    }
    return rule.empty() ? "—" : rule;
}

void addSchemaAndValidation(const Subject &subject, ReportSection &section)
{
    const track::DatasetInput &input = *subject.trainingInput;
    const fs::path schemaPath = subject.gate && subject.gate->schemaPath
                                    ? inWorkspace(subject, *subject.gate->schemaPath)
                                    : validate::schemaPathBeside(inWorkspace(subject, input.path));
    const std::string schemaName = relativeToWorkspace(subject, schemaPath.string());
    std::error_code error;
    if (!fs::exists(schemaPath, error)) {
        section.blocks.push_back(note("No schema is saved for " + input.path + " (looked for " + schemaName +
                                      "), so the training data was not validated; its columns as read:"));
        if (subject.trainingData) {
            ReportTable columns{"Columns of the training data as read", {"column", "type"}, {false, false}, {}, {}};
            for (const auto &column : subject.trainingData->columns())
                columns.rows.push_back({column.name(), std::string(table::typeName(column.type()))});
            section.blocks.push_back(std::move(columns));
        }
        return;
    }
    auto schema = validate::loadSchema(schemaPath);
    if (!schema) {
        section.blocks.push_back(verdict(false, "The schema " + schemaName + " cannot be read: " +
                                                    schema.error().message));
        return;
    }
    ReportTable columns{"Schema " + schemaName, {"column", "type", "required", "rule"},
                        {false, false, false, false}, {}, {}};
    for (const auto &column : schema->columns)
        columns.rows.push_back({column.name, std::string(table::typeName(column.type)),
                                column.required ? "required"
                                                : "optional (present in ≥ " + percent(column.minPresence) + ")",
                                schemaColumnRule(column)});
    section.blocks.push_back(std::move(columns));

    auto report = validate::validateDataset(*subject.trainingRef, *schema);
    if (!report) {
        section.blocks.push_back(verdict(false, "Validation of " + subject.trainingDisplay + " against " +
                                                    schemaName + " could not run: " + report.error().message));
        return;
    }
    std::size_t errors = 0;
    for (const auto &anomaly : report->anomalies)
        errors += anomaly.severity == validate::Severity::Error ? 1 : 0;
    const std::size_t warnings = report->anomalies.size() - errors;
    if (report->anomalies.empty()) {
        section.blocks.push_back(verdict(true, "Validation passed: " + subject.trainingDisplay + " (" +
                                                   std::to_string(report->rows) + " rows) matches " +
                                                   schemaName + " with no anomalies."));
        return;
    }
    section.blocks.push_back(verdict(!report->failed(),
                                     std::string(report->failed() ? "Validation failed: " : "Validation passed with warnings: ") +
                                         std::to_string(errors) + " errors and " + std::to_string(warnings) +
                                         " warnings in " + subject.trainingDisplay + " against " + schemaName + "."));
    ReportTable anomalies{"Anomalies", {"column", "kind", "severity", "detail"}, {false, false, false, false}, {}, {}};
    for (const auto &anomaly : report->anomalies)
        anomalies.rows.push_back({anomaly.column.empty() ? "(rows)" : anomaly.column,
                                  std::string(validate::kindName(anomaly.kind)),
                                  std::string(validate::severityName(anomaly.severity)), anomaly.detail});
    section.blocks.push_back(std::move(anomalies));
}

std::string rate(double value)
{
    return number(value, 3);
}

} // namespace

void addLineageSection(const Subject &subject, ComplianceReportContent &content, const Progress &)
{
    ReportSection section{"Data lineage", {}};
    if (subject.run.datasets.empty()) {
        section.blocks.push_back(note("Run " + subject.run.info.runId +
                                      " recorded no dataset inputs, so where its data came from is unknown."));
        content.sections.push_back(std::move(section));
        return;
    }
    ReportTable datasets{"Datasets the run read", {"dataset", "context", "path", "md5", "git revision"},
                         {false, false, false, false, false}, {}, {}};
    for (const auto &input : subject.run.datasets)
        datasets.rows.push_back({input.name, input.context, input.path,
                                 input.md5.empty() ? "not recorded" : input.md5,
                                 input.revision.empty() ? "not recorded" : shortId(input.revision)});
    section.blocks.push_back(std::move(datasets));
    if (!subject.trainingInput) {
        section.blocks.push_back(note("None of them is marked as training data."));
        content.sections.push_back(std::move(section));
        return;
    }
    if (!subject.trainingData) {
        section.blocks.push_back(verdict(false, "The training data " + subject.trainingDisplay +
                                                    " cannot be read any more: " + subject.trainingProblem));
        content.sections.push_back(std::move(section));
        return;
    }
    section.blocks.push_back(ReportFields{{{"Training data", subject.trainingDisplay},
                                           {"Rows", std::to_string(subject.trainingData->rowCount())},
                                           {"Columns", std::to_string(subject.trainingData->columnCount())}}});
    addSchemaAndValidation(subject, section);
    content.sections.push_back(std::move(section));
}

void addFairnessSection(const Subject &subject, ComplianceReportContent &content)
{
    ReportSection section{"Fairness", {}};
    const auto &columns = subject.card.sensitiveColumns;
    if (columns.empty()) {
        section.blocks.push_back(note("No fairness evaluation: the model card names no sensitive column "
                                      "(add one with `assay card edit " + subject.card.subject +
                                      " --add sensitive_columns=COLUMN`)."));
    } else if (!subject.model || subject.model->model->signature().task != model::Task::Binary) {
        section.blocks.push_back(note(!subject.model ? "No fairness evaluation: the model cannot be read (" +
                                                           subject.modelProblem + ")."
                                                     : "No fairness evaluation: the metrics (selection rate, "
                                                       "true and false positive rates) are defined for binary "
                                                       "classifiers, and this model is not one."));
    } else if (!subject.trainingRef) {
        section.blocks.push_back(note("No fairness evaluation: " + subject.trainingProblem + "."));
    } else {
        const std::string target = subject.model->model->signature().target;
        section.blocks.push_back(plain(
            "Computed on the training data " + subject.trainingDisplay + " against target '" + target +
            "', predicting the positive class when its probability is at least 0.5. Differences are "
            "max − min over groups, ratios min / max (Fairlearn's definitions)."));
        for (const auto &column : columns) {
            FairnessRequest request;
            request.model = subject.run.info.runId;
            request.data = subject.trainingRef->display();
            request.target = target;
            request.sensitive = column;
            auto fairness = modelFairness(*subject.workspace, request);
            if (!fairness) {
                section.blocks.push_back(verdict(false, "Sensitive column '" + column +
                                                            "': no fairness evaluation: " + fairness.error().message));
                continue;
            }
            ReportTable table{"By " + column + " (positive class '" + fairness->positiveLabel + "')",
                              {column, "rows", "selection rate", "true positive rate", "false positive rate", "accuracy"},
                              {false, true, true, true, true, true}, {}, {}};
            auto addRow = [&](const GroupMetrics &group) {
                table.rows.push_back({group.group, std::to_string(group.count), rate(group.selectionRate),
                                      rate(group.truePositiveRate), rate(group.falsePositiveRate), rate(group.accuracy)});
            };
            for (const auto &group : fairness->groups)
                addRow(group);
            GroupMetrics overall = fairness->overall;
            overall.group = "all rows";
            addRow(overall);
            section.blocks.push_back(std::move(table));
            section.blocks.push_back(ReportFields{
                {{"Demographic parity difference", rate(fairness->demographicParityDifference)},
                 {"Demographic parity ratio", rate(fairness->demographicParityRatio)},
                 {"Equalized odds difference", rate(fairness->equalizedOddsDifference)}}});
        }
    }
    content.sections.push_back(std::move(section));
}

void addDriftSection(const Subject &subject, ComplianceReportContent &content, const Progress &progress)
{
    ReportSection section{"Drift", {}};
    version::DatasetRef reference;
    version::DatasetRef current;
    std::string why;
    if (subject.gate && subject.gate->driftCurrent) {
        const std::string referenceText = subject.gate->driftReference ? *subject.gate->driftReference
                                                                       : (subject.trainingRef ? subject.trainingRef->display() : "");
        if (referenceText.empty()) {
            section.blocks.push_back(note("No drift check: the promotion gate names no reference and " +
                                          subject.trainingProblem + "."));
            content.sections.push_back(std::move(section));
            return;
        }
        reference = version::parseDatasetRef(referenceText);
        current = version::parseDatasetRef(*subject.gate->driftCurrent);
        reference.path = inWorkspace(subject, reference.path).string();
        current.path = inWorkspace(subject, current.path).string();
        why = "the promotion gate's drift reference and current data";
    } else if (subject.trainingRef) {
        reference = *subject.trainingRef;
        current = {reference.path, std::nullopt};
        why = "the training data against the dataset's current version in the work tree";
    } else {
        section.blocks.push_back(note("No drift check: " + subject.trainingProblem + "."));
        content.sections.push_back(std::move(section));
        return;
    }
    drift::DriftOptions options;
    if (subject.model)
        for (const auto &feature : subject.model->model->signature().features)
            options.columns.push_back(feature.name);
    auto drifted = drift::computeDrift(reference, current, options, progress);
    if (!drifted && !options.columns.empty()) {
        options.columns.clear(); // the current data may lack a feature: compare what both share
        drifted = drift::computeDrift(reference, current, options, progress);
    }
    const std::string referenceName = relativeToWorkspace(subject, reference.path) +
                                      (reference.revision ? "@" + shortId(*reference.revision, 7) : "");
    const std::string currentName = relativeToWorkspace(subject, current.path) +
                                    (current.revision ? "@" + shortId(*current.revision, 7) : "");
    if (!drifted) {
        section.blocks.push_back(verdict(false, "The drift check of " + currentName + " against " + referenceName +
                                                    " could not run: " + drifted.error().message));
        content.sections.push_back(std::move(section));
        return;
    }
    section.blocks.push_back(ReportFields{{{"Reference", referenceName + " (" + std::to_string(drifted->referenceRows) + " rows)"},
                                           {"Current", currentName + " (" + std::to_string(drifted->currentRows) + " rows)"},
                                           {"Compared", why}}});
    const std::string counts = std::to_string(drifted->driftedColumns) + " of " +
                               std::to_string(drifted->testedColumns) + " columns drifted (" +
                               percent(drifted->shareOfDriftedColumns) + "; the dataset counts as drifted from " +
                               percent(drifted->driftShare) + ")";
    section.blocks.push_back(verdict(!drifted->datasetDrift,
                                     drifted->datasetDrift ? "Dataset drift detected: " + counts + "."
                                     : drifted->driftedColumns ? "No dataset drift, but " + counts + "."
                                                               : "No drift: " + counts + "."));
    std::vector<const drift::ColumnDrift *> columns;
    for (const auto &column : drifted->columns)
        if (column.test != drift::DriftTest::None)
            columns.push_back(&column);
    std::stable_sort(columns.begin(), columns.end(),
                     [](const auto *a, const auto *b) { return a->severity() > b->severity(); });
    if (columns.size() > 10)
        columns.resize(10);
    ReportTable table{"Most drifted columns (by statistic relative to its threshold)",
                      {"column", "test", "statistic", "p-value", "threshold", "result"},
                      {false, false, true, true, true, false}, {}, 5};
    for (const auto *column : columns)
        table.rows.push_back({column->name, std::string(drift::testName(column->test)), number(column->statistic),
                              column->pValue ? number(*column->pValue) : "—", number(column->threshold),
                              column->drifted ? "drifted" : "stable"});
    section.blocks.push_back(std::move(table));
    content.sections.push_back(std::move(section));
}

} // namespace assay::govern::report
