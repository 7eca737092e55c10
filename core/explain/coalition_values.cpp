#include "explain/coalition_values.h"
#include "explain/prediction_shape.h"

#include <algorithm>
#include <string>

namespace assay::explain {

namespace {

struct Job {
    std::size_t query;
    std::size_t coalition;
};

// Background rows with the coalition's players overwritten by the query row's values, for every
// job in turn.
model::FeatureMatrix coalitionRows(const Background &background,
                                   std::span<const CoalitionQuery> queries,
                                   std::span<const Job> jobs)
{
    const model::FeatureMatrix &base = background.rows;
    const std::size_t columns = base.columns();
    model::FeatureMatrix rows;
    rows.features = base.features;
    rows.rows = jobs.size() * base.rows;
    rows.values.reserve(rows.rows * columns);
    for (const Job &job : jobs) {
        const CoalitionQuery &query = queries[job.query];
        const auto mask = query.coalitions.mask(job.coalition);
        const std::size_t first = rows.values.size();
        rows.values.insert(rows.values.end(), base.values.begin(), base.values.end());
        for (std::size_t b = 0; b < base.rows; ++b) {
            double *row = rows.values.data() + first + b * columns;
            for (std::size_t p = 0; p < query.players.size(); ++p)
                if (mask[p])
                    row[query.players[p]] = query.row[query.players[p]];
        }
    }
    return rows;
}

} // namespace

Result<std::vector<std::vector<double>>>
evaluateCoalitions(Predictor &predictor, const Background &background,
                   std::span<const CoalitionQuery> queries, std::size_t outputs,
                   std::size_t maxCells, const Progress &progress)
{
    const std::size_t backgroundRows = background.rows.rows;
    double weightSum = 0;
    for (double w : background.weights)
        weightSum += w;

    std::vector<std::vector<double>> values(queries.size());
    std::vector<Job> jobs;
    for (std::size_t q = 0; q < queries.size(); ++q) {
        values[q].assign(queries[q].coalitions.count() * outputs, 0.0);
        for (std::size_t k = 0; k < queries[q].coalitions.count(); ++k)
            jobs.push_back({q, k});
    }

    const std::size_t cellsPerJob =
        std::max<std::size_t>(1, backgroundRows * background.rows.columns());
    const std::size_t jobsPerBatch = std::max<std::size_t>(1, maxCells / cellsPerJob);
    for (std::size_t begin = 0; begin < jobs.size(); begin += jobsPerBatch) {
        if (progress.isCancelled())
            return Error::cancelled();
        const std::span<const Job> batch(jobs.data() + begin,
                                         std::min(jobsPerBatch, jobs.size() - begin));
        const model::FeatureMatrix rows = coalitionRows(background, queries, batch);
        auto predictions = predictor.predict(rows, progress);
        if (!predictions)
            return predictions.error();
        ASSAY_TRY(checkPredictionShape(*predictions, rows.rows, outputs, "KernelSHAP"));
        for (std::size_t j = 0; j < batch.size(); ++j) {
            double *out = values[batch[j].query].data() + batch[j].coalition * outputs;
            for (std::size_t b = 0; b < backgroundRows; ++b)
                for (std::size_t o = 0; o < outputs; ++o)
                    out[o] += background.weights[b] * predictions->at(j * backgroundRows + b, o);
            for (std::size_t o = 0; o < outputs; ++o)
                out[o] /= weightSum;
        }
    }
    return values;
}

} // namespace assay::explain
