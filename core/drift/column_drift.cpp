#include "drift/column_drift.h"

#include "drift/chi_square.h"
#include "drift/histogram.h"
#include "drift/jensen_shannon.h"
#include "drift/ks_test.h"
#include "drift/linf.h"
#include "drift/psi.h"
#include "drift/test_selection.h"
#include "drift/wasserstein.h"
#include "drift/z_test.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>

namespace assay::drift {

using table::ColumnType;

namespace {

std::uint64_t distinctSorted(const std::vector<double> &sorted)
{
    std::uint64_t distinct = 0;
    for (std::size_t i = 0; i < sorted.size(); ++i)
        distinct += (i == 0 || sorted[i] != sorted[i - 1]);
    return distinct;
}

std::uint64_t distinctUnion(const std::vector<double> &a, const std::vector<double> &b)
{
    std::uint64_t distinct = 0;
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        const double x = i == a.size() ? b[j] : j == b.size() ? a[i] : std::min(a[i], b[j]);
        while (i < a.size() && a[i] == x)
            ++i;
        while (j < b.size() && b[j] == x)
            ++j;
        ++distinct;
    }
    return distinct;
}

// Distinct values of both ascending samples as categories, in ascending order.
CategoryCounts countNumbers(const std::vector<double> &a, const std::vector<double> &b, ColumnType type)
{
    CategoryCounts counts;
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        const double x = i == a.size() ? b[j] : j == b.size() ? a[i] : std::min(a[i], b[j]);
        std::uint64_t inA = 0, inB = 0;
        for (; i < a.size() && a[i] == x; ++i)
            ++inA;
        for (; j < b.size() && b[j] == x; ++j)
            ++inB;
        counts.labels.push_back(numberLabel(x, type));
        counts.reference.push_back(inA);
        counts.current.push_back(inB);
    }
    return counts;
}

CategoryCounts countCategories(const ColumnSample &a, const ColumnSample &b)
{
    std::map<std::string, std::pair<std::uint64_t, std::uint64_t>> merged;
    for (const auto &[label, count] : a.categories())
        merged[label].first += count;
    for (const auto &[label, count] : b.categories())
        merged[label].second += count;
    CategoryCounts counts;
    for (const auto &[label, both] : merged) {
        counts.labels.push_back(label);
        counts.reference.push_back(both.first);
        counts.current.push_back(both.second);
    }
    return counts;
}

DriftDistribution categoryDistribution(const CategoryCounts &counts)
{
    std::vector<std::size_t> order(counts.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return counts.reference[x] + counts.current[x] > counts.reference[y] + counts.current[y];
    });
    DriftDistribution d;
    d.kind = DriftDistribution::Kind::Categories;
    const bool folds = order.size() > kDistributionCategories;
    const std::size_t shown = folds ? kDistributionCategories - 1 : order.size();
    for (std::size_t k = 0; k < shown; ++k) {
        d.categories.push_back(counts.labels[order[k]]);
        d.reference.push_back(counts.reference[order[k]]);
        d.current.push_back(counts.current[order[k]]);
    }
    if (folds) {
        std::uint64_t ref = 0, cur = 0;
        for (std::size_t k = shown; k < order.size(); ++k) {
            ref += counts.reference[order[k]];
            cur += counts.current[order[k]];
        }
        d.categories.emplace_back("(other)");
        d.reference.push_back(ref);
        d.current.push_back(cur);
        d.otherCategories = order.size() - shown;
    }
    return d;
}

std::string formatNumber(const char *format, double value)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

// The column's values as both kinds of comparison need them, computed once.
struct Prepared {
    bool numeric = false;
    ColumnFacts facts;
    const std::vector<double> *ref = nullptr; // ascending (numeric only)
    const std::vector<double> *cur = nullptr;
    std::optional<CategoryCounts> categories;
    std::vector<double> edges; // shared 30-bin edges (numeric only)
    ColumnType type = ColumnType::Float;

    const CategoryCounts &counts(const ColumnSample &a, const ColumnSample &b)
    {
        if (!categories)
            categories = numeric ? countNumbers(*ref, *cur, type) : countCategories(a, b);
        return *categories;
    }
};

ColumnType widened(const ColumnSample &a, const ColumnSample &b)
{
    if (!a.type())
        return b.type().value_or(ColumnType::Float);
    if (!b.type() || *a.type() == *b.type())
        return *a.type();
    if (a.isNumeric() && b.isNumeric())
        return ColumnType::Float;
    return ColumnType::String;
}

