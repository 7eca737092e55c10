#include "explain/kmeans.h"

#include "common/random.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>

namespace assay::explain {

namespace {

constexpr double kShiftTolerance = 1e-4;

// 1 / variance of each column's present values; 0 for a constant or empty column.
std::vector<double> columnScales(const model::FeatureMatrix &data)
{
    const std::size_t columns = data.columns();
    std::vector<double> scales(columns, 0.0);
    for (std::size_t c = 0; c < columns; ++c) {
        double sum = 0;
        double sumSquares = 0;
        std::size_t count = 0;
        for (std::size_t r = 0; r < data.rows; ++r) {
            const double value = data.at(r, c);
            if (model::isMissing(value))
                continue;
            sum += value;
            ++count;
        }
        if (count < 2)
            continue;
        const double mean = sum / double(count);
        for (std::size_t r = 0; r < data.rows; ++r) {
            const double value = data.at(r, c);
            if (!model::isMissing(value))
                sumSquares += (value - mean) * (value - mean);
        }
        const double variance = sumSquares / double(count);
        if (variance > 0)
            scales[c] = 1 / variance;
    }
    return scales;
}

std::vector<bool> categoricalColumns(const model::FeatureMatrix &data)
{
    std::vector<bool> categorical(data.columns());
    for (std::size_t c = 0; c < data.columns(); ++c)
        categorical[c] = data.features[c].kind == model::FeatureKind::Categorical;
    return categorical;
}

// How far apart two values of column c are: the variance-scaled squared difference of numbers,
// 1 for two different category codes (codes have no order, so 0 and 3 are no further apart
// than 0 and 1).
class ColumnGap {
public:
    ColumnGap(std::span<const double> scales, const std::vector<bool> &categorical)
        : m_scales(scales), m_categorical(categorical)
    {
    }

    double operator()(std::size_t c, double a, double b) const
    {
        if (m_categorical[c])
            return a == b ? 0.0 : 1.0;
        return m_scales[c] * (a - b) * (a - b);
    }

private:
    std::span<const double> m_scales;
    const std::vector<bool> &m_categorical;
};

class ScaledDistance {
public:
    explicit ScaledDistance(const ColumnGap &gap) : m_gap(gap) {}

