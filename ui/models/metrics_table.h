#pragma once

#include "models/model_results.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace assay::ui {

// The numbers of the Metrics tab: a row per part (train, valid, test) or per fold, the
// cross-validation's mean ± std row, and a column per metric.
struct MetricsTable {
    struct Row {
        QString label;
        std::vector<std::optional<double>> values; // one per metric; nullopt: not measured
        std::vector<std::optional<double>> spread; // the std of the summary row, else empty
        bool summary = false;                      // the mean ± std row
    };
    QStringList metrics;
    std::vector<Row> rows;
};

// The metrics of every part in a readable order (the task's headline first, then ranking,
// threshold and probability metrics; regression: rmse, mae, r2, mape), any others after.
// Cross-validation: the folds, "mean ± std" over them (sample std, as the run logs it), then
// the final model's training part as "train (all rows)".
MetricsTable metricsTableOf(const ModelResults &results);

} // namespace assay::ui
