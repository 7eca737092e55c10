#include "govern/private_stats.h"

#include "table/table.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace assay::govern {

namespace {

constexpr int kMaxBins = 10000;

std::string number(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

QJsonArray numbers(const std::vector<double> &values)
{
    QJsonArray array;
    for (double value : values)
        array.append(value);
    return array;
}

Result<const table::Column *> numericColumn(const table::Table &data, const std::string &name,
                                            std::string_view dataName)
{
    const auto index = data.indexOf(name);
    if (!index)
        return Error::invalidInput(std::string(dataName) + ": no column '" + name + "'");
    const table::Column &column = data.column(*index);
    if (column.type() != table::ColumnType::Int && column.type() != table::ColumnType::Float &&
        column.type() != table::ColumnType::Bool)
        return Error::invalidInput(std::string(dataName) + ": column '" + name + "' is " +
                                   std::string(table::typeName(column.type())) + ", not numeric");
    return &column;
}

// Adds noise to `exact` (one value per coordinate) and records the part.
Result<std::vector<double>> noisy(const std::vector<double> &exact, NoisyPart part,
                                  NoiseMechanism mechanism, Random &random,
                                  std::vector<NoisyPart> &parts)
{
    auto scale =
        noiseScale(mechanism, part.l1Sensitivity, part.l2Sensitivity, part.epsilon, part.delta);
    if (!scale)
        return scale.error();
    part.noiseScale = *scale;
    std::vector<double> released = exact;
    for (double &value : released)
        value += sampleNoise(mechanism, random, part.noiseScale);
    parts.push_back(std::move(part));
    return released;
}

Result<std::vector<double>> releaseCount(const table::Table &data,
                                         const PrivateStatRequest &request, Random &random,
                                         std::string_view dataName, PrivateStatResult &result)
{
    double count = static_cast<double>(data.rowCount());
    if (!request.column.empty()) {
        const auto index = data.indexOf(request.column);
        if (!index)
            return Error::invalidInput(std::string(dataName) + ": no column '" + request.column +
                                       "'");
        count -= static_cast<double>(data.column(*index).missingCount());
    }
    return noisy({count},
                 {.name = "count",
                  .epsilon = request.epsilon,
                  .delta = request.delta,
                  .l1Sensitivity = 1,
                  .l2Sensitivity = 1,
                  .noiseScale = 0},
                 request.mechanism, random, result.parts);
}

Result<std::vector<double>> releaseHistogram(const table::Table &data,
                                             const PrivateStatRequest &request, Random &random,
                                             std::string_view dataName, PrivateStatResult &result)
{
    auto column = numericColumn(data, request.column, dataName);
    if (!column)
        return column.error();
    const double lower = *request.lower;
    const double upper = *request.upper;
    const double width = (upper - lower) / request.bins;
    for (int edge = 0; edge <= request.bins; ++edge)
        result.binEdges.push_back(edge == request.bins ? upper : lower + width * edge);
    std::vector<double> counts(static_cast<std::size_t>(request.bins), 0.0);
    for (std::size_t row = 0; row < (*column)->size(); ++row) {
        const double value = (*column)->numeric(row);
        if (std::isnan(value) || value < lower || value > upper)
            continue;
        const auto bin =
            std::min(static_cast<std::size_t>((value - lower) / width), counts.size() - 1);
        counts[bin] += 1;
    }
    return noisy(counts,
                 {.name = "counts",
                  .epsilon = request.epsilon,
                  .delta = request.delta,
                  .l1Sensitivity = 1,
                  .l2Sensitivity = 1,
                  .noiseScale = 0},
                 request.mechanism, random, result.parts);
}

Result<std::vector<double>> releaseMean(const table::Table &data, const PrivateStatRequest &request,
                                        Random &random, std::string_view dataName,
                                        PrivateStatResult &result)
{
    auto column = numericColumn(data, request.column, dataName);
    if (!column)
        return column.error();
    const double lower = *request.lower;
    const double upper = *request.upper;
    const double middle = lower + (upper - lower) / 2;
    double centredSum = 0;
    double count = 0;
    for (std::size_t row = 0; row < (*column)->size(); ++row) {
        const double value = (*column)->numeric(row);
        if (std::isnan(value))
            continue;
        centredSum += std::clamp(value, lower, upper) - middle;
        count += 1;
    }
    const double halfEpsilon = request.epsilon / 2;
    const double halfDelta = request.delta / 2;
    const double halfRange = (upper - lower) / 2;
    auto sum = noisy({centredSum},
                     {.name = "sum",
                      .epsilon = halfEpsilon,
                      .delta = halfDelta,
                      .l1Sensitivity = halfRange,
                      .l2Sensitivity = halfRange,
                      .noiseScale = 0},
                     request.mechanism, random, result.parts);
    if (!sum)
        return sum.error();
    auto noisyCount = noisy({count},
                            {.name = "count",
                             .epsilon = halfEpsilon,
                             .delta = halfDelta,
                             .l1Sensitivity = 1,
                             .l2Sensitivity = 1,
                             .noiseScale = 0},
                            request.mechanism, random, result.parts);
    if (!noisyCount)
        return noisyCount.error();
    result.noisyCount = noisyCount->front();
    const double mean = middle + sum->front() / std::max(result.noisyCount, 1.0);
    return std::vector<double>{std::clamp(mean, lower, upper)};
}

} // namespace

std::string_view statisticName(PrivateStatistic statistic)
{
    switch (statistic) {
    case PrivateStatistic::Count:
        return "count";
    case PrivateStatistic::Histogram:
        return "histogram";
    case PrivateStatistic::Mean:
        return "mean";
    }
    return "count";
}

Result<PrivateStatistic> parseStatistic(std::string_view text)
{
    for (auto statistic :
         {PrivateStatistic::Count, PrivateStatistic::Histogram, PrivateStatistic::Mean})
        if (text == statisticName(statistic))
            return statistic;
    return Error::invalidInput("statistic '" + std::string(text) +
                               "': expected count, histogram or mean");
}

double PrivateStatResult::recordedSensitivity() const
{
    if (parts.empty())
        return 0;
    return mechanism == NoiseMechanism::Laplace ? parts.front().l1Sensitivity
                                                : parts.front().l2Sensitivity;
}

Status checkPrivateStatRequest(const PrivateStatRequest &request)
{
    ASSAY_TRY(checkPrivacyParameters(request.mechanism, request.epsilon, request.delta));
    if (request.statistic == PrivateStatistic::Count)
        return {};
    const std::string name(statisticName(request.statistic));
    if (request.column.empty())
        return Error::invalidInput(name + ": give the column");
    if (!request.lower || !request.upper)
        return Error::invalidInput(
            name + " of '" + request.column +
            "': give both bounds (lower and upper); they must not come from the data");
    if (!std::isfinite(*request.lower) || !std::isfinite(*request.upper) ||
        *request.lower >= *request.upper)
        return Error::invalidInput(name + " of '" + request.column + "': lower bound " +
                                   number(*request.lower) + " must be less than upper bound " +
                                   number(*request.upper));
    if (request.statistic == PrivateStatistic::Histogram &&
        (request.bins < 1 || request.bins > kMaxBins))
        return Error::invalidInput("histogram of '" + request.column +
                                   "': " + std::to_string(request.bins) + " bins; expected 1 to " +
                                   std::to_string(kMaxBins));
    return {};
}

Result<PrivateStatResult> computePrivateStatistic(const table::Table &data,
                                                  const PrivateStatRequest &request, Random &random,
                                                  std::string_view dataName)
{
    ASSAY_TRY(checkPrivateStatRequest(request));
    PrivateStatResult result{.statistic = request.statistic,
                             .column = request.column,
                             .mechanism = request.mechanism,
                             .epsilon = request.epsilon,
                             .delta = request.delta,
                             .parts = {},
                             .values = {},
                             .binEdges = {},
                             .lower = request.lower.value_or(0),
                             .upper = request.upper.value_or(0),
                             .noisyCount = std::numeric_limits<double>::quiet_NaN(),
                             .seeded = request.seed.has_value()};
    Result<std::vector<double>> values = std::vector<double>{};
    switch (request.statistic) {
    case PrivateStatistic::Count:
        values = releaseCount(data, request, random, dataName, result);
        break;
    case PrivateStatistic::Histogram:
        values = releaseHistogram(data, request, random, dataName, result);
        break;
    case PrivateStatistic::Mean:
        values = releaseMean(data, request, random, dataName, result);
        break;
    }
    if (!values)
        return values.error();
    result.values = std::move(*values);
    return result;
}

QJsonObject privateStatResultToJson(const PrivateStatResult &result)
{
    QJsonObject json{
        {QStringLiteral("statistic"), QString::fromUtf8(statisticName(result.statistic))},
        {QStringLiteral("column"), QString::fromStdString(result.column)},
        {QStringLiteral("mechanism"), QString::fromUtf8(mechanismName(result.mechanism))},
        {QStringLiteral("epsilon"), result.epsilon},
        {QStringLiteral("delta"), result.delta},
        {QStringLiteral("values"), numbers(result.values)},
        {QStringLiteral("seeded"), result.seeded}};
    if (result.statistic != PrivateStatistic::Count) {
        json.insert(QStringLiteral("lower"), result.lower);
        json.insert(QStringLiteral("upper"), result.upper);
    }
    if (result.statistic == PrivateStatistic::Histogram)
        json.insert(QStringLiteral("bin_edges"), numbers(result.binEdges));
    if (result.statistic == PrivateStatistic::Mean)
        json.insert(QStringLiteral("noisy_count"), result.noisyCount);
    QJsonArray parts;
    for (const auto &part : result.parts)
        parts.append(QJsonObject{{QStringLiteral("name"), QString::fromStdString(part.name)},
                                 {QStringLiteral("epsilon"), part.epsilon},
                                 {QStringLiteral("delta"), part.delta},
                                 {QStringLiteral("l1_sensitivity"), part.l1Sensitivity},
                                 {QStringLiteral("l2_sensitivity"), part.l2Sensitivity},
                                 {QStringLiteral("noise_scale"), part.noiseScale}});
    json.insert(QStringLiteral("parts"), parts);
    return json;
}

} // namespace assay::govern
