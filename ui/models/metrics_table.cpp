#include "models/metrics_table.h"

#include <QCoreApplication>

#include <cmath>
#include <set>

namespace assay::ui {

namespace {

const QStringList &preferredOrder()
{
    static const QStringList order{QStringLiteral("roc_auc"),
                                   QStringLiteral("pr_auc"),
                                   QStringLiteral("accuracy"),
                                   QStringLiteral("f1"),
                                   QStringLiteral("precision"),
                                   QStringLiteral("recall"),
                                   QStringLiteral("log_loss"),
                                   QStringLiteral("brier"),
                                   QStringLiteral("f1_macro"),
                                   QStringLiteral("precision_macro"),
                                   QStringLiteral("recall_macro"),
                                   QStringLiteral("f1_weighted"),
                                   QStringLiteral("precision_weighted"),
                                   QStringLiteral("recall_weighted"),
                                   QStringLiteral("rmse"),
                                   QStringLiteral("mae"),
                                   QStringLiteral("r2"),
                                   QStringLiteral("mape")};
    return order;
}

QStringList metricsOf(const std::vector<const EvaluatedPart *> &parts)
{
    std::set<QString> present;
    for (const EvaluatedPart *part : parts) {
        for (const auto &entry : part->evaluation.metrics)
            present.insert(QString::fromStdString(entry.first));
    }
    QStringList metrics;
    for (const QString &name : preferredOrder()) {
        if (present.erase(name) > 0)
            metrics.append(name);
    }
    for (const QString &name : present)
        metrics.append(name);
    return metrics;
}

MetricsTable::Row rowOf(const QString &label, const EvaluatedPart &part, const QStringList &metrics)
{
    MetricsTable::Row row;
    row.label = label;
    for (const QString &metric : metrics) {
        const auto found = part.evaluation.metrics.find(metric.toStdString());
        row.values.push_back(found == part.evaluation.metrics.end()
                                 ? std::nullopt
                                 : std::optional<double>(found->second));
    }
    return row;
}

MetricsTable::Row summaryOf(const std::vector<MetricsTable::Row> &folds, qsizetype metricCount)
{
    MetricsTable::Row summary;
    summary.label = QCoreApplication::translate("assay::ui::MetricsTable", "mean ± std");
    summary.summary = true;
    for (qsizetype m = 0; m < metricCount; ++m) {
        std::vector<double> values;
        for (const MetricsTable::Row &fold : folds) {
            if (fold.values[std::size_t(m)])
                values.push_back(*fold.values[std::size_t(m)]);
        }
        if (values.empty()) {
            summary.values.push_back(std::nullopt);
            summary.spread.push_back(std::nullopt);
            continue;
        }
        double mean = 0;
        for (double value : values)
            mean += value;
        mean /= double(values.size());
        double squares = 0;
        for (double value : values)
            squares += (value - mean) * (value - mean);
        summary.values.push_back(mean);
        summary.spread.push_back(values.size() > 1 ? std::sqrt(squares / double(values.size() - 1))
                                                   : 0.0);
    }
    return summary;
}

} // namespace

MetricsTable metricsTableOf(const ModelResults &results)
{
    MetricsTable table;
    table.metrics = metricsOf(results.allEvaluations());
    if (!results.isCrossValidation()) {
        for (const EvaluatedPart &part : results.evaluations.parts)
            table.rows.push_back(rowOf(part.name, part, table.metrics));
        return table;
    }
    for (const EvaluatedPart &fold : results.evaluations.folds)
        table.rows.push_back(rowOf(fold.name, fold, table.metrics));
    table.rows.push_back(summaryOf(table.rows, table.metrics.size()));
    for (const EvaluatedPart &part : results.evaluations.parts) {
        const QString label =
            part.name == QLatin1String("train")
                ? QCoreApplication::translate("assay::ui::MetricsTable", "train (all rows)")
                : part.name;
        table.rows.push_back(rowOf(label, part, table.metrics));
    }
    return table;
}

} // namespace assay::ui
