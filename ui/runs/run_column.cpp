#include "runs/run_column.h"

#include "runs/runs_snapshot.h"

#include <QCoreApplication>

#include <cmath>

namespace assay::ui {

namespace {

struct FixedColumn {
    RunColumn::Kind kind;
    const char *id;
    const char *header;
};

constexpr FixedColumn fixedColumns[] = {
    {RunColumn::Kind::Marks, "marks", QT_TRANSLATE_NOOP("RunColumn", "Pin / Hide")},
    {RunColumn::Kind::Name, "attributes.run_name", QT_TRANSLATE_NOOP("RunColumn", "Run")},
    {RunColumn::Kind::Status, "attributes.status", QT_TRANSLATE_NOOP("RunColumn", "Status")},
    {RunColumn::Kind::Start, "attributes.start_time", QT_TRANSLATE_NOOP("RunColumn", "Started")},
    {RunColumn::Kind::Duration, "duration", QT_TRANSLATE_NOOP("RunColumn", "Duration")},
    // The chosen params, metrics and tags go here, before the columns rarely compared.
    {RunColumn::Kind::Experiment, "attributes.experiment",
     QT_TRANSLATE_NOOP("RunColumn", "Experiment")},
    {RunColumn::Kind::User, "attributes.user", QT_TRANSLATE_NOOP("RunColumn", "User")},
    {RunColumn::Kind::Commit, "git_commit", QT_TRANSLATE_NOOP("RunColumn", "Commit")},
};

const auto paramsPrefix = QStringLiteral("params.");
const auto metricsPrefix = QStringLiteral("metrics.");
const auto tagsPrefix = QStringLiteral("tags.");

template <typename Map> auto findKey(const Map &map, const QString &key)
{
    return map.find(key.toStdString());
}

std::optional<double> parseNumber(const std::string &text)
{
    if (text.empty())
        return std::nullopt;
    char *end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size())
        return std::nullopt;
    return value;
}

} // namespace

QString RunColumn::id() const
{
    switch (kind) {
    case Kind::Param:
        return paramsPrefix + key;
    case Kind::Metric:
        return metricsPrefix + key;
    case Kind::Tag:
        return tagsPrefix + key;
    default:
        break;
    }
    for (const FixedColumn &fixed : fixedColumns) {
        if (fixed.kind == kind)
            return QString::fromLatin1(fixed.id);
    }
    return {};
}

QString RunColumn::header() const
{
    if (isKeyed())
        return key;
    for (const FixedColumn &fixed : fixedColumns) {
        if (fixed.kind == kind)
            return QCoreApplication::translate("RunColumn", fixed.header);
    }
    return {};
}

std::optional<RunColumn> RunColumn::fromId(const QString &id)
{
    const auto keyed = [&](Kind kind, const QString &prefix) -> std::optional<RunColumn> {
        if (!id.startsWith(prefix) || id.size() == prefix.size())
            return std::nullopt;
        return RunColumn{kind, id.mid(prefix.size())};
    };
    if (auto column = keyed(Kind::Param, paramsPrefix))
        return column;
    if (auto column = keyed(Kind::Metric, metricsPrefix))
        return column;
    if (auto column = keyed(Kind::Tag, tagsPrefix))
        return column;
    for (const FixedColumn &fixed : fixedColumns) {
        if (id == QLatin1String(fixed.id))
            return RunColumn{fixed.kind, {}};
    }
    return std::nullopt;
}

QList<RunColumn> fixedRunColumns()
{
    QList<RunColumn> columns;
    for (const FixedColumn &fixed : fixedColumns)
        columns.append({fixed.kind, {}});
    return columns;
}

QList<RunColumn> tableColumns(const QList<RunColumn> &keyed)
{
    constexpr int leading = 5; // marks, name, status, start, duration
    const QList<RunColumn> fixed = fixedRunColumns();
    return fixed.mid(0, leading) + keyed + fixed.mid(leading);
}

QList<RunColumn> defaultKeyedColumns(const RunsSnapshot &snapshot, const QString &experiment,
                                     int maxParams)
{
    QList<RunColumn> columns;
    if (experiment.isEmpty()) {
        for (const QString &key : snapshot.metricKeys)
            columns.append({RunColumn::Kind::Metric, key});
        for (const QString &key : snapshot.paramKeys.mid(0, maxParams))
            columns.append({RunColumn::Kind::Param, key});
        return columns;
    }
    const std::string name = experiment.toStdString();
    const track::RunKeys keys = track::keysOf(snapshot.runs, name);
    for (const std::string &key : keys.metrics)
        columns.append({RunColumn::Kind::Metric, QString::fromStdString(key)});
    int params = 0;
    for (auto key = keys.params.begin(); key != keys.params.end() && params < maxParams;
         ++key, ++params)
        columns.append({RunColumn::Kind::Param, QString::fromStdString(*key)});
    return columns;
}

