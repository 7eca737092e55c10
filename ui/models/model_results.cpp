#include "models/model_results.h"

#include "model/evaluation_json.h"
#include "model/run_recorder.h"

#include <QJsonArray>

#include <algorithm>

namespace assay::ui {

namespace {

std::vector<double> numbers(const QJsonValue &value)
{
    std::vector<double> out;
    for (const QJsonValue &item : value.toArray())
        out.push_back(item.isDouble() ? item.toDouble() : std::numeric_limits<double>::quiet_NaN());
    return out;
}

Result<EvaluatedPart> partOf(const QString &name, const QJsonValue &value, const QString &key)
{
    if (!value.isObject())
        return Error::invalidInput("model/evaluation.json: '" + key.toStdString() +
                                   "' is not an object");
    const QJsonObject object = value.toObject();
    EvaluatedPart part;
    part.name = name;
    part.evaluation = model::evaluationFromJson(object);
    const QJsonObject residuals = object.value(QStringLiteral("residuals")).toObject();
    part.actual = numbers(residuals.value(QStringLiteral("actual")));
    part.predicted = numbers(residuals.value(QStringLiteral("predicted")));
    const std::size_t pairs = std::min(part.actual.size(), part.predicted.size());
    part.actual.resize(pairs);
    part.predicted.resize(pairs);
    return part;
}

} // namespace

Result<EvaluationDocument> parseEvaluationDocument(const QJsonObject &document)
{
    EvaluationDocument parsed;
    for (const char *name : {"train", "valid", "test"}) {
        const QString key = QString::fromLatin1(name);
        if (!document.contains(key))
            continue;
        auto part = partOf(key, document.value(key), key);
        if (!part)
            return part.error();
        parsed.parts.push_back(std::move(*part));
    }
    const QJsonArray folds = document.value(QStringLiteral("folds")).toArray();
    for (qsizetype i = 0; i < folds.size(); ++i) {
        auto fold = partOf(QStringLiteral("fold %1").arg(i + 1), folds.at(i),
                           QStringLiteral("folds[%1]").arg(i));
        if (!fold)
            return fold.error();
        parsed.folds.push_back(std::move(*fold));
    }
    return parsed;
}

QStringList trainingCurveKeys(const track::RunRecord &run)
{
    const auto tag = run.tags.find(model::kCurvesTag);
    if (tag == run.tags.end())
        return {};
    return QString::fromStdString(tag->second).split(u',', Qt::SkipEmptyParts);
}

TrainingCurve trainingCurveOf(const QString &key, const std::vector<track::MetricPoint> &history)
{
    TrainingCurve curve;
    curve.key = key;
    const qsizetype split = key.indexOf(u'_');
    curve.part = key.left(split);
    curve.metric = key.mid(split + 1);
    // Sorted by step then timestamp: the first point of a step is the round's own.
    for (std::size_t i = 0; i < history.size(); ++i) {
        if (i > 0 && history[i].step == history[i - 1].step)
            continue;
        curve.rounds.push_back(double(history[i].step));
        curve.values.push_back(history[i].value);
    }
    return curve;
}

std::vector<const EvaluatedPart *> ModelResults::allEvaluations() const
{
    std::vector<const EvaluatedPart *> all;
    for (const EvaluatedPart &part : evaluations.parts)
        all.push_back(&part);
    for (const EvaluatedPart &fold : evaluations.folds)
        all.push_back(&fold);
    return all;
}

} // namespace assay::ui
