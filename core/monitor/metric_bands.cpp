#include "monitor/metric_bands.h"

#include <algorithm>
#include <cmath>

namespace assay::monitor {

const std::vector<std::string> &bandedMetrics()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> list{"reconstruction_error", "dataset_drift_share", "prediction_drift_score"};
        for (const char *prefix : {"estimated_", "realized_"})
            for (const char *metric : {"accuracy", "precision", "recall", "f1", "roc_auc"})
                list.push_back(std::string(prefix) + metric);
        return list;
    }();
    return names;
}

Result<std::map<std::string, MetricBand>> referenceBands(const WindowEvaluator &evaluator, std::size_t referenceRows,
                                                         std::uint64_t windowRows, const Progress &progress)
{
    // Chunks as large as a typical window make the band's spread the spread a window of that
    // size shows by chance; at least kMinBandChunks of them, so the standard deviation rests on
    // more than a couple of values (a small reference gives smaller chunks, so a wider band).
    // The rows left over after the last whole chunk are not used: a short chunk varies more.
    const std::size_t chunkRows =
        std::min<std::size_t>(static_cast<std::size_t>(std::max<std::uint64_t>(windowRows, 1)),
                              referenceRows / kMinBandChunks);
    std::map<std::string, MetricBand> bands;
    if (chunkRows < 2)
        return bands;
    const std::size_t chunks = referenceRows / chunkRows;
    std::map<std::string, std::vector<double>> values;
    for (std::size_t k = 0; k < chunks; ++k) {
        if (progress.isCancelled())
            return Error::cancelled();
        WindowBatch chunk = evaluator.referenceChunk(k * chunkRows, (k + 1) * chunkRows);
        auto result = evaluator.evaluate(chunk);
        if (!result)
            return result.error();
        result->reconstructionError = evaluator.heldOutReconstructionError(k * chunkRows, (k + 1) * chunkRows);
        for (const std::string &metric : bandedMetrics())
            if (const auto value = result->metric(metric); value && std::isfinite(*value))
                values[metric].push_back(*value);
        progress.report(double(k + 1) / double(chunks), "reference bands");
    }
    for (const auto &[metric, list] : values) {
        if (list.size() < 2)
            continue;
        double mean = 0;
        for (double v : list)
            mean += v;
        mean /= double(list.size());
        double squares = 0;
        for (double v : list)
            squares += (v - mean) * (v - mean);
        const double std = std::sqrt(squares / double(list.size() - 1)); // sample std (ddof 1)
        bands[metric] = {.mean = mean, .low = mean - 3 * std, .high = mean + 3 * std};
    }
    return bands;
}

} // namespace assay::monitor
