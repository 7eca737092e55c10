#include "model/feature_binning.h"

#include "model/worker_pool.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace assay::model {

namespace {

constexpr int kMaxBins = 256;
constexpr std::size_t kRowsPerTask = 16384;

// Cuts at the values of every maxValueBins-th quantile of the sorted column, so each bin holds
// about the same number of rows; each cut is a value that occurs, so no split separates equal
// values.
std::vector<float> rankCuts(const std::vector<float> &sorted, int maxValueBins)
{
    std::vector<float> cuts;
    const std::size_t n = sorted.size();
    for (int k = 1; k < maxValueBins; ++k) {
        const float value = sorted[static_cast<std::size_t>(k) * n / maxValueBins];
        if (value > sorted.front() && (cuts.empty() || value > cuts.back()))
            cuts.push_back(value);
    }
    return cuts;
}

Result<FeatureBins> learnBins(const FeatureMatrix &x, std::size_t column, int maxBins)
{
    const FeatureSpec &spec = x.features[column];
    FeatureBins bins;
    bool anyMissing = false;
    if (spec.kind == FeatureKind::Categorical) {
        bins.categorical = true;
        double largestCode = -1;
        for (std::size_t row = 0; row < x.rows; ++row) {
            const double value = x.at(row, column);
            if (isMissing(value)) {
                anyMissing = true;
                continue;
            }
            if (value < 0 || value != std::floor(value) || value > 1e9)
                return Error::invalidInput("feature '" + spec.name + "': " + std::to_string(value) +
                                           " is not a category code");
            largestCode = std::max(largestCode, value);
        }
        const int codes =
            std::max(static_cast<int>(spec.categories.size()), static_cast<int>(largestCode) + 1);
        // Room for the overflow and missing bins within one byte.
        const int room = std::min(maxBins, kMaxBins - 2);
        bins.splitBins = std::min(codes, room);
        if (codes > bins.splitBins)
            bins.overflowBin = bins.splitBins;
        if (anyMissing)
            bins.missingBin = bins.binCount();
        return bins;
    }
    std::vector<float> values;
    values.reserve(x.rows);
    for (std::size_t row = 0; row < x.rows; ++row) {
        const double value = x.at(row, column);
        if (isMissing(value))
            anyMissing = true;
        else
            values.push_back(static_cast<float>(value));
    }
    const int maxValueBins = std::min(maxBins, anyMissing ? kMaxBins - 1 : kMaxBins);
    std::sort(values.begin(), values.end());
    std::vector<float> distinct(values);
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    if (distinct.size() <= static_cast<std::size_t>(maxValueBins))
        bins.cuts.assign(distinct.begin() + (distinct.empty() ? 0 : 1), distinct.end());
    else
        bins.cuts = rankCuts(values, maxValueBins);
    bins.splitBins = static_cast<int>(bins.cuts.size()) + 1;
    if (anyMissing)
        bins.missingBin = bins.splitBins;
    return bins;
}

} // namespace

BinnedMatrix::BinnedMatrix(std::size_t rows, std::vector<FeatureBins> features)
    : m_rows(rows), m_features(std::move(features)), m_bins(rows * m_features.size())
{
}

int binOf(const FeatureBins &feature, double value)
{
    if (isMissing(value))
        return feature.missingBin;
    if (feature.categorical) {
        const int code = static_cast<int>(value);
        return code < feature.splitBins ? code : feature.overflowBin;
    }
    const float rounded = static_cast<float>(value);
    return static_cast<int>(std::upper_bound(feature.cuts.begin(), feature.cuts.end(), rounded) -
                            feature.cuts.begin());
}

Result<BinnedMatrix> binFeatures(const FeatureMatrix &x, int maxBins, WorkerPool &pool)
{
    const std::size_t columns = x.columns();
    std::vector<Result<FeatureBins>> learned(columns, Error::internal("not binned"));
    pool.run(columns, [&](std::size_t column, unsigned) {
        learned[column] = learnBins(x, column, maxBins);
    });
    std::vector<FeatureBins> features;
    for (auto &bins : learned) {
        if (!bins)
            return bins.error();
        features.push_back(std::move(*bins));
    }
    BinnedMatrix binned(x.rows, std::move(features));
    std::uint8_t *out = binned.mutableData();
    const std::size_t tasks = (x.rows + kRowsPerTask - 1) / kRowsPerTask;
    pool.run(tasks, [&](std::size_t task, unsigned) {
        const std::size_t end = std::min(x.rows, (task + 1) * kRowsPerTask);
        for (std::size_t row = task * kRowsPerTask; row < end; ++row)
            for (std::size_t column = 0; column < columns; ++column)
                out[row * columns + column] =
                    static_cast<std::uint8_t>(binOf(binned.feature(column), x.at(row, column)));
    });
    return binned;
}

} // namespace assay::model
