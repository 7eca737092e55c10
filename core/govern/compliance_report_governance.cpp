// The report's governance sections: the registry (versions, stages, aliases, transitions with
// their approvals and gate checks) and the audit trail with the chain's verification.
#include "govern/audit_log.h"
#include "govern/compliance_report_sections.h"
#include "workspace/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace assay::govern::report {

namespace {

// "schema passed; metric roc_auc failed (0.71 < 0.8)" from a transition's checks JSON.
std::string checksText(const std::string &checksJson)
{
    const QJsonArray checks = QJsonDocument::fromJson(QByteArray::fromStdString(checksJson)).array();
    std::string text;
    for (const QJsonValue &value : checks) {
        const QJsonObject check = value.toObject();
        const std::string detail = check.value(QStringLiteral("detail")).toString().toStdString();
        text += (text.empty() ? "" : "; ") + check.value(QStringLiteral("name")).toString().toStdString() + " " +
                (check.value(QStringLiteral("passed")).toBool() ? "passed" : "failed") +
                (detail.empty() ? "" : " (" + detail + ")");
    }
    return text.empty() ? "—" : text;
}

std::string joined(const std::vector<std::string> &items)
{
    std::string text;
    for (const auto &item : items)
        text += (text.empty() ? "" : ", ") + item;
    return text;
}

// Whether an audit entry's object is about the subject: the model (any version or alias), its
// run, or its training data.
bool concernsSubject(const Subject &subject, const AuditEntry &entry)
{
    const std::string &object = entry.object;
    if (!subject.modelName.empty() &&
        (object == subject.modelName || object.starts_with(subject.modelName + ":") ||
         object.starts_with(subject.modelName + "@") || object == "model:" + subject.modelName))
        return true;
    if (object.find(subject.run.info.runId) != std::string::npos)
        return true;
    if (object == subject.card.subject)
        return true;
    for (const auto &input : subject.run.datasets)
        if (!input.path.empty() && (object == input.path || object.starts_with(input.path + "@")))
            return true;
    return false;
}

} // namespace

void addRegistrySection(const Subject &subject, ComplianceReportContent &content)
{
    ReportSection section{"Registry", {}};
    if (subject.modelName.empty()) {
        section.blocks.push_back(note("Run " + subject.run.info.runId +
                                      " is not registered in the model registry: it has no versions, stages, "
                                      "aliases or approvals."));
        content.sections.push_back(std::move(section));
        return;
    }
    auto model = showModel(*subject.workspace, subject.modelName);
    if (!model) {
        section.blocks.push_back(verdict(false, "The registry cannot be read: " + model.error().message));
        content.sections.push_back(std::move(section));
        return;
    }
    if (!model->description.empty())
        section.blocks.push_back(plain(model->description));
    ReportTable versions{"Versions of " + model->name, {"version", "stage", "aliases", "run", "model md5", "registered", "by"},
                         {true, false, false, false, false, false, false}, {}, {}};
    for (const auto &version : model->versions)
        versions.rows.push_back({std::to_string(version.version), std::string(stageName(version.stage)),
                                 version.aliases.empty() ? "—" : joined(version.aliases), shortId(version.runId),
                                 shortId(version.modelMd5), utcTime(version.createdMs), version.createdBy});
    section.blocks.push_back(std::move(versions));

    auto history = transitions(*subject.workspace, subject.modelName);
    if (!history) {
        section.blocks.push_back(verdict(false, "The transition history cannot be read: " + history.error().message));
    } else if (history->empty()) {
        section.blocks.push_back(note("No version of " + model->name + " has changed stage or alias yet: "
                                      "nobody has approved anything."));
    } else {
        ReportTable table{"Transition history with approvals and gate checks",
                          {"when", "version", "change", "who", "why", "gate checks"},
                          {false, true, false, false, false, false}, {}, {}};
        for (const auto &transition : *history) {
            std::string change;
            if (transition.kind == "alias")
                change = "alias " + transition.toValue + (transition.fromValue.empty() ? "" : " (from version " + transition.fromValue + ")");
            else if (transition.kind == "refused")
                change = "refused: " + transition.fromValue + " → " + transition.toValue;
            else
                change = (transition.fromValue.empty() ? "none" : transition.fromValue) + " → " + transition.toValue;
            table.rows.push_back({utcTime(transition.timeMs), std::to_string(transition.version), change,
                                  transition.actor, transition.reason.empty() ? "—" : transition.reason,
                                  checksText(transition.checksJson)});
        }
        section.blocks.push_back(std::move(table));
    }
    content.sections.push_back(std::move(section));
}

void addAuditSection(const Subject &subject, ComplianceReportContent &content, std::size_t excerpt)
{
    ReportSection section{"Audit trail", {}};
    workspace::Database &database = subject.workspace->database();
    auto verdictResult = verifyAudit(database);
    if (!verdictResult) {
        section.blocks.push_back(verdict(false, "Audit chain verification could not run: " + verdictResult.error().message));
    } else if (verdictResult->intact) {
        std::string text = "Audit chain verified: all " + std::to_string(verdictResult->entries) +
                           " entries are intact";
        if (verdictResult->checkpoints > 0)
            text += ", with " + std::to_string(verdictResult->checkpoints) + " signed checkpoints (the last at entry " +
                    std::to_string(verdictResult->lastCheckpointSeq.value_or(0)) + ")";
        else
            text += " (no signed checkpoint yet)";
        section.blocks.push_back(verdict(true, text + "."));
    } else {
        section.blocks.push_back(verdict(false, "Audit chain verification failed: " + verdictResult->problem +
                                                    (verdictResult->firstBroken
                                                         ? " (first broken entry: " + std::to_string(*verdictResult->firstBroken) + ")"
                                                         : std::string()) +
                                                    "."));
    }

    auto entries = readAudit(database);
    if (!entries) {
        section.blocks.push_back(verdict(false, "The audit log cannot be read: " + entries.error().message));
        content.sections.push_back(std::move(section));
        return;
    }
    std::vector<const AuditEntry *> relevant;
    for (const auto &entry : *entries)
        if (concernsSubject(subject, entry))
            relevant.push_back(&entry);
    if (relevant.empty()) {
        section.blocks.push_back(note("The audit log holds no entry about this model, its run or its data."));
        content.sections.push_back(std::move(section));
        return;
    }
    const std::size_t shown = std::min(excerpt, relevant.size());
    ReportTable table{"The newest " + std::to_string(shown) + " of " + std::to_string(relevant.size()) +
                          " entries about this model, its run and its data",
                      {"seq", "time", "actor", "action", "object", "outcome"},
                      {true, false, false, false, false, false}, {}, 5};
    for (std::size_t i = relevant.size() - shown; i < relevant.size(); ++i) {
        const AuditEntry &entry = *relevant[i];
        table.rows.push_back({std::to_string(entry.seq), entry.time, entry.actor, entry.action, entry.object, entry.outcome});
    }
    section.blocks.push_back(std::move(table));
    content.sections.push_back(std::move(section));
}

} // namespace assay::govern::report
