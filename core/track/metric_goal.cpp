#include "track/metric_goal.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace assay::track {

MetricGoal metricGoal(std::string_view key)
{
    std::string name(key);
    std::ranges::transform(name, name.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    static constexpr std::array<std::string_view, 14> lowerIsBetter = {
        "loss", "error", "err", "rmse", "mse", "mae", "mape", "logloss", "perplexity",
        "brier", "deviance", "distance", "latency", "time"};
    // Match whole words of the name ("val_loss", "test/rmse", "error_rate"), so "mae" does
    // not catch "max_mae_improvement"-like names by accident in the middle of a word.
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = name.find_first_of("_-/.: ", start);
        if (end == std::string::npos)
            end = name.size();
        const std::string_view word = std::string_view(name).substr(start, end - start);
        if (std::ranges::find(lowerIsBetter, word) != lowerIsBetter.end())
            return MetricGoal::Minimize;
        start = end + 1;
    }
    return MetricGoal::Maximize;
}

} // namespace assay::track
