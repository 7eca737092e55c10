#pragma once

#include "track/run_record.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace assay::ui {

// A param or a metric of a run: what the comparison charts put on an axis.
struct RunField {
    enum class Kind { Param, Metric };
    Kind kind = Kind::Param;
    QString key;

    // "lr" for a param, "val_loss" for a metric; `qualifiedLabel` adds the kind for pickers
    // that list both ("param · lr", "metric · val_loss").
    const QString &label() const { return key; }
    QString qualifiedLabel() const;
    bool operator==(const RunField &) const = default;
};

// Every param, then every metric, of `paramKeys` and `metricKeys`.
std::vector<RunField> allFields(const QStringList &paramKeys, const QStringList &metricKeys);

// The run's name, or the first 8 digits of its id when it has none.
QString runLabel(const track::RunInfo &info);

// How one field's values across runs lie on an axis. Numbers stay numbers; a param that is
// not a finite number in every run that has it becomes categories, sorted (numbers inside
// text compared as numbers) and placed at the ordinal positions 0, 1, 2, …
struct FieldScale {
    bool categorical = false;
    QStringList categories;        // categorical only, in axis order
    std::vector<double> positions; // one per run: the number or category index; NaN when the
                                   // run lacks the field or its metric is NaN or infinite
    double min = 0;                // of the finite positions (0 and 0 when there are none)
    double max = 0;
    bool hasValues = false;

    // The run's position mapped onto [0, 1]: min → 0, max → 1 (categories evenly spaced);
    // 0.5 when every run has the same value; NaN when the run has none.
    double normalised(std::size_t run) const;
    // The text of a position on this axis: the category, or the number with 4 digits.
    QString textAt(double position) const;
};

// The raw value of `field` in `run` (the param text, the latest metric value); nullopt when
// the run never logged it.
std::optional<QString> fieldText(const track::RunRecord &run, const RunField &field);

FieldScale fieldScale(const std::vector<const track::RunRecord *> &runs, const RunField &field);

// The param and metric keys any of `runs` has, sorted.
QStringList paramKeysOf(const std::vector<const track::RunRecord *> &runs);
QStringList metricKeysOf(const std::vector<const track::RunRecord *> &runs);
// Whether the runs disagree on `field`: different values, or some runs lack it.
bool fieldDiffers(const std::vector<const track::RunRecord *> &runs, const RunField &field);

} // namespace assay::ui
