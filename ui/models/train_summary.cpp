#include "models/train_summary.h"

#include "common/format.h"

#include <QCoreApplication>
#include <QStringList>

namespace assay::ui {

namespace {

const model::PartEvaluation *findPart(const model::TrainOutcome &outcome, const std::string &name)
{
    for (const model::PartEvaluation &part : outcome.parts)
        if (part.part == name)
            return &part;
    return nullptr;
}

std::optional<double> metricOf(const model::PartEvaluation &part, const std::string &metric)
{
    const auto found = part.evaluation.metrics.find(metric);
    if (found == part.evaluation.metrics.end())
        return std::nullopt;
    return found->second;
}

QString rowsText(const model::TrainOutcome &outcome)
{
    QString text = QCoreApplication::translate("assay::ui::TrainSummary", "%1 rows")
                       .arg(formatCount(outcome.rows));
    if (outcome.rowsWithoutTarget > 0)
        text += QCoreApplication::translate("assay::ui::TrainSummary",
                                            " (%1 without a target left out)")
                    .arg(formatCount(outcome.rowsWithoutTarget));
    return text;
}

} // namespace

std::string headlineMetric(model::Task task)
{
    switch (task) {
    case model::Task::Binary:
        return "roc_auc";
    case model::Task::Multiclass:
        return "accuracy";
    case model::Task::Regression:
        return "rmse";
    }
    return "rmse";
}

TrainSummary summarise(const model::TrainOutcome &outcome)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("assay::ui::TrainSummary", text);
    };
    TrainSummary summary;
    const model::Task task =
        outcome.model ? outcome.model->signature().task : model::Task::Regression;
    const std::string metric = headlineMetric(task);
    const QString metricName = QString::fromStdString(metric);
    QStringList details;

    if (!outcome.folds.empty()) {
        const auto found = outcome.foldSummary.find(metric);
        if (found != outcome.foldSummary.end())
            summary.headline = tr("cv %1 %2 ± %3 (%4 folds)")
                                   .arg(metricName, formatNumber(found->second.mean),
                                        formatNumber(found->second.std))
                                   .arg(outcome.folds.size());
        else
            summary.headline = tr("%1 folds done").arg(outcome.folds.size());
        details.append(tr("final model trained on all %1").arg(rowsText(outcome)));
    } else {
        // The part that says most about new data: test, else validation, else training.
        for (const char *name : {"test", "valid", "train"}) {
            const model::PartEvaluation *part = findPart(outcome, name);
            if (!part)
                continue;
            if (const auto value = metricOf(*part, metric)) {
                summary.headline =
                    tr("%1 %2 %3").arg(QString::fromUtf8(name), metricName, formatNumber(*value));
                break;
            }
        }
        for (const model::PartEvaluation &part : outcome.parts)
            if (const auto value = metricOf(part, metric))
                details.append(QStringLiteral("%1 %2").arg(QString::fromStdString(part.part),
                                                           formatNumber(*value)));
        details.append(rowsText(outcome));
    }
    if (summary.headline.isEmpty())
        summary.headline = tr("Trained");
    details.append(tr("run %1").arg(QString::fromStdString(outcome.runId).left(8)));
    summary.detail = details.join(QStringLiteral(" · "));
    return summary;
}

} // namespace assay::ui