void runTest(ColumnDrift &out, Prepared &p, ColumnSample &ref, ColumnSample &cur)
{
    const bool asCategories = comparedAsCategories(p.facts);
    switch (out.test) {
    case DriftTest::Ks: {
        const KsResult ks = ksTwoSample(*p.ref, *p.cur);
        out.statistic = ks.statistic;
        out.pValue = ks.pValue;
        out.detail = ks.exact ? "exact p" : "asymptotic p";
        return;
    }
    case DriftTest::Wasserstein: {
        const double std = populationStd(*p.ref);
        out.statistic = wassersteinDistance(*p.ref, *p.cur) / std::max(std, 0.001);
        constexpr double kNanosecondsPerDay = 86'400e9;
        out.detail = p.type == ColumnType::Datetime
                         ? "distance / reference std " + formatNumber("%.4g", std / kNanosecondsPerDay) + " days"
                         : "distance / reference std " + formatNumber("%.6g", std);
        return;
    }
    case DriftTest::ChiSquare:
    case DriftTest::Z:
    case DriftTest::Linf: {
        const CategoryCounts &counts = p.counts(ref, cur);
        const CategoryTestResult result = out.test == DriftTest::ChiSquare ? chiSquareTest(counts)
                                          : out.test == DriftTest::Z        ? twoProportionZTest(counts)
                                                                            : linfDistance(counts);
        out.statistic = result.statistic;
        if (out.test != DriftTest::Linf && !std::isnan(result.pValue))
            out.pValue = result.pValue;
        out.detail = result.detail;
        return;
    }
    case DriftTest::JensenShannon:
        if (asCategories) {
            const CategoryCounts &counts = p.counts(ref, cur);
            out.statistic = jensenShannonDistance(counts.reference, counts.current);
            out.detail = std::to_string(counts.size()) + " categories";
        } else {
            out.statistic = jensenShannonDistance(histogramCounts(*p.ref, p.edges), histogramCounts(*p.cur, p.edges));
            out.detail = std::to_string(kHistogramBins) + " equal-width bins";
        }
        return;
    case DriftTest::Psi:
        if (asCategories) {
            const CategoryCounts &counts = p.counts(ref, cur);
            out.statistic = populationStabilityIndex(counts.reference, counts.current);
            out.detail = std::to_string(counts.size()) + " categories";
        } else {
            const auto edges = psiDecileEdges(*p.ref);
            out.statistic = populationStabilityIndex(countsAtMostEdges(*p.ref, edges),
                                                     countsAtMostEdges(*p.cur, edges));
            out.detail = "reference deciles";
        }
        return;
    default:
        return;
    }
}

// Why `test` cannot run on this column, or empty when it can.
std::string notApplicable(DriftTest test, const Prepared &p)
{
    if ((test == DriftTest::Ks || test == DriftTest::Wasserstein) && !p.numeric)
        return std::string(testName(test)) + " needs numbers";
    if (test == DriftTest::Z && p.facts.unionDistinct > 2)
        return "z needs at most two values, found " + std::to_string(p.facts.unionDistinct);
    return {};
}

} // namespace

ColumnDrift compareColumn(ColumnSample &reference, ColumnSample &current, const DriftOptions &options)
{
    ColumnDrift out;
    out.name = reference.name();
    out.type = widened(reference, current);
    out.referenceMissingShare = reference.rows() ? double(reference.missing()) / double(reference.rows()) : 0.0;
    out.currentMissingShare = current.rows() ? double(current.missing()) / double(current.rows()) : 0.0;
    out.referenceValues = reference.values();
    out.currentValues = current.values();
    if (reference.values() == 0 || current.values() == 0) {
        out.detail = reference.values() == 0 && current.values() == 0 ? "no values on either side"
                     : reference.values() == 0                        ? "no values in the reference"
                                                                      : "no values in current";
        return out;
    }

    Prepared p;
    p.type = out.type;
    p.numeric = reference.isNumeric() && current.isNumeric();
    p.facts.numeric = p.numeric;
    p.facts.referenceValues = reference.values();
    if (p.numeric) {
        // Per-thread buffers: sorting column after column reuses the same pages.
        thread_local std::vector<double> referenceNumbers, currentNumbers;
        if (const auto *kept = reference.keptNumbers()) {
            p.ref = kept;
        } else {
            reference.takeSortedNumbers(referenceNumbers);
            p.ref = &referenceNumbers;
        }
        current.takeSortedNumbers(currentNumbers);
        p.cur = &currentNumbers;
        p.facts.referenceDistinct = distinctSorted(*p.ref);
        p.facts.unionDistinct = distinctUnion(*p.ref, *p.cur);
        if (!comparedAsCategories(p.facts)) {
            p.edges = equalWidthEdges(std::min(p.ref->front(), p.cur->front()),
                                      std::max(p.ref->back(), p.cur->back()));
        }
    } else {
        p.facts.referenceDistinct = reference.categories().size();
        p.facts.unionDistinct = p.counts(reference, current).size();
    }

    const DriftTest test = options.test == DriftTest::Auto ? chooseTest(p.facts) : options.test;
    out.threshold = options.threshold.value_or(defaultThreshold(test));
    if (const std::string reason = notApplicable(test, p); !reason.empty()) {
        out.detail = reason;
    } else {
        out.test = test;
        runTest(out, p, reference, current);
        out.drifted = usesPValue(test) ? out.pValue && *out.pValue < out.threshold
                                       : out.statistic >= out.threshold;
    }

    if (comparedAsCategories(p.facts)) {
        out.distribution = categoryDistribution(p.counts(reference, current));
    } else {
        out.distribution.kind = DriftDistribution::Kind::Histogram;
        out.distribution.edges = p.edges;
        out.distribution.reference = histogramCounts(*p.ref, p.edges);
        out.distribution.current = histogramCounts(*p.cur, p.edges);
    }
    return out;
}

} // namespace assay::drift
