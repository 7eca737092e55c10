#include "runs/run_comparison_rows.h"

#include "common/format.h"
#include "runs/run_comparison_field.h"

#include <QDateTime>
#include <QLocale>
#include <QObject>

#include <cmath>
#include <functional>
#include <set>

namespace assay::ui {

namespace {

using track::RunRecord;

ComparisonCell textCell(const QString &text, const QString &detail = {})
{
    ComparisonCell cell;
    cell.present = true;
    cell.display = text;
    cell.exact = text;
    cell.detail = detail;
    return cell;
}

ComparisonCell numberCell(double value)
{
    ComparisonCell cell;
    cell.present = true;
    cell.numeric = true;
    cell.number = value;
    cell.display = formatNumber(value);
    cell.exact = formatNumberFull(value);
    return cell;
}

StatusTone statusTone(track::RunStatus status)
{
    switch (status) {
    case track::RunStatus::Finished:
        return StatusTone::Ok;
    case track::RunStatus::Failed:
        return StatusTone::Failed;
    case track::RunStatus::Killed:
        return StatusTone::Warning;
    case track::RunStatus::Running:
    case track::RunStatus::Scheduled:
        break;
    }
    return StatusTone::Unknown;
}

QString statusWord(track::RunStatus status)
{
    const QString name = QString::fromUtf8(track::statusName(status)).toLower();
    return name.left(1).toUpper() + name.mid(1);
}

ComparisonCell startCell(const RunRecord &run, std::int64_t nowMs)
{
    if (!run.info.startMs)
        return {};
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(*run.info.startMs);
    ComparisonCell cell = textCell(start.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                   formatRelativeTime(*run.info.startMs / 1000, nowMs / 1000));
    cell.exact = QString::number(*run.info.startMs);
    return cell;
}

ComparisonCell durationCell(const RunRecord &run, std::int64_t nowMs)
{
    if (!run.info.startMs)
        return {};
    const bool running = !run.info.endMs;
    const double seconds = double((running ? nowMs : *run.info.endMs) - *run.info.startMs) / 1000.0;
    ComparisonCell cell = numberCell(seconds);
    cell.display = durationText(seconds);
    if (running)
        cell.display = QObject::tr("%1 so far").arg(cell.display);
    cell.detail = QObject::tr("%1 s").arg(formatNumberFull(seconds));
    return cell;
}

ComparisonCell commitCell(const RunRecord &run)
{
    if (!run.info.gitCommit)
        return {};
    const QString commit = QString::fromStdString(*run.info.gitCommit);
    const bool dirty = run.info.gitDirty.value_or(false);
    ComparisonCell cell =
        textCell(commit.left(7) + (dirty ? QObject::tr(" dirty") : QString()),
                 dirty ? QObject::tr("uncommitted changes when the run started") : QString());
    cell.exact = commit + (dirty ? QStringLiteral("+dirty") : QString());
    cell.tone = dirty ? std::optional(StatusTone::Warning) : std::nullopt;
    return cell;
}

ComparisonCell parentCell(const RunRecord &run, const std::map<std::string, QString> &runNames)
{
    if (!run.info.parentRunId)
        return {};
    const std::string &parent = *run.info.parentRunId;
    const auto named = runNames.find(parent);
    ComparisonCell cell = textCell(
        named != runNames.end() ? named->second : QString::fromStdString(parent.substr(0, 8)),
        QString::fromStdString(parent));
    cell.exact = QString::fromStdString(parent);
    return cell;
}

ComparisonCell optionalText(const std::optional<std::string> &value)
{
    return value ? textCell(QString::fromStdString(*value)) : ComparisonCell{};
}

using CellOf = std::function<ComparisonCell(const RunRecord &)>;

ComparisonRow makeRow(ComparisonSection section, const QString &key, const QString &label,
                      const std::vector<RunRecord> &runs, const CellOf &cellOf)
{
    ComparisonRow row{section, key, label, {}, false, false};
    row.cells.reserve(runs.size());
    for (const RunRecord &run : runs) {
        row.cells.push_back(cellOf(run));
        row.numeric = row.numeric || row.cells.back().numeric;
    }
    for (const ComparisonCell &cell : row.cells) {
        const ComparisonCell &first = row.cells.front();
        if (cell.present != first.present || cell.exact != first.exact) {
            row.differs = true;
            break;
        }
    }
    return row;
}

void addRunRows(std::vector<ComparisonRow> &rows, const std::vector<RunRecord> &runs,
                const std::map<std::string, QString> &runNames, std::int64_t nowMs)
{
    const auto add = [&](const QString &label, const CellOf &cellOf) {
        rows.push_back(makeRow(ComparisonSection::Run, label, label, runs, cellOf));
    };
    add(QObject::tr("Status"), [](const RunRecord &run) {
        ComparisonCell cell = textCell(statusWord(run.info.status));
        cell.tone = statusTone(run.info.status);
        return cell;
    });
    add(QObject::tr("Run ID"), [](const RunRecord &run) {
        const QString id = QString::fromStdString(run.info.runId);
        ComparisonCell cell = textCell(id.left(8), id);
        cell.exact = id;
        return cell;
    });
    add(QObject::tr("Experiment"),
        [](const RunRecord &run) { return textCell(QString::fromStdString(run.info.experiment)); });
    add(QObject::tr("Start"), [nowMs](const RunRecord &run) { return startCell(run, nowMs); });
    add(QObject::tr("Duration"),
        [nowMs](const RunRecord &run) { return durationCell(run, nowMs); });
    add(QObject::tr("User"), [](const RunRecord &run) {
        return run.info.user.empty() ? ComparisonCell{}
                                     : textCell(QString::fromStdString(run.info.user));
    });
    add(QObject::tr("Git commit"), commitCell);
    add(QObject::tr("Command"),
        [](const RunRecord &run) { return optionalText(run.info.command); });
    add(QObject::tr("Parent run"),
        [&runNames](const RunRecord &run) { return parentCell(run, runNames); });
}

void addKeyedRows(
    std::vector<ComparisonRow> &rows, ComparisonSection section, const std::set<std::string> &keys,
    const std::vector<RunRecord> &runs,
    const std::function<ComparisonCell(const RunRecord &, const std::string &)> &cellOf)
{
    for (const std::string &key : keys) {
        const QString name = QString::fromStdString(key);
        rows.push_back(makeRow(section, name, name, runs,
                               [&](const RunRecord &run) { return cellOf(run, key); }));
    }
}

QString datasetKey(const track::DatasetInput &dataset)
{
    return QStringLiteral("%1 (%2)").arg(QString::fromStdString(dataset.name),
                                         QString::fromStdString(dataset.context));
}

void addDatasetRows(std::vector<ComparisonRow> &rows, const std::vector<RunRecord> &runs)
{
    std::set<QString> keys;
    for (const RunRecord &run : runs)
        for (const auto &dataset : run.datasets)
            keys.insert(datasetKey(dataset));
    for (const QString &key : keys) {
        rows.push_back(
            makeRow(ComparisonSection::Datasets, key, key, runs, [&](const RunRecord &run) {
                for (const auto &dataset : run.datasets) {
                    if (datasetKey(dataset) != key)
                        continue;
                    const QString md5 = QString::fromStdString(dataset.md5);
                    const QString path = QString::fromStdString(dataset.path);
                    const QString revision = QString::fromStdString(dataset.revision);
                    QString shown =
                        md5.isEmpty() ? path : md5.left(8) + QStringLiteral("  ") + path;
                    if (!revision.isEmpty())
                        shown += QStringLiteral(" @ ") + revision.left(7);
                    ComparisonCell cell = textCell(
                        shown, QObject::tr("md5 %1\npath %2\nrevision %3")
                                   .arg(md5.isEmpty() ? QObject::tr("(not tracked)") : md5, path,
                                        revision.isEmpty() ? QObject::tr("(unknown)") : revision));
                    cell.exact = md5 + u'|' + path + u'|' + revision;
                    return cell;
                }
                return ComparisonCell{};
            }));
    }
}

void addArtifactRows(std::vector<ComparisonRow> &rows, const std::vector<RunRecord> &runs)
{
    std::set<std::string> keys;
    for (const RunRecord &run : runs)
        for (const auto &artifact : run.artifacts)
            keys.insert(artifact.path);
    addKeyedRows(rows, ComparisonSection::Artifacts, keys, runs,
                 [](const RunRecord &run, const std::string &path) {
                     for (const auto &artifact : run.artifacts) {
                         if (artifact.path != path)
                             continue;
                         const QString md5 = QString::fromStdString(artifact.md5);
                         ComparisonCell cell = textCell(md5.left(8) + QStringLiteral("  ") +
                                                            formatBytes(artifact.size),
                                                        QObject::tr("md5 %1").arg(md5));
                         cell.exact = md5;
                         return cell;
                     }
                     return ComparisonCell{};
                 });
}

} // namespace

QString sectionTitle(ComparisonSection section)
{
    switch (section) {
    case ComparisonSection::Run:
        return QObject::tr("Run");
    case ComparisonSection::Params:
        return QObject::tr("Params");
    case ComparisonSection::Metrics:
        return QObject::tr("Metrics");
    case ComparisonSection::Tags:
        return QObject::tr("Tags");
    case ComparisonSection::Datasets:
        return QObject::tr("Datasets");
    case ComparisonSection::Artifacts:
        return QObject::tr("Artifacts");
    }
    return {};
}

QString durationText(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return QStringLiteral("—");
    if (seconds < 60)
        return QObject::tr("%1 s").arg(formatNumber(seconds, 2));
    const auto total = static_cast<std::int64_t>(std::llround(seconds));
    const std::int64_t hours = total / 3600, minutes = total / 60 % 60, rest = total % 60;
    if (hours == 0)
        return QObject::tr("%1 min %2 s").arg(minutes).arg(rest, 2, 10, QLatin1Char('0'));
    return QObject::tr("%1 h %2 min").arg(hours).arg(minutes, 2, 10, QLatin1Char('0'));
}

std::vector<ComparisonRow> buildComparisonRows(const std::vector<RunRecord> &runs,
                                               const std::map<std::string, QString> &runNames,
                                               std::int64_t nowMs)
{
    std::vector<ComparisonRow> rows;
    if (runs.empty())
        return rows;
    const track::RunKeys keys = track::keysOf(runs);
    // What a comparison is for comes first: the results, then what was varied.
    addKeyedRows(rows, ComparisonSection::Metrics, keys.metrics, runs,
                 [](const RunRecord &run, const std::string &key) {
                     const auto found = run.latestMetrics.find(key);
                     if (found == run.latestMetrics.end())
                         return ComparisonCell{};
                     ComparisonCell cell = numberCell(found->second.value);
                     cell.detail = QObject::tr("step %1").arg(found->second.step);
                     return cell;
                 });
    addKeyedRows(rows, ComparisonSection::Params, keys.params, runs,
                 [](const RunRecord &run, const std::string &key) {
                     const auto found = run.params.find(key);
                     if (found == run.params.end())
                         return ComparisonCell{};
                     ComparisonCell cell = textCell(QString::fromStdString(found->second));
                     bool isNumber = false;
                     cell.number = cell.exact.toDouble(&isNumber);
                     cell.numeric = isNumber;
                     return cell;
                 });
    addRunRows(rows, runs, runNames, nowMs);
    addKeyedRows(rows, ComparisonSection::Tags, keys.tags, runs,
                 [](const RunRecord &run, const std::string &key) {
                     const auto found = run.tags.find(key);
                     return found == run.tags.end()
                                ? ComparisonCell{}
                                : textCell(QString::fromStdString(found->second));
                 });
    addDatasetRows(rows, runs);
    addArtifactRows(rows, runs);
    return rows;
}

} // namespace assay::ui
