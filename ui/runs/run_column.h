#pragma once

#include "track/run_record.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace assay::ui {

struct RunsSnapshot;

// One column of the runs table: a fixed attribute of every run, or a param, metric or tag
// the user chose. Its id is the field as the filter syntax spells it ("metrics.auc",
// "attributes.status"), so chosen columns survive restarts and read like the filter box.
struct RunColumn {
    enum class Kind {
        Marks,
        Name,
        Status,
        Experiment,
        Start,
        Duration,
        User,
        Commit,
        Param,
        Metric,
        Tag
    };

    Kind kind = Kind::Name;
    QString key; // Param, Metric, Tag

    QString id() const;
    QString header() const;
    static std::optional<RunColumn> fromId(const QString &id);
    bool isKeyed() const
    {
        return kind == Kind::Param || kind == Kind::Metric || kind == Kind::Tag;
    }
    bool operator==(const RunColumn &other) const = default;
};

// Marks (pin/hide toggles), name, status, start, duration, experiment, user, commit.
QList<RunColumn> fixedRunColumns();
// The table's columns: the fixed ones up to duration, then `keyed`, then the rest.
QList<RunColumn> tableColumns(const QList<RunColumn> &keyed);

// The keyed columns a workspace opens with before the user chooses: every metric, then the
// first `maxParams` params (sorted by key), of the runs of `experiment` (empty: all runs).
QList<RunColumn> defaultKeyedColumns(const RunsSnapshot &snapshot, const QString &experiment = {},
                                     int maxParams = 8);

// The keyed columns among `ids` ("params.lr", …), in that order; unknown ids are skipped.
QList<RunColumn> keyedColumnsFromIds(const QStringList &ids);
QStringList columnIds(const QList<RunColumn> &columns);

// A run's value in a column, as the table sorts it: numbers numerically (params too when
// they read as numbers), text otherwise; absent when the run has no such field.
struct RunSortKey {
    bool present = false;
    bool numeric = false;
    double number = 0;
    QString text;
};
RunSortKey runSortKey(const track::RunRecord &run, const RunColumn &column, qint64 nowMs);
// Missing last (whatever `descending` says); numbers before text; then by value.
// Returns <0, 0, >0.
int compareSortKeys(const RunSortKey &a, const RunSortKey &b, bool descending);

// The number a metric column (or a numeric param) holds for `run`, if any.
std::optional<double> runNumber(const track::RunRecord &run, const RunColumn &column);
// The text of a param, tag or text attribute, if the run has it.
std::optional<QString> runText(const track::RunRecord &run, const RunColumn &column);

} // namespace assay::ui
