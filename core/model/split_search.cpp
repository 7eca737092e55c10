#include "model/split_search.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace assay::model::cart {

namespace {

void addTo(std::span<double> into, std::span<const double> stats)
{
    for (std::size_t i = 0; i < into.size(); ++i)
        into[i] += stats[i];
}

// Scores the partition {left, right} of the node's rows that have a value, sending the rows
// without one (`missing`) to either side, and keeps it in `best` when it beats it.
class SplitScorer {
public:
    SplitScorer(const SplitProblem &problem, std::span<const double> parentStats,
                std::span<const double> missing, double minLeafWeight, double minGain)
        : m_problem(problem), m_missing(missing), m_parentCost(problem.cost(parentStats)),
          m_minLeafWeight(std::max(minLeafWeight, std::numeric_limits<double>::min())),
          m_bestGain(minGain), m_left(problem.width()), m_right(problem.width())
    {
    }

    bool hasMissing() const { return m_missing[0] > 0; }

    // Tries the partition; `split` holds the feature and threshold.
    void offer(std::span<const double> left, std::span<const double> right, Split split,
               std::optional<Split> &best)
    {
        if (!hasMissing()) {
            split.defaultLeft = left[0] >= right[0];
            consider(left, right, split, best);
            return;
        }
        for (const bool missingLeft : {true, false}) {
            std::copy(left.begin(), left.end(), m_left.begin());
            std::copy(right.begin(), right.end(), m_right.begin());
            addTo(missingLeft ? std::span<double>(m_left) : std::span<double>(m_right), m_missing);
            split.defaultLeft = missingLeft;
            consider(m_left, m_right, split, best);
        }
    }

    // Only the rows with a value left, the missing ones right.
    void offerMissingApart(std::span<const double> present, Split split, std::optional<Split> &best)
    {
        split.defaultLeft = false;
        consider(present, m_missing, split, best);
    }

private:
    void consider(std::span<const double> left, std::span<const double> right, const Split &split,
                  std::optional<Split> &best)
    {
        if (left[0] < m_minLeafWeight || right[0] < m_minLeafWeight)
            return;
        const double gain = m_parentCost - m_problem.cost(left) - m_problem.cost(right);
        if (!(gain > m_bestGain))
            return;
        m_bestGain = gain;
        best = split;
        best->gain = gain;
    }

    const SplitProblem &m_problem;
    std::span<const double> m_missing;
    double m_parentCost;
    double m_minLeafWeight;
    double m_bestGain;
    std::vector<double> m_left, m_right;
};

// A float threshold t with low < t <= high, so that `x < t` separates the two values exactly:
// the midpoint when float can hold one, else high itself.
float thresholdBetween(float low, float high)
{
    const auto middle = static_cast<float>((static_cast<double>(low) + high) / 2);
    return low < middle && middle <= high ? middle : high;
}

std::optional<Split> bestNumericSplit(const SplitProblem &problem, std::span<const float> column,
                                      std::size_t feature, std::span<const std::uint32_t> rows,
                                      std::span<const double> parentStats, double minLeafWeight,
                                      double minGain, SplitScratch &scratch)
{
    const std::size_t width = problem.width();
    std::vector<double> missing(width), present(width), left(width), right(width);
    auto &sorted = scratch.sorted;
    sorted.clear();
    for (const std::uint32_t row : rows) {
        const float value = column[row];
        if (std::isnan(value))
            problem.add(row, missing);
        else
            sorted.emplace_back(value, row);
    }
    if (sorted.empty())
        return std::nullopt;
    std::sort(sorted.begin(), sorted.end());
    for (const auto &[value, row] : sorted)
        problem.add(row, present);

    SplitScorer scorer(problem, parentStats, missing, minLeafWeight, minGain);
    std::optional<Split> best;
    Split split{feature, false, 0, true, 0};
    for (std::size_t i = 0; i + 1 < sorted.size(); ++i) {
        problem.add(sorted[i].second, left);
        if (sorted[i + 1].first == sorted[i].first)
            continue;
        for (std::size_t k = 0; k < width; ++k)
            right[k] = present[k] - left[k];
        split.threshold = thresholdBetween(sorted[i].first, sorted[i + 1].first);
        scorer.offer(left, right, split, best);
    }
    const float largest = sorted.back().first;
    if (scorer.hasMissing() && largest < std::numeric_limits<float>::infinity()) {
        split.threshold = std::nextafter(largest, std::numeric_limits<float>::infinity());
        scorer.offerMissingApart(present, split, best);
    }
    return best;
}

std::optional<Split> bestCategoricalSplit(const SplitProblem &problem,
                                          std::span<const float> column, std::size_t categories,
                                          std::size_t feature, std::span<const std::uint32_t> rows,
                                          std::span<const double> parentStats,
                                          double minLeafWeight, double minGain,
                                          SplitScratch &scratch)
{
    const std::size_t width = problem.width();
    std::vector<double> missing(width), present(width), right(width);
    auto &perCategory = scratch.stats;
    perCategory.assign(categories * width, 0.0);
    for (const std::uint32_t row : rows) {
        const float value = column[row];
        if (std::isnan(value)) {
            problem.add(row, missing);
            continue;
        }
        const auto code = static_cast<std::size_t>(value);
        problem.add(row, std::span<double>(perCategory).subspan(code * width, width));
        problem.add(row, present);
    }
    SplitScorer scorer(problem, parentStats, missing, minLeafWeight, minGain);
    std::optional<Split> best;
    for (std::size_t code = 0; code < categories; ++code) {
        const auto left = std::span<const double>(perCategory).subspan(code * width, width);
        if (left[0] <= 0)
            continue;
        for (std::size_t k = 0; k < width; ++k)
            right[k] = present[k] - left[k];
        scorer.offer(left, right, Split{feature, true, static_cast<float>(code), true, 0}, best);
    }
    return best;
}

} // namespace

