#include "govern/privacy_ledger.h"

#include "govern/access_control.h"
#include "govern/audit_log.h"
#include "version/dataset_ref.h"
#include "version/file_hash.h"
#include "workspace/workspace.h"

#include <QDateTime>
#include <QJsonDocument>

#include <cmath>
#include <cstdio>
#include <filesystem>

namespace assay::govern {

namespace {

namespace fs = std::filesystem;

// Σ ε of many small releases drifts in the last bits (0.1 + 0.1 + 0.1 > 0.3).
constexpr double kBudgetSlack = 1e-9;

std::string number(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

std::string compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

bool exceeds(double spent, double budget)
{
    return spent > budget + kBudgetSlack * std::max(1.0, budget);
}

// Reads the budget row and the ledger's sums; call inside a transaction to act on them.
Result<PrivacyBudget> readBudget(workspace::Database &database, const std::string &key)
{
    PrivacyBudget budget{.dataset = key};
    auto row = database.prepare("SELECT epsilon, delta FROM privacy_budgets WHERE dataset = ?");
    if (!row)
        return row.error();
    row->bind(1, key);
    auto found = row->step();
    if (!found)
        return found.error();
    if (*found) {
        budget.set = true;
        budget.epsilon = row->columnDouble(0);
        budget.delta = row->columnDouble(1);
    }
    auto sums = database.prepare(
        "SELECT COUNT(*), COALESCE(SUM(epsilon), 0), COALESCE(SUM(delta), 0) FROM privacy_releases "
        "WHERE dataset = ?");
    if (!sums)
        return sums.error();
    sums->bind(1, key);
    auto summed = sums->step();
    if (!summed)
        return summed.error();
    budget.releases = sums->columnInt(0);
    budget.spentEpsilon = sums->columnDouble(1);
    budget.spentDelta = sums->columnDouble(2);
    return budget;
}

Status checkAffordable(const PrivacyBudget &budget, const PrivateStatRequest &request)
{
    if (!budget.set)
        return Error::refused(budget.dataset +
                              ": no privacy budget is set; set one first, e.g. "
                              "`assay privacy budget " +
                              budget.dataset + " --epsilon 1 --delta 1e-6`");
    const double epsilonAfter = budget.spentEpsilon + request.epsilon;
    const double deltaAfter = budget.spentDelta + request.delta;
    if (exceeds(epsilonAfter, budget.epsilon))
        return Error::refused(budget.dataset + ": releasing with epsilon " +
                              number(request.epsilon) + " would spend " + number(epsilonAfter) +
                              " of the epsilon budget " + number(budget.epsilon) + " (" +
                              number(budget.spentEpsilon) + " spent by " +
                              std::to_string(budget.releases) + " releases)");
    if (request.delta > 0 && exceeds(deltaAfter, budget.delta))
        return Error::refused(budget.dataset + ": releasing with delta " + number(request.delta) +
                              " would spend " + number(deltaAfter) + " of the delta budget " +
                              number(budget.delta) + " (" + number(budget.spentDelta) + " spent)");
    return {};
}

struct ReadData {
    table::Table table;
    std::string md5;
    std::string revision;
};

Result<ReadData> readForRelease(const std::string &dataset)
{
    const auto ref = version::parseDatasetRef(dataset);
    auto resolved = version::resolveDataset(ref);
    if (!resolved)
        return resolved.error();
    ReadData data{.table = {}, .md5 = resolved->md5, .revision = ref.revision.value_or("")};
    if (data.md5.empty()) {
        if (resolved->file.empty()) {
            data.md5 = version::md5OfBytes(resolved->bytes);
        } else {
            auto md5 = version::md5OfFile(resolved->file);
            if (!md5)
                return md5.error();
            data.md5 = *md5;
        }
    }
    auto read = version::readResolvedDataset(*resolved);
    if (!read)
        return read.error();
    data.table = std::move(read->table);
    return data;
}

Status insertRelease(workspace::Database &database, PrivacyReleaseRecord &record)
{
    auto insert = database.prepare(
        "INSERT INTO privacy_releases (dataset, data_md5, statistic, column_name, mechanism, "
        "epsilon, "
        "delta, sensitivity, time_ms, actor, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    insert->bind(1, record.dataset)
        .bind(2, record.dataMd5)
        .bind(3, record.statistic)
        .bind(4, record.column)
        .bind(5, record.mechanism)
        .bind(6, record.epsilon)
        .bind(7, record.delta)
        .bind(8, record.sensitivity)
        .bind(9, record.timeMs)
        .bind(10, record.actor)
        .bind(11, record.resultJson);
    ASSAY_TRY(insert->run());
    auto id = database.prepare("SELECT last_insert_rowid()");
    if (!id)
        return id.error();
    auto stepped = id->step();
    if (!stepped)
        return stepped.error();
    record.id = id->columnInt(0);
    return {};
}

} // namespace

Result<std::string> privacyDatasetKey(const workspace::Workspace &workspace,
                                      const std::string &dataset)
{
    const auto ref = version::parseDatasetRef(dataset);
    if (ref.path.empty())
        return Error::invalidInput("dataset '" + dataset + "': empty path");
    std::error_code error;
    const fs::path file = fs::weakly_canonical(fs::absolute(ref.path), error);
    const fs::path root = fs::weakly_canonical(fs::absolute(workspace.root()), error);
    if (error)
        return Error::io(ref.path + ": " + error.message());
    const fs::path relative = file.lexically_relative(root);
    if (relative.empty() || *relative.begin() == "..")
        return Error::invalidInput(ref.path + ": not inside the workspace " +
                                   workspace.root().string());
    return relative.generic_string();
}

Result<PrivacyBudget> privacyBudget(workspace::Workspace &workspace, const std::string &dataset)
{
    auto key = privacyDatasetKey(workspace, dataset);
    if (!key)
        return key.error();
    return readBudget(workspace.database(), *key);
}

Result<PrivacyBudget> setPrivacyBudget(workspace::Workspace &workspace, const std::string &dataset,
                                       double epsilon, double delta)
{
    if (!std::isfinite(epsilon) || epsilon <= 0)
        return Error::invalidInput("epsilon budget " + number(epsilon) +
                                   ": expected a number greater than 0");
    if (!(delta >= 0 && delta < 1))
        return Error::invalidInput("delta budget " + number(delta) + ": expected 0 ≤ delta < 1");
    auto key = privacyDatasetKey(workspace, dataset);
    if (!key)
        return key.error();
    auto &database = workspace.database();
    auto actor = authorize(database, Action::ReleasePrivateStatistic, *key);
    if (!actor)
        return actor.error();
    PrivacyBudget after;
    auto done = database.transaction([&]() -> Status {
        auto before = readBudget(database, *key);
        if (!before)
            return before.error();
        auto upsert = database.prepare(
            "INSERT INTO privacy_budgets (dataset, epsilon, delta) VALUES (?, ?, ?) "
            "ON CONFLICT(dataset) DO UPDATE SET epsilon = excluded.epsilon, delta = "
            "excluded.delta");
        if (!upsert)
            return upsert.error();
        upsert->bind(1, *key).bind(2, epsilon).bind(3, delta);
        ASSAY_TRY(upsert->run());
        QJsonObject details{{QStringLiteral("epsilon"), epsilon}, {QStringLiteral("delta"), delta}};
        if (before->set) {
            details.insert(QStringLiteral("previous_epsilon"), before->epsilon);
            details.insert(QStringLiteral("previous_delta"), before->delta);
        }
        ASSAY_TRY(appendAudit(database, {.actor = actor->name,
                                         .action = "privacy.budget",
                                         .object = *key,
                                         .refused = false,
                                         .detailsJson = compactJson(details)}));
        after = *before;
        after.set = true;
        after.epsilon = epsilon;
        after.delta = delta;
        return {};
    });
    if (!done)
        return done.error();
    return after;
}

Result<std::vector<PrivacyReleaseRecord>> privacyLedger(workspace::Workspace &workspace,
                                                        const std::string &dataset)
{
    auto key = privacyDatasetKey(workspace, dataset);
    if (!key)
        return key.error();
    auto rows = workspace.database().prepare(
        "SELECT id, dataset, data_md5, statistic, column_name, mechanism, epsilon, delta, "
        "sensitivity, "
        "time_ms, actor, result FROM privacy_releases WHERE dataset = ? ORDER BY id");
    if (!rows)
        return rows.error();
    rows->bind(1, *key);
    std::vector<PrivacyReleaseRecord> records;
    auto visited = rows->forEachRow([&](const workspace::Statement &row) {
        PrivacyReleaseRecord record{.id = row.columnInt(0),
                                    .dataset = row.columnText(1),
                                    .revision = {},
                                    .dataMd5 = row.columnText(2),
                                    .statistic = row.columnText(3),
                                    .column = row.columnText(4),
                                    .mechanism = row.columnText(5),
                                    .epsilon = row.columnDouble(6),
                                    .delta = row.columnDouble(7),
                                    .sensitivity = row.columnDouble(8),
                                    .timeMs = row.columnInt(9),
                                    .actor = row.columnText(10),
                                    .resultJson = row.columnText(11)};
        const auto result =
            QJsonDocument::fromJson(QByteArray::fromStdString(record.resultJson)).object();
        record.revision = result.value(QStringLiteral("revision")).toString().toStdString();
        records.push_back(std::move(record));
    });
    if (!visited)
        return visited.error();
    return records;
}

Result<PrivacyRelease> releasePrivateStatistic(workspace::Workspace &workspace,
                                               const std::string &dataset,
                                               const PrivateStatRequest &request)
{
    ASSAY_TRY(checkPrivateStatRequest(request));
    auto key = privacyDatasetKey(workspace, dataset);
    if (!key)
        return key.error();
    auto &database = workspace.database();
    auto actor = authorize(database, Action::ReleasePrivateStatistic, *key);
    if (!actor)
        return actor.error();
    // Refuse early, before reading the data, when it cannot be afforded anyway; the
    // transaction below checks again for the final word.
    auto current = readBudget(database, *key);
    if (!current)
        return current.error();
    ASSAY_TRY(checkAffordable(*current, request));

    auto data = readForRelease(dataset);
    if (!data)
        return data.error();
    Random random = noiseSource(request.seed);
    auto result = computePrivateStatistic(data->table, request, random, dataset);
    if (!result)
        return result.error();

    QJsonObject resultJson = privateStatResultToJson(*result);
    if (!data->revision.empty())
        resultJson.insert(QStringLiteral("revision"), QString::fromStdString(data->revision));
    PrivacyRelease release{.record = {.id = 0,
                                      .dataset = *key,
                                      .revision = data->revision,
                                      .dataMd5 = data->md5,
                                      .statistic = std::string(statisticName(request.statistic)),
                                      .column = request.column,
                                      .mechanism = std::string(mechanismName(request.mechanism)),
                                      .epsilon = request.epsilon,
                                      .delta = request.delta,
                                      .sensitivity = result->recordedSensitivity(),
                                      .timeMs = QDateTime::currentMSecsSinceEpoch(),
                                      .actor = actor->name,
                                      .resultJson = compactJson(resultJson)},
                           .result = std::move(*result),
                           .budget = {}};
    auto done = database.transaction([&]() -> Status {
        auto budget = readBudget(database, *key);
        if (!budget)
            return budget.error();
        ASSAY_TRY(checkAffordable(*budget, request));
        ASSAY_TRY(insertRelease(database, release.record));
        const QJsonObject details{
            {QStringLiteral("release"), static_cast<qint64>(release.record.id)},
            {QStringLiteral("statistic"), QString::fromStdString(release.record.statistic)},
            {QStringLiteral("column"), QString::fromStdString(release.record.column)},
            {QStringLiteral("mechanism"), QString::fromStdString(release.record.mechanism)},
            {QStringLiteral("epsilon"), release.record.epsilon},
            {QStringLiteral("delta"), release.record.delta},
            {QStringLiteral("data_md5"), QString::fromStdString(release.record.dataMd5)}};
        ASSAY_TRY(appendAudit(database, {.actor = actor->name,
                                         .action = "privacy.release",
                                         .object = *key,
                                         .refused = false,
                                         .detailsJson = compactJson(details)}));
        release.budget = *budget;
        release.budget.spentEpsilon += request.epsilon;
        release.budget.spentDelta += request.delta;
        release.budget.releases += 1;
        return {};
    });
    if (!done)
        return done.error();
    return release;
}

} // namespace assay::govern
