#include "data/profile_distribution.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

namespace assay::ui {

namespace {

using stats::ColumnProfile;

constexpr std::size_t kMaxCategories = 12;

// Spreads each bin of `histogram` evenly over the `edges` it overlaps.
std::vector<double> rebinned(const stats::Histogram &histogram, const std::vector<double> &edges)
{
    std::vector<double> counts(edges.size() - 1, 0.0);
    const auto &from = histogram.edges;
    for (std::size_t b = 0; b + 1 < from.size() && b < histogram.counts.size(); ++b) {
        const double lo = from[b], hi = from[b + 1], count = double(histogram.counts[b]);
        if (count == 0)
            continue;
        for (std::size_t t = 0; t + 1 < edges.size(); ++t) {
            if (hi <= lo) { // a degenerate bin: all of it where its value falls
                if (lo >= edges[t] && (lo < edges[t + 1] || t + 2 == edges.size())) {
                    counts[t] += count;
                    break;
                }
                continue;
            }
            const double overlap = std::min(hi, edges[t + 1]) - std::max(lo, edges[t]);
            if (overlap > 0)
                counts[t] += count * overlap / (hi - lo);
        }
    }
    return counts;
}

std::vector<double> histogramCounts(const stats::Histogram &histogram)
{
    return {histogram.counts.begin(), histogram.counts.end()};
}

DistributionData numericDistribution(const ColumnProfile &column, const QString &name,
                                     const ColumnProfile *other, const QString &otherName)
{
    DistributionData data;
    data.valueTitle = QString::fromStdString(column.name);
    const bool hasOther = other && !other->histogram.edges.empty();
    if (column.histogram.edges.empty() && !hasOther)
        return data;
    if (!hasOther) {
        data.edges = column.histogram.edges;
        data.series.push_back({name, histogramCounts(column.histogram)});
        return data;
    }
    if (column.histogram.edges.empty()) {
        data.edges = other->histogram.edges;
        data.series.push_back({name, std::vector<double>(data.edges.size() - 1, 0.0)});
        data.series.push_back({otherName, histogramCounts(other->histogram)});
        return data;
    }
    const double lo = std::min(column.histogram.edges.front(), other->histogram.edges.front());
    const double hi = std::max(column.histogram.edges.back(), other->histogram.edges.back());
    const std::size_t bins = stats::kHistogramBins;
    for (std::size_t i = 0; i <= bins; ++i)
        data.edges.push_back(i == bins ? hi : lo + (hi - lo) * double(i) / double(bins));
    if (hi <= lo) { // both constant at the same value
        data.edges = column.histogram.edges;
        data.series.push_back({name, histogramCounts(column.histogram)});
        data.series.push_back({otherName, histogramCounts(other->histogram)});
        return data;
    }
    data.series.push_back({name, rebinned(column.histogram, data.edges)});
    data.series.push_back({otherName, rebinned(other->histogram, data.edges)});
    return data;
}

std::map<std::string, double> topCounts(const ColumnProfile &column)
{
    std::map<std::string, double> counts;
    for (const auto &top : column.top)
        counts[top.value] = double(top.count);
    return counts;
}

DistributionData categoricalDistribution(const ColumnProfile &column, const QString &name,
                                         const ColumnProfile *other, const QString &otherName)
{
    DistributionData data;
    data.valueTitle = QString::fromStdString(column.name);
    std::vector<const ColumnProfile *> sides{&column};
    if (other)
        sides.push_back(other);
    // Most frequent first, by the larger share on either side.
    std::map<std::string, double> weight;
    for (const ColumnProfile *side : sides)
        for (const auto &top : side->top)
            weight[top.value] = std::max(weight[top.value],
                                         side->count ? double(top.count) / double(side->count) : 0.0);
    std::vector<std::pair<std::string, double>> ordered(weight.begin(), weight.end());
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    if (ordered.size() > kMaxCategories)
        ordered.resize(kMaxCategories);
    for (const auto &[value, share] : ordered)
        data.categories << QString::fromStdString(value);

    bool anyOther = false;
    std::vector<std::vector<double>> counts;
    for (const ColumnProfile *side : sides) {
        const auto known = topCounts(*side);
        std::vector<double> row;
        double listed = 0;
        for (const auto &[value, share] : ordered) {
            const auto it = known.find(value);
            row.push_back(it == known.end() ? 0.0 : it->second);
            listed += row.back();
        }
        row.push_back(std::max(0.0, double(side->count) - listed));
        anyOther = anyOther || row.back() > 0;
        counts.push_back(std::move(row));
    }
    if (anyOther)
        data.categories << QObject::tr("(other)");
    else
        for (auto &row : counts)
            row.pop_back();
    data.series.push_back({name, std::move(counts[0])});
    if (other)
        data.series.push_back({otherName, std::move(counts[1])});
    return data;
}

} // namespace

bool isNumericProfile(const stats::ColumnProfile &column)
{
    using table::ColumnType;
    return column.type == ColumnType::Int || column.type == ColumnType::Float ||
           column.type == ColumnType::Datetime;
}

DistributionData columnDistribution(const stats::ColumnProfile &column, const QString &name,
                                    const stats::ColumnProfile *other, const QString &otherName)
{
    return isNumericProfile(column) ? numericDistribution(column, name, other, otherName)
                                    : categoricalDistribution(column, name, other, otherName);
}

double distributionDistance(const DistributionData &data)
{
    if (data.series.size() < 2)
        return std::numeric_limits<double>::quiet_NaN();
    const auto &a = data.series[0].counts;
    const auto &b = data.series[1].counts;
    const double totalA = std::accumulate(a.begin(), a.end(), 0.0);
    const double totalB = std::accumulate(b.begin(), b.end(), 0.0);
    if (totalA <= 0 || totalB <= 0 || a.size() != b.size())
        return std::numeric_limits<double>::quiet_NaN();
    double divergence = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double p = a[i] / totalA, q = b[i] / totalB, m = (p + q) / 2;
        if (p > 0)
            divergence += 0.5 * p * std::log2(p / m);
        if (q > 0)
            divergence += 0.5 * q * std::log2(q / m);
    }
    return std::sqrt(std::max(0.0, divergence));
}

} // namespace assay::ui
