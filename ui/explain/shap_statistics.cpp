#include "explain/shap_statistics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace assay::ui {

namespace {

// |Pearson correlation| of the pairs whose both values are present; 0 with fewer than 3.
double absoluteCorrelation(const std::vector<double> &a, const std::vector<double> &b,
                           std::size_t begin, std::size_t end,
                           const std::vector<std::size_t> &order)
{
    double n = 0, sumA = 0, sumB = 0;
    for (std::size_t i = begin; i < end; ++i) {
        const std::size_t row = order[i];
        if (std::isnan(a[row]) || std::isnan(b[row]))
            continue;
        n += 1;
        sumA += a[row];
        sumB += b[row];
    }
    if (n < 3)
        return 0;
    const double meanA = sumA / n, meanB = sumB / n;
    double covariance = 0, varianceA = 0, varianceB = 0;
    for (std::size_t i = begin; i < end; ++i) {
        const std::size_t row = order[i];
        if (std::isnan(a[row]) || std::isnan(b[row]))
            continue;
        covariance += (a[row] - meanA) * (b[row] - meanB);
        varianceA += (a[row] - meanA) * (a[row] - meanA);
        varianceB += (b[row] - meanB) * (b[row] - meanB);
    }
    if (varianceA <= 0 || varianceB <= 0)
        return 0;
    return std::abs(covariance / std::sqrt(varianceA * varianceB));
}

std::optional<std::size_t> strongestFromMatrix(const std::vector<double> &strength,
                                               std::size_t features, std::size_t output,
                                               std::size_t feature)
{
    const double *matrix = strength.data() + output * features * features;
    std::optional<std::size_t> best;
    for (std::size_t other = 0; other < features; ++other) {
        if (other != feature &&
            (!best || matrix[feature * features + other] > matrix[feature * features + *best]))
            best = other;
    }
    return best;
}

} // namespace

std::vector<double> meanAbsoluteShap(const explain::ShapValues &shap, std::size_t output)
{
    std::vector<double> means(shap.features, 0.0);
    if (shap.rows == 0)
        return means;
    for (std::size_t row = 0; row < shap.rows; ++row) {
        const auto values = shap.of(row, output);
        for (std::size_t feature = 0; feature < shap.features; ++feature)
            means[feature] += std::abs(values[feature]);
    }
    for (double &mean : means)
        mean /= double(shap.rows);
    return means;
}

std::vector<std::size_t> featuresByImportance(const std::vector<double> &importance)
{
    std::vector<std::size_t> order(importance.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&importance](std::size_t a, std::size_t b) {
        return importance[a] > importance[b];
    });
    return order;
}

std::vector<double> shapColumn(const explain::ShapValues &shap, std::size_t output,
                               std::size_t feature)
{
    std::vector<double> column(shap.rows);
    for (std::size_t row = 0; row < shap.rows; ++row)
        column[row] = shap.of(row, output)[feature];
    return column;
}

std::vector<double> featureColumn(const model::FeatureMatrix &x, std::size_t feature)
{
    std::vector<double> column(x.rows);
    for (std::size_t row = 0; row < x.rows; ++row)
        column[row] = x.at(row, feature);
    return column;
}

std::optional<std::size_t> strongestInteraction(const explain::ShapExplanation &explanation,
                                                std::size_t output, std::size_t feature)
{
    const std::size_t features = explanation.values.features;
    if (features < 2 || feature >= features)
        return std::nullopt;
    if (explanation.interactionStrength.size() == explanation.values.outputs * features * features)
        return strongestFromMatrix(explanation.interactionStrength, features, output, feature);

    const std::vector<double> values = featureColumn(explanation.x, feature);
    const std::vector<double> shap = shapColumn(explanation.values, output, feature);
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&values](std::size_t a, std::size_t b) {
        // Missing values last, so the bins of present values stay contiguous.
        if (std::isnan(values[a]) || std::isnan(values[b]))
            return !std::isnan(values[a]) && std::isnan(values[b]);
        return values[a] < values[b];
    });
    const std::size_t binSize =
        std::max<std::size_t>(10, std::size_t(std::sqrt(double(order.size()))));
    std::optional<std::size_t> best;
    double bestScore = -1;
    for (std::size_t other = 0; other < features; ++other) {
        if (other == feature)
            continue;
        const std::vector<double> otherValues = featureColumn(explanation.x, other);
        double score = 0;
        for (std::size_t begin = 0; begin < order.size(); begin += binSize)
            score += absoluteCorrelation(shap, otherValues, begin,
                                         std::min(order.size(), begin + binSize), order);
        if (score > bestScore) {
            bestScore = score;
            best = other;
        }
    }
    return best;
}

} // namespace assay::ui