SplitColumns SplitColumns::from(const FeatureMatrix &x)
{
    SplitColumns columns;
    columns.rows = x.rows;
    const std::size_t count = x.columns();
    columns.values.assign(count, std::vector<float>(x.rows));
    columns.categorical.resize(count);
    columns.categoryCounts.resize(count);
    for (std::size_t f = 0; f < count; ++f) {
        columns.categorical[f] = x.features[f].kind == FeatureKind::Categorical;
        std::size_t codes = x.features[f].categories.size();
        for (std::size_t row = 0; row < x.rows; ++row) {
            double value = x.at(row, f);
            // A categorical value that is no code cannot match a split: treat it as missing.
            if (columns.categorical[f] && !(value >= 0 && value == std::floor(value) && value < 1e6))
                value = std::numeric_limits<double>::quiet_NaN();
            columns.values[f][row] = static_cast<float>(value);
            if (columns.categorical[f] && !std::isnan(value))
                codes = std::max(codes, static_cast<std::size_t>(value) + 1);
        }
        columns.categoryCounts[f] = codes;
    }
    return columns;
}

void SplitProblem::add(std::uint32_t row, std::span<double> stats) const
{
    const double weight = weights[row];
    stats[0] += weight;
    if (classCount == 0)
        stats[1] += weight * y[row];
    else
        stats[1 + static_cast<std::size_t>(y[row])] += weight;
}

double SplitProblem::cost(std::span<const double> stats) const
{
    const double weight = stats[0];
    if (weight <= 0)
        return 0;
    switch (criterion) {
    case Criterion::SquaredError:
        return -stats[1] * stats[1] / weight;
    case Criterion::Gini: {
        double squares = 0;
        for (std::size_t k = 1; k < stats.size(); ++k)
            squares += stats[k] * stats[k];
        return weight - squares / weight;
    }
    case Criterion::Entropy: {
        double entropy = 0;
        for (std::size_t k = 1; k < stats.size(); ++k)
            if (stats[k] > 0)
                entropy -= stats[k] * std::log(stats[k] / weight);
        return entropy;
    }
    }
    return 0;
}

std::optional<Split> bestSplit(const SplitProblem &problem, const SplitColumns &columns,
                               std::size_t feature, std::span<const std::uint32_t> rows,
                               std::span<const double> parentStats, double minLeafWeight,
                               double minGain, SplitScratch &scratch)
{
    const auto &column = columns.values[feature];
    if (columns.categorical[feature])
        return bestCategoricalSplit(problem, column, columns.categoryCounts[feature], feature,
                                    rows, parentStats, minLeafWeight, minGain, scratch);
    return bestNumericSplit(problem, column, feature, rows, parentStats, minLeafWeight, minGain,
                            scratch);
}

} // namespace assay::model::cart
