#pragma once

#include "model/metrics.h"
#include "model/model_checks.h"
#include "track/run_record.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace assay::ui {

// The evaluation of one part of the rows ("train", "valid", "test", or "fold 3"), with the
// (actual, predicted) sample of regression parts.
struct EvaluatedPart {
    QString name;
    model::Evaluation evaluation;
    std::vector<double> actual; // regression only; a spread-out sample of the part
    std::vector<double> predicted;
};

// What model/evaluation.json holds: the parts of a split, or the training part and the folds
// of a cross-validation.
struct EvaluationDocument {
    std::vector<EvaluatedPart> parts;
    std::vector<EvaluatedPart> folds;
};

// Reads {"train": E, "valid": E, "test": E} or {"train": E, "folds": [E, …]} (E as
// model::evaluationToJson with curves, plus "residuals" for regression). Parts come in the
// order train, valid, test; folds are named "fold 1", "fold 2", …. InvalidInput names the
// key that is not an object.
Result<EvaluationDocument> parseEvaluationDocument(const QJsonObject &document);

// One per-round series the trainer logged ("train_logloss"), a point per round: when a key
// was also used for a final metric at step 0, the earliest point of each step is the round's.
struct TrainingCurve {
    QString key;
    QString part;   // "train" or "valid"
    QString metric; // "logloss", "rmse", "auc", …
    std::vector<double> rounds;
    std::vector<double> values;
};

// The keys of `run`'s per-round curves, as training listed them in its model::kCurvesTag tag.
QStringList trainingCurveKeys(const track::RunRecord &run);
// The curve of `key` from its full history (by step, then timestamp).
TrainingCurve trainingCurveOf(const QString &key, const std::vector<track::MetricPoint> &history);

// Everything the Models area shows about one model run, read on a worker.
struct ModelResults {
    track::RunRecord run;
    QString task;        // the "task" param
    QStringList classes; // the model's class labels (classification), from model/model.json
    EvaluationDocument evaluations;
    QString evaluationProblem; // why there are no evaluations (no artifact, unreadable), or empty
    std::optional<std::vector<model::ModelTestResult>> tests; // nullopt: never tested
    QString testsProblem;
    std::vector<TrainingCurve> curves;

    bool isCrossValidation() const { return !evaluations.folds.empty(); }
    // Every part and fold, parts first.
    std::vector<const EvaluatedPart *> allEvaluations() const;
};

} // namespace assay::ui
