#include "runs/run_comparison_field.h"

#include "common/format.h"

#include <QCollator>
#include <QObject>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace assay::ui {

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

std::optional<double> finiteNumber(const QString &text)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

void setRange(FieldScale &scale)
{
    for (double position : scale.positions) {
        if (!std::isfinite(position))
            continue;
        if (!scale.hasValues) {
            scale.min = scale.max = position;
            scale.hasValues = true;
        }
        scale.min = std::min(scale.min, position);
        scale.max = std::max(scale.max, position);
    }
}

} // namespace

QString RunField::qualifiedLabel() const
{
    return kind == Kind::Param ? QObject::tr("param · %1").arg(key)
                               : QObject::tr("metric · %1").arg(key);
}

std::vector<RunField> allFields(const QStringList &paramKeys, const QStringList &metricKeys)
{
    std::vector<RunField> fields;
    fields.reserve(std::size_t(paramKeys.size() + metricKeys.size()));
    for (const QString &key : paramKeys)
        fields.push_back({RunField::Kind::Param, key});
    for (const QString &key : metricKeys)
        fields.push_back({RunField::Kind::Metric, key});
    return fields;
}

QString runLabel(const track::RunInfo &info)
{
    if (!info.name.empty())
        return QString::fromStdString(info.name);
    return QString::fromStdString(info.runId.substr(0, 8));
}

std::optional<QString> fieldText(const track::RunRecord &run, const RunField &field)
{
    const std::string key = field.key.toStdString();
    if (field.kind == RunField::Kind::Param) {
        const auto found = run.params.find(key);
        if (found == run.params.end())
            return std::nullopt;
        return QString::fromStdString(found->second);
    }
    const auto found = run.latestMetrics.find(key);
    if (found == run.latestMetrics.end())
        return std::nullopt;
    return formatNumberFull(found->second.value);
}

FieldScale fieldScale(const std::vector<const track::RunRecord *> &runs, const RunField &field)
{
    FieldScale scale;
    scale.positions.assign(runs.size(), kMissing);
    if (field.kind == RunField::Kind::Metric) {
        const std::string key = field.key.toStdString();
        for (std::size_t i = 0; i < runs.size(); ++i) {
            const auto found = runs[i]->latestMetrics.find(key);
            if (found != runs[i]->latestMetrics.end() && std::isfinite(found->second.value))
                scale.positions[i] = found->second.value;
        }
        setRange(scale);
        return scale;
    }

    std::vector<std::optional<QString>> texts;
    texts.reserve(runs.size());
    bool allNumbers = true;
    for (const track::RunRecord *run : runs) {
        texts.push_back(fieldText(*run, field));
        if (texts.back() && !finiteNumber(*texts.back()))
            allNumbers = false;
    }
    if (allNumbers) {
        for (std::size_t i = 0; i < runs.size(); ++i)
            if (texts[i])
                scale.positions[i] = *finiteNumber(*texts[i]);
        setRange(scale);
        return scale;
    }

    scale.categorical = true;
    std::set<QString> distinct;
    for (const auto &text : texts)
        if (text)
            distinct.insert(*text);
    scale.categories = QStringList(distinct.begin(), distinct.end());
    QCollator collator;
    collator.setNumericMode(true);
    std::sort(
        scale.categories.begin(), scale.categories.end(),
        [&collator](const QString &a, const QString &b) { return collator.compare(a, b) < 0; });
    for (std::size_t i = 0; i < runs.size(); ++i)
        if (texts[i])
            scale.positions[i] = double(scale.categories.indexOf(*texts[i]));
    setRange(scale);
    return scale;
}

double FieldScale::normalised(std::size_t run) const
{
    const double position = positions[run];
    if (!std::isfinite(position))
        return kMissing;
    if (max == min)
        return 0.5;
    return (position - min) / (max - min);
}

QString FieldScale::textAt(double position) const
{
    if (!categorical)
        return formatNumber(position);
    const auto index = qsizetype(std::lround(position));
    return index >= 0 && index < categories.size() ? categories[index] : QString();
}

namespace {

template <typename Map>
QStringList keysOf(const std::vector<const track::RunRecord *> &runs, Map track::RunRecord::*member)
{
    std::set<std::string> keys;
    for (const track::RunRecord *run : runs)
        for (const auto &entry : run->*member)
            keys.insert(entry.first);
    QStringList list;
    for (const std::string &key : keys)
        list << QString::fromStdString(key);
    return list;
}

} // namespace

QStringList paramKeysOf(const std::vector<const track::RunRecord *> &runs)
{
    return keysOf(runs, &track::RunRecord::params);
}

QStringList metricKeysOf(const std::vector<const track::RunRecord *> &runs)
{
    return keysOf(runs, &track::RunRecord::latestMetrics);
}

bool fieldDiffers(const std::vector<const track::RunRecord *> &runs, const RunField &field)
{
    if (runs.empty())
        return false;
    const std::optional<QString> first = fieldText(*runs.front(), field);
    return std::any_of(runs.begin() + 1, runs.end(), [&](const track::RunRecord *run) {
        return fieldText(*run, field) != first;
    });
}

} // namespace assay::ui