QList<RunColumn> keyedColumnsFromIds(const QStringList &ids)
{
    QList<RunColumn> columns;
    for (const QString &id : ids) {
        const auto column = RunColumn::fromId(id);
        if (column && column->isKeyed() && !columns.contains(*column))
            columns.append(*column);
    }
    return columns;
}

QStringList columnIds(const QList<RunColumn> &columns)
{
    QStringList ids;
    for (const RunColumn &column : columns)
        ids.append(column.id());
    return ids;
}

std::optional<double> runNumber(const track::RunRecord &run, const RunColumn &column)
{
    if (column.kind == RunColumn::Kind::Metric) {
        const auto found = findKey(run.latestMetrics, column.key);
        if (found == run.latestMetrics.end())
            return std::nullopt;
        return found->second.value;
    }
    if (column.kind == RunColumn::Kind::Param) {
        const auto found = findKey(run.params, column.key);
        if (found == run.params.end())
            return std::nullopt;
        return parseNumber(found->second);
    }
    return std::nullopt;
}

std::optional<QString> runText(const track::RunRecord &run, const RunColumn &column)
{
    const track::RunInfo &info = run.info;
    switch (column.kind) {
    case RunColumn::Kind::Name:
        return QString::fromStdString(info.name.empty() ? info.runId : info.name);
    case RunColumn::Kind::Status:
        return QString::fromUtf8(track::statusName(info.status));
    case RunColumn::Kind::Experiment:
        return QString::fromStdString(info.experiment);
    case RunColumn::Kind::User:
        if (info.user.empty())
            return std::nullopt;
        return QString::fromStdString(info.user);
    case RunColumn::Kind::Commit:
        if (!info.gitCommit || info.gitCommit->empty())
            return std::nullopt;
        return QString::fromStdString(*info.gitCommit);
    case RunColumn::Kind::Param: {
        const auto found = findKey(run.params, column.key);
        if (found == run.params.end())
            return std::nullopt;
        return QString::fromStdString(found->second);
    }
    case RunColumn::Kind::Tag: {
        const auto found = findKey(run.tags, column.key);
        if (found == run.tags.end())
            return std::nullopt;
        return QString::fromStdString(found->second);
    }
    default:
        return std::nullopt;
    }
}

RunSortKey runSortKey(const track::RunRecord &run, const RunColumn &column, qint64 nowMs)
{
    RunSortKey key;
    const track::RunInfo &info = run.info;
    switch (column.kind) {
    case RunColumn::Kind::Marks:
        return key;
    case RunColumn::Kind::Start:
        key.present = info.startMs.has_value();
        key.numeric = true;
        key.number = static_cast<double>(info.startMs.value_or(0));
        return key;
    case RunColumn::Kind::Duration:
        if (!info.startMs)
            return key;
        key.present = true;
        key.numeric = true;
        key.number = static_cast<double>(info.endMs.value_or(nowMs) - *info.startMs);
        return key;
    case RunColumn::Kind::Metric:
    case RunColumn::Kind::Param: {
        if (const auto number = runNumber(run, column); number && !std::isnan(*number)) {
            key.present = key.numeric = true;
            key.number = *number;
            return key;
        }
        if (column.kind == RunColumn::Kind::Metric)
            return key; // NaN sorts with the missing values
        break;
    }
    default:
        break;
    }
    if (auto text = runText(run, column)) {
        key.present = true;
        key.text = std::move(*text);
    }
    return key;
}

int compareSortKeys(const RunSortKey &a, const RunSortKey &b, bool descending)
{
    if (a.present != b.present)
        return a.present ? -1 : 1;
    if (!a.present)
        return 0;
    int order = 0;
    if (a.numeric != b.numeric)
        order = a.numeric ? -1 : 1;
    else if (a.numeric)
        order = a.number < b.number ? -1 : (a.number > b.number ? 1 : 0);
    else
        order = QString::compare(a.text, b.text, Qt::CaseInsensitive);
    return descending ? -order : order;
}

} // namespace assay::ui