    double operator()(std::span<const double> row, std::span<const double> centre) const
    {
        double sum = 0;
        std::size_t present = 0;
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (model::isMissing(row[c]) || model::isMissing(centre[c]))
                continue;
            sum += m_gap(c, row[c], centre[c]);
            ++present;
        }
        return present == 0 ? 0.0 : sum * double(row.size()) / double(present);
    }

private:
    const ColumnGap &m_gap;
};

std::span<const double> centreOf(const std::vector<double> &centres, std::size_t cluster,
                                 std::size_t columns)
{
    return {centres.data() + cluster * columns, columns};
}

// k-means++: the first centre uniformly, each next one with probability proportional to the
// squared distance to the nearest centre chosen so far.
std::vector<double> seedCentres(const model::FeatureMatrix &data, std::size_t clusters,
                                const ScaledDistance &distance, Random &random)
{
    const std::size_t columns = data.columns();
    std::vector<double> centres;
    const auto addCentre = [&](std::size_t row) {
        const auto values = data.row(row);
        centres.insert(centres.end(), values.begin(), values.end());
    };
    addCentre(std::min(data.rows - 1, std::size_t(random.uniform() * double(data.rows))));
    std::vector<double> nearest(data.rows);
    for (std::size_t r = 0; r < data.rows; ++r)
        nearest[r] = distance(data.row(r), centreOf(centres, 0, columns));
    while (centres.size() / columns < clusters) {
        double total = 0;
        for (double d : nearest)
            total += d;
        if (!(total > 0))
            break; // every row coincides with a centre already
        const std::size_t chosen = random.pick(nearest);
        addCentre(chosen);
        const auto centre = centreOf(centres, centres.size() / columns - 1, columns);
        for (std::size_t r = 0; r < data.rows; ++r)
            nearest[r] = std::min(nearest[r], distance(data.row(r), centre));
    }
    return centres;
}

// Moves every row to its nearest centre (the lowest index on ties); true when any row moved.
bool assignRows(const model::FeatureMatrix &data, Clustering &clustering,
                const ScaledDistance &distance)
{
    bool moved = false;
    const std::size_t columns = data.columns();
    for (std::size_t r = 0; r < data.rows; ++r) {
        std::size_t best = 0;
        double bestDistance = std::numeric_limits<double>::infinity();
        for (std::size_t k = 0; k < clustering.clusters; ++k) {
            const double d = distance(data.row(r), centreOf(clustering.centres, k, columns));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        if (clustering.assignment[r] != best) {
            clustering.assignment[r] = best;
            moved = true;
        }
    }
    return moved;
}

// The most common present code of `column` among the rows of `cluster` (the smallest on ties);
// NaN when they hold none.
double modeCode(const model::FeatureMatrix &data, const Clustering &clustering, std::size_t cluster,
                std::size_t column)
{
    std::vector<std::size_t> counts;
    for (std::size_t r = 0; r < data.rows; ++r) {
        const double code = data.at(r, column);
        if (clustering.assignment[r] != cluster || model::isMissing(code) || code < 0)
            continue;
        const auto index = std::size_t(code);
        if (index >= counts.size())
            counts.resize(index + 1, 0);
        ++counts[index];
    }
    if (counts.empty())
        return std::numeric_limits<double>::quiet_NaN();
    return double(std::max_element(counts.begin(), counts.end()) - counts.begin());
}

// Each centre becomes the mean of its rows' present values, a categorical column their most
// common code; an empty cluster keeps its centre. Returns how far the centres moved: the sum
// of their column gaps.
double updateCentres(const model::FeatureMatrix &data, Clustering &clustering, const ColumnGap &gap,
                     const std::vector<bool> &categorical)
{
    const std::size_t columns = data.columns();
    std::vector<double> sums(clustering.clusters * columns, 0.0);
    std::vector<std::size_t> counts(clustering.clusters * columns, 0);
    clustering.sizes.assign(clustering.clusters, 0);
    for (std::size_t r = 0; r < data.rows; ++r) {
        const std::size_t k = clustering.assignment[r];
        ++clustering.sizes[k];
        for (std::size_t c = 0; c < columns; ++c) {
            const double value = data.at(r, c);
            if (model::isMissing(value))
                continue;
            sums[k * columns + c] += value;
            ++counts[k * columns + c];
        }
    }
    double shift = 0;
    for (std::size_t k = 0; k < clustering.clusters; ++k) {
        if (clustering.sizes[k] == 0)
            continue;
        for (std::size_t c = 0; c < columns; ++c) {
            const std::size_t cell = k * columns + c;
            const double moved = counts[cell] == 0 ? std::numeric_limits<double>::quiet_NaN()
                                 : categorical[c]  ? modeCode(data, clustering, k, c)
                                                   : sums[cell] / double(counts[cell]);
            const double before = clustering.centres[cell];
            if (!model::isMissing(moved) && !model::isMissing(before))
                shift += gap(c, moved, before);
            clustering.centres[cell] = moved;
        }
    }
    return shift;
}

} // namespace

Clustering kMeans(const model::FeatureMatrix &data, std::size_t clusters, std::uint64_t seed,
                  std::size_t maxIterations)
{
    Clustering clustering;
    if (data.rows == 0 || clusters == 0)
        return clustering;
    const std::vector<double> scales = columnScales(data);
    const std::vector<bool> categorical = categoricalColumns(data);
    const ColumnGap gap(scales, categorical);
    const ScaledDistance distance(gap);
    Random random(seed);
    clustering.centres = seedCentres(data, clusters, distance, random);
    clustering.clusters = data.columns() == 0 ? 1 : clustering.centres.size() / data.columns();
    clustering.assignment.assign(data.rows, clustering.clusters); // no cluster yet
    for (std::size_t iteration = 0; iteration < maxIterations; ++iteration) {
        if (!assignRows(data, clustering, distance))
            break;
        // Scaled columns have variance 1, so this is scikit-learn's tol = 1e-4 on the shift.
        if (updateCentres(data, clustering, gap, categorical) <= kShiftTolerance)
            break;
    }
    if (clustering.sizes.empty()) { // no iteration allowed: the seeds' clusters
        assignRows(data, clustering, distance);
        updateCentres(data, clustering, gap, categorical);
    }
    return clustering;
}

} // namespace assay::explain
