// The report's sections about the model itself: its card, its training, its evaluation and
// its model tests.
#include "govern/compliance_report_sections.h"
#include "model/evaluation_json.h"
#include "model/model_source.h"
#include "model/model_test_json.h"

#include <QJsonArray>

#include <cmath>
#include <map>
#include <set>

namespace assay::govern::report {

namespace {

std::string orNotStated(const std::string &text)
{
    return text.empty() ? "not stated on the card" : text;
}

void addListOrNote(ReportSection &section, const std::string &heading, const std::vector<std::string> &items)
{
    if (items.empty())
        section.blocks.push_back(ReportFields{{{heading, "none stated on the card"}}});
    else
        section.blocks.push_back(ReportList{heading, items});
}

std::string paramOf(const track::RunRecord &run, const std::string &key)
{
    const auto it = run.params.find(key);
    return it == run.params.end() ? std::string() : it->second;
}

// A part of model/evaluation.json by name, or the folds.
struct EvaluationParts {
    std::vector<ReportEvaluatedPart> parts; // train, valid, test present, in that order
    std::vector<ReportEvaluatedPart> folds;
};

EvaluationParts readEvaluationParts(const QJsonObject &document)
{
    EvaluationParts read;
    for (const char *name : {"train", "valid", "test"}) {
        const QJsonValue value = document.value(QString::fromLatin1(name));
        if (value.isObject())
            read.parts.push_back({name, model::evaluationFromJson(value.toObject())});
    }
    const QJsonArray folds = document.value(QStringLiteral("folds")).toArray();
    for (qsizetype i = 0; i < folds.size(); ++i)
        if (folds[i].isObject())
            read.folds.push_back({"fold " + std::to_string(i + 1), model::evaluationFromJson(folds[i].toObject())});
    return read;
}

// Metric names in a stable order: those of the first part, then any others.
std::vector<std::string> metricNames(const std::vector<const ReportEvaluatedPart *> &parts)
{
    std::vector<std::string> names;
    std::set<std::string> seen;
    for (const auto *part : parts)
        for (const auto &[name, value] : part->evaluation.metrics)
            if (seen.insert(name).second)
                names.push_back(name);
    return names;
}

ReportTable splitMetricsTable(const EvaluationParts &read)
{
    ReportTable table;
    table.caption = "Metrics per part of the rows (train, validation, test)";
    table.columns.push_back("metric");
    table.numeric.push_back(false);
    std::vector<const ReportEvaluatedPart *> parts;
    for (const auto &part : read.parts) {
        parts.push_back(&part);
        table.columns.push_back(part.name + " (" + std::to_string(part.evaluation.rows) + " rows)");
        table.numeric.push_back(true);
    }
    for (const auto &metric : metricNames(parts)) {
        std::vector<std::string> row{metric};
        for (const auto *part : parts) {
            const auto it = part->evaluation.metrics.find(metric);
            row.push_back(it == part->evaluation.metrics.end() ? "—" : number(it->second));
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

// Cross-validation: the run's logged cv_<metric>_mean/std (the folds' own numbers when the run
// logged none), beside the final model's fit on every row.
ReportTable crossValidationTable(const track::RunRecord &run, const EvaluationParts &read)
{
    ReportTable table;
    table.caption = "Cross-validation: mean ± standard deviation over " + std::to_string(read.folds.size()) +
                    " folds (held-out rows), and the final model on all its training rows";
    table.columns = {"metric", "cross-validation mean ± std", "final model, training rows"};
    table.numeric = {false, true, true};
    std::vector<const ReportEvaluatedPart *> folds;
    for (const auto &fold : read.folds)
        folds.push_back(&fold);
    const ReportEvaluatedPart *train = read.parts.empty() ? nullptr : &read.parts.front();
    for (const auto &metric : metricNames(folds)) {
        const auto mean = run.latestMetrics.find("cv_" + metric + "_mean");
        const auto spread = run.latestMetrics.find("cv_" + metric + "_std");
        std::string cv;
        if (mean != run.latestMetrics.end() && spread != run.latestMetrics.end()) {
            cv = number(mean->second.value) + " ± " + number(spread->second.value);
        } else {
            double sum = 0, squares = 0;
            std::size_t count = 0;
            for (const auto *fold : folds)
                if (auto it = fold->evaluation.metrics.find(metric); it != fold->evaluation.metrics.end()) {
                    sum += it->second;
                    squares += it->second * it->second;
                    ++count;
                }
            const double average = count ? sum / double(count) : NAN;
            const double variance = count > 1 ? (squares - double(count) * average * average) / double(count - 1) : 0;
            cv = number(average) + " ± " + number(std::sqrt(std::max(0.0, variance)));
        }
        std::string finalModel = "—";
        if (train)
            if (auto it = train->evaluation.metrics.find(metric); it != train->evaluation.metrics.end())
                finalModel = number(it->second);
        table.rows.push_back({metric, cv, finalModel});
    }
    return table;
}

ReportTable confusionTable(const model::Evaluation &evaluation, const std::vector<std::string> &classes,
                           const std::string &what)
{
    ReportTable table;
    table.caption = "Confusion matrix, " + what + " (rows: true class, columns: predicted class)";
    table.columns.push_back("true \\ predicted");
    table.numeric.push_back(false);
    const auto label = [&](std::size_t index) {
        return index < classes.size() ? classes[index] : std::to_string(index);
    };
    for (std::size_t c = 0; c < evaluation.confusion.size(); ++c) {
        table.columns.push_back(label(c));
        table.numeric.push_back(true);
    }
    for (std::size_t r = 0; r < evaluation.confusion.size(); ++r) {
        std::vector<std::string> row{label(r)};
        for (std::int64_t count : evaluation.confusion[r])
            row.push_back(std::to_string(count));
        table.rows.push_back(std::move(row));
    }
    return table;
}

} // namespace

void addCardSection(const Subject &subject, ComplianceReportContent &content)
{
    ReportSection section{"Model card", {}};
    const ModelCard &card = subject.card;
    if (!subject.cardSaved || cardIsEmpty(card)) {
        section.blocks.push_back(note("No model card has been written for " + card.subject +
                                      ": nobody has stated its purpose, owners, intended use or "
                                      "limitations. Write one with `assay card edit " + card.subject +
                                      " --set overview=…`."));
        content.sections.push_back(std::move(section));
        return;
    }
    section.blocks.push_back(ReportFields{{{"Card of", card.subject},
                                           {"Last edited", utcTime(card.updatedMs) + " by " + card.updatedBy}}});
    section.blocks.push_back(plain("Overview. " + orNotStated(card.overview)));
    std::vector<std::string> owners;
    for (const auto &owner : card.owners)
        owners.push_back(owner.contact.empty() ? owner.name : owner.name + " <" + owner.contact + ">");
    addListOrNote(section, "Owners", owners);
    section.blocks.push_back(ReportFields{{{"Version", orNotStated(card.version)},
                                           {"License", orNotStated(card.license)}}});
    addListOrNote(section, "References", card.references);
    section.blocks.push_back(plain("Intended use. " + orNotStated(card.intendedUse)));
    addListOrNote(section, "Out-of-scope uses", card.outOfScopeUses);
    addListOrNote(section, "Limitations", card.limitations);
    addListOrNote(section, "Trade-offs", card.tradeoffs);
    addListOrNote(section, "Ethical considerations and risks", card.ethicalConsiderations);
    addListOrNote(section, "Sensitive columns (the fairness section groups by these)", card.sensitiveColumns);
    content.sections.push_back(std::move(section));
}

void addTrainingSection(const Subject &subject, ComplianceReportContent &content)
{
    ReportSection section{"Training", {}};
    const track::RunRecord &run = subject.run;
    const track::RunInfo &info = run.info;
    ReportFields fields;
    fields.items.push_back({"Run", (info.name.empty() ? "" : info.name + " — ") + info.runId});
    fields.items.push_back({"Experiment", info.experiment});
    fields.items.push_back({"Status", std::string(track::statusName(info.status))});
    if (info.startMs)
        fields.items.push_back({"Started", utcTime(*info.startMs)});
    if (info.endMs)
        fields.items.push_back({"Ended", utcTime(*info.endMs)});
    if (info.startMs && info.endMs)
        fields.items.push_back({"Duration", duration(*info.endMs - *info.startMs)});
    fields.items.push_back({"User", info.user.empty() ? "not recorded" : info.user});
    std::string commit = info.gitCommit ? *info.gitCommit : "not recorded (not in a git repository)";
    if (info.gitCommit)
        commit += !info.gitDirty ? " (dirty flag not recorded)"
                  : *info.gitDirty ? " — dirty: the work tree had uncommitted changes"
                                   : " — clean work tree";
    fields.items.push_back({"Code (git commit)", commit});
    fields.items.push_back({"Command", info.command ? *info.command : "not recorded"});
    if (info.parentRunId)
        fields.items.push_back({"Parent run", *info.parentRunId});
    if (const std::string trainer = paramOf(run, "model"); !trainer.empty())
        fields.items.push_back({"Trainer", trainer});
    if (subject.model)
        fields.items.push_back({"Task", std::string(model::taskName(subject.model->model->signature().task)) +
                                            ", target " + subject.model->model->signature().target});
    section.blocks.push_back(std::move(fields));

    ReportTable params{"Parameters as logged", {"parameter", "value"}, {false, false}, {}, {}};
    for (const auto &[key, value] : run.params)
        if (key != "features")
            params.rows.push_back({key, value});
    if (params.rows.empty())
        section.blocks.push_back(note("The run logged no parameters."));
    else
        section.blocks.push_back(std::move(params));
    if (std::string features = paramOf(run, "features"); !features.empty()) {
        for (std::size_t comma = features.find(','); comma != std::string::npos; comma = features.find(',', comma + 2))
            features.replace(comma, 1, ", ");
        section.blocks.push_back(plain("Features: " + features + "."));
    }

    ReportTable environment{"Environment the run recorded (tags), and this Assay",
                            {"key", "value"}, {false, false}, {}, {}};
    for (const auto &[key, value] : run.tags)
        environment.rows.push_back({key, value});
    environment.rows.push_back({"assay version (this report)", ASSAY_VERSION});
    section.blocks.push_back(std::move(environment));
    const bool hasRuntime = run.tags.count("python") || run.tags.count("platform") ||
                            run.tags.count("mlflow.source.name");
    if (!hasRuntime)
        section.blocks.push_back(note("The run recorded no python or platform tags: it was trained by "
                                      "Assay itself, whose version is given above."));
    content.sections.push_back(std::move(section));
}

void addEvaluationSection(const Subject &subject, ComplianceReportContent &content)
{
    ReportSection section{"Evaluation", {}};
    auto document = runJsonArtifact(subject, model::kEvaluationArtifactPath);
    if (!document) {
        section.blocks.push_back(note("No evaluation: " + document.error().message +
                                      ". Models trained with `assay train` store one."));
        content.sections.push_back(std::move(section));
        return;
    }
    const EvaluationParts read = readEvaluationParts(*document);
    std::vector<std::string> classes;
    if (subject.model)
        classes = subject.model->model->signature().classes;
    const bool crossValidated = !read.folds.empty();
    if (read.parts.empty() && read.folds.empty()) {
        section.blocks.push_back(note("The evaluation document of the run holds no parts."));
        content.sections.push_back(std::move(section));
        return;
    }
    if (crossValidated)
        section.blocks.push_back(crossValidationTable(subject.run, read));
    else
        section.blocks.push_back(splitMetricsTable(read));

    // The confusion matrix of the held-out rows: the test part, or every fold summed.
    std::optional<model::Evaluation> heldOut;
    std::string what;
    if (crossValidated) {
        for (const auto &fold : read.folds) {
            if (!heldOut) {
                heldOut = fold.evaluation;
                continue;
            }
            for (std::size_t r = 0; r < heldOut->confusion.size() && r < fold.evaluation.confusion.size(); ++r)
                for (std::size_t c = 0; c < heldOut->confusion[r].size() && c < fold.evaluation.confusion[r].size(); ++c)
                    heldOut->confusion[r][c] += fold.evaluation.confusion[r][c];
        }
        what = "held-out rows of all folds";
    } else {
        for (const auto &part : read.parts)
            heldOut = part.evaluation, what = part.name + " rows";
    }
    if (heldOut && !heldOut->confusion.empty())
        section.blocks.push_back(confusionTable(*heldOut, classes, what));

    const auto &rocSource = crossValidated ? read.folds : read.parts;
    for (const auto &part : rocSource)
        if (!part.evaluation.roc.x.empty() && (crossValidated || part.name != "train" || rocSource.size() == 1))
            content.rocParts.push_back(part);
    if (!content.rocParts.empty())
        section.blocks.emplace_back(std::in_place_type<ReportChart>, ReportChart::Roc);
    else
        section.blocks.push_back(note("No ROC curve: the model is not a binary classifier, or its "
                                      "evaluation holds no curve."));
    content.sections.push_back(std::move(section));
}

void addModelTestsSection(const Subject &subject, ComplianceReportContent &content)
{
    ReportSection section{"Model tests", {}};
    auto document = runJsonArtifact(subject, model::kModelTestsArtifactPath);
    if (!document) {
        section.blocks.push_back(note(document.error().kind == ErrorKind::NotFound
                                          ? "No model tests were recorded with run " + subject.run.info.runId +
                                                ": run `assay test --model " + subject.run.info.runId +
                                                " --data DATA --spec FILE` to record them."
                                          : "The stored model test results cannot be read: " +
                                                document.error().message));
        content.sections.push_back(std::move(section));
        return;
    }
    auto results = model::modelTestResultsFromJson(*document);
    if (!results) {
        section.blocks.push_back(note("The stored model test results cannot be read: " + results.error().message));
        content.sections.push_back(std::move(section));
        return;
    }
    std::size_t failed = 0;
    ReportTable table{"Results stored with the run (model/tests.json)",
                      {"test", "kind", "value", "bound", "result", "detail"},
                      {false, false, true, false, false, false}, {}, 4};
    for (const auto &result : *results) {
        failed += result.passed ? 0 : 1;
        table.rows.push_back({result.name, result.kind, std::isnan(result.value) ? "not measured" : number(result.value),
                              result.bound, result.passed ? "passed" : "failed", result.detail});
    }
    const std::size_t total = results->size();
    section.blocks.push_back(verdict(failed == 0, failed == 0
                                                      ? "All " + std::to_string(total) + " model tests passed."
                                                      : std::to_string(failed) + " of " + std::to_string(total) +
                                                            " model tests failed."));
    section.blocks.push_back(std::move(table));
    content.sections.push_back(std::move(section));
}

} // namespace assay::govern::report
