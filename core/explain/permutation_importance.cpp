#include "explain/permutation_importance.h"
#include "explain/batch_limits.h"
#include "explain/prediction_shape.h"

#include "explain/column_shuffle.h"
#include "model/metrics.h"

#include <algorithm>
#include <cmath>
#include <string_view>

namespace assay::explain {

namespace {

std::string knownMetrics(const model::Evaluation &evaluation)
{
    std::string names;
    for (const auto &[name, value] : evaluation.metrics)
        names += (names.empty() ? "" : ", ") + name;
    return names;
}

// x repeated `repeats` times, copy k with `feature` shuffled as repeat firstRepeat + k.
model::FeatureMatrix shuffledCopies(const model::FeatureMatrix &x, std::size_t feature,
                                    std::size_t firstRepeat, std::size_t repeats,
                                    std::uint64_t seed)
{
    model::FeatureMatrix copies{.rows = x.rows * repeats, .features = x.features, .values = {}};
    copies.values.reserve(copies.rows * x.columns());
    for (std::size_t k = 0; k < repeats; ++k) {
        const std::size_t start = copies.values.size();
        copies.values.insert(copies.values.end(), x.values.begin(), x.values.end());
        const auto order = shuffledRowOrder(x.rows, seed, feature, firstRepeat + k);
        for (std::size_t r = 0; r < x.rows; ++r)
            copies.values[start + r * x.columns() + feature] = x.at(order[r], feature);
    }
    return copies;
}

Result<double> score(model::Task task, std::size_t classCount, std::span<const double> y,
                     std::span<const double> predictions, const std::string &metric)
{
    auto evaluation = model::evaluate(task, classCount, y, predictions);
    if (!evaluation)
        return evaluation.error();
    const auto found = evaluation->metrics.find(metric);
    if (found == evaluation->metrics.end())
        return Error::invalidInput("permutation importance: unknown metric '" + metric +
                                   "' for a " + std::string(model::taskName(task)) +
                                   " model (known: " + knownMetrics(*evaluation) + ")");
    return found->second;
}

void summarise(FeatureImportance &importance)
{
    const auto n = static_cast<double>(importance.drops.size());
    double sum = 0;
    for (double d : importance.drops)
        sum += d;
    importance.mean = sum / n;
    double squares = 0;
    for (double d : importance.drops)
        squares += (d - importance.mean) * (d - importance.mean);
    importance.std = std::sqrt(squares / n);
}

} // namespace

Result<PermutationImportance>
permutationImportance(Predictor &predictor, model::Task task, std::size_t classCount,
                      const model::FeatureMatrix &x, std::span<const double> y,
                      const PermutationOptions &options, const Progress &progress)
{
    if (y.size() != x.rows)
        return Error::invalidInput("permutation importance: " + std::to_string(x.rows) +
                                   " rows but " + std::to_string(y.size()) + " targets");
    if (x.rows == 0)
        return Error::invalidInput("permutation importance: there are no rows to permute");
    if (options.repeats == 0)
        return Error::invalidInput("permutation importance: repeats must be at least 1");

    PermutationImportance result;
    result.metric = !options.metric.empty()           ? options.metric
                    : task == model::Task::Regression ? std::string("r2")
                                                      : std::string("accuracy");
    auto baselinePredictions = predictor.predict(x, progress);
    if (!baselinePredictions)
        return baselinePredictions.error();
    ASSAY_TRY(checkPredictionShape(*baselinePredictions, x.rows, 0, "permutation importance"));
    const std::size_t outputs = baselinePredictions->outputs;
    auto baseline = score(task, classCount, y, baselinePredictions->values, result.metric);
    if (!baseline)
        return baseline.error();
    result.baseline = *baseline;
    const double sign = model::lowerIsBetter(result.metric) ? -1.0 : 1.0;

    const std::size_t rowValues = std::max<std::size_t>(1, x.rows * x.columns());
    const std::size_t repeatsPerBatch =
        std::clamp<std::size_t>(kBatchValues / rowValues, 1, options.repeats);
    for (std::size_t f = 0; f < x.columns(); ++f) {
        FeatureImportance importance{.feature = f, .mean = 0, .std = 0, .drops = {}};
        for (std::size_t first = 0; first < options.repeats; first += repeatsPerBatch) {
            if (progress.isCancelled())
                return Error::cancelled();
            const std::size_t count = std::min(repeatsPerBatch, options.repeats - first);
            auto predictions =
                predictor.predict(shuffledCopies(x, f, first, count, options.seed), progress);
            if (!predictions)
                return predictions.error();
            ASSAY_TRY(checkPredictionShape(*predictions, x.rows * count, outputs,
                                           "permutation importance"));
            const std::size_t width = x.rows * outputs;
            for (std::size_t k = 0; k < count; ++k) {
                auto shuffled =
                    score(task, classCount, y,
                          std::span(predictions->values).subspan(k * width, width), result.metric);
                if (!shuffled)
                    return shuffled.error();
                importance.drops.push_back(sign * (result.baseline - *shuffled));
            }
        }
        summarise(importance);
        result.features.push_back(std::move(importance));
        progress.report(double(f + 1) / double(x.columns()), "permutation importance");
    }
    return result;
}

} // namespace assay::explain
