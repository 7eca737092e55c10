#pragma once

#include <string_view>

namespace assay::track {

enum class MetricGoal { Minimize, Maximize };

// Whether a smaller or a larger value of a metric is better, judged from its name: losses,
// errors and distances (loss, rmse, mae, mse, error, logloss, perplexity, …) are minimised,
// everything else (auc, accuracy, f1, r2, …) maximised. Decides the "best" highlight.
MetricGoal metricGoal(std::string_view key);

} // namespace assay::track
