#include "monitor/monitor_report.h"

#include <string_view>

namespace assay::monitor {

namespace {

constexpr std::string_view kFeaturePrefix = "feature_drift_score:";

std::optional<double> performanceMetric(const std::optional<BinaryPerformance> &performance,
                                        std::string_view name)
{
    if (!performance)
        return std::nullopt;
    if (name == "accuracy")
        return performance->accuracy;
    if (name == "precision")
        return performance->precision;
    if (name == "recall")
        return performance->recall;
    if (name == "f1")
        return performance->f1;
    if (name == "roc_auc")
        return performance->rocAuc;
    return std::nullopt;
}

} // namespace

std::optional<double> WindowResult::metric(const std::string &name) const
{
    const std::string_view view = name;
    if (view == "dataset_drift_share")
        return testedFeatures > 0 ? std::optional(driftShare) : std::nullopt;
    if (view == "drifted_features")
        return testedFeatures > 0 ? std::optional(double(driftedFeatures)) : std::nullopt;
    if (view == "prediction_drift_score")
        return prediction && prediction->test != drift::DriftTest::None
                   ? std::optional(prediction->score)
                   : std::nullopt;
    if (view == "missing_share_change")
        return features.empty() ? std::nullopt : std::optional(maxMissingShareChange);
    if (view == "reconstruction_error")
        return reconstructionError;
    if (view.starts_with("estimated_"))
        return performanceMetric(estimated, view.substr(std::string_view("estimated_").size()));
    if (view.starts_with("realized_"))
        return performanceMetric(realized, view.substr(std::string_view("realized_").size()));
    if (view.starts_with(kFeaturePrefix)) {
        const std::string_view feature = view.substr(kFeaturePrefix.size());
        for (const auto &drift : features)
            if (drift.name == feature)
                return drift.test == drift::DriftTest::None ? std::nullopt
                                                            : std::optional(drift.score);
    }
    return std::nullopt;
}

} // namespace assay::monitor
