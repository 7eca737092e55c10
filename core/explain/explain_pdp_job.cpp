#include "explain/explain_context.h"
#include "explain/partial_dependence.h"
#include "explain/tree_shap.h"
#include "model/tree_ensemble.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace assay::explain {

namespace {

constexpr std::size_t kDefaultFeatures = 4;
constexpr std::size_t kRankingRows = 1000; // rows whose mean |SHAP| picks the default features

// The features with the largest mean |SHAP| over the first rows, for a tree model; else the
// first ones in the model's order.
Result<std::vector<std::string>> defaultFeatures(const ExplainContext &context)
{
    const auto &features = context.all.features;
    std::vector<std::size_t> order(features.size());
    std::iota(order.begin(), order.end(), 0);
    const auto *ensemble =
        context.inputs.model
            ? dynamic_cast<const model::TreeEnsemble *>(context.inputs.model->model.get())
            : nullptr;
    if (ensemble) {
        std::vector<std::size_t> rows(std::min(kRankingRows, context.x.rows));
        std::iota(rows.begin(), rows.end(), 0);
        auto shap = treeShap(*ensemble, context.x.subset(rows), context.threads, context.progress);
        if (!shap)
            return shap.error();
        std::vector<double> meanAbs(features.size(), 0.0);
        for (std::size_t row = 0; row < shap->rows; ++row)
            for (std::size_t output = 0; output < shap->outputs; ++output)
                for (std::size_t f = 0; f < features.size(); ++f)
                    meanAbs[f] += std::abs(shap->of(row, output)[f]);
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return meanAbs[a] > meanAbs[b]; });
    }
    std::vector<std::string> names;
    for (std::size_t i = 0; i < std::min(kDefaultFeatures, order.size()); ++i)
        names.push_back(features[order[i]].name);
    return names;
}

std::optional<std::size_t> featureIndex(const ExplainContext &context, const std::string &name)
{
    const auto &features = context.all.features;
    for (std::size_t i = 0; i < features.size(); ++i)
        if (features[i].name == name)
            return i;
    return std::nullopt;
}

} // namespace

Status resolvePartialDependenceParams(const ExplainContext &context, ExplainParams &params)
{
    std::vector<std::string> names;
    if (params.given("features")) {
        auto given = params.texts("features");
        if (!given)
            return given.error();
        names = std::move(*given);
        if (names.empty())
            return Error::invalidInput("explain pdp: features: name at least one feature");
    } else {
        auto chosen = defaultFeatures(context);
        if (!chosen)
            return chosen.error();
        names = std::move(*chosen);
    }
    QJsonArray resolved;
    for (const std::string &name : names) {
        if (!featureIndex(context, name))
            return Error::invalidInput("explain pdp: features: '" + name +
                                       "' is not a feature of " + context.inputs.modelName);
        resolved.append(QString::fromStdString(name));
    }
    params.resolve("features", resolved);
    ASSAY_TRY(params.count("grid_resolution", PartialDependenceOptions{}.gridResolution, 2));
    const PartialDependenceOptions defaults;
    auto percentiles =
        params.numbers("percentiles", {defaults.lowPercentile, defaults.highPercentile});
    if (!percentiles)
        return percentiles.error();
    if (percentiles->size() != 2 || (*percentiles)[0] < 0 || (*percentiles)[1] > 1 ||
        (*percentiles)[0] >= (*percentiles)[1])
        return Error::invalidInput("explain pdp: percentiles: expected LOW,HIGH with 0 <= LOW < "
                                   "HIGH <= 1 (e.g. 0.05,0.95)");
    ASSAY_TRY(params.count("ice_rows", defaults.iceRows));
    return {};
}

Result<MethodOutcome> runPartialDependenceJob(const ExplainContext &context,
                                              const QJsonObject &params)
{
    auto predictor = predictorFor(context);
    if (!predictor)
        return predictor.error();
    PartialDependenceOptions options;
    const QJsonArray percentiles = params.value(QStringLiteral("percentiles")).toArray();
    options.lowPercentile = percentiles[0].toDouble();
    options.highPercentile = percentiles[1].toDouble();
    options.gridResolution =
        static_cast<std::size_t>(params.value(QStringLiteral("grid_resolution")).toInteger());
    options.iceRows =
        static_cast<std::size_t>(params.value(QStringLiteral("ice_rows")).toInteger());
    const QJsonArray names = params.value(QStringLiteral("features")).toArray();
    PartialDependenceResult pdp;
    for (qsizetype i = 0; i < names.size(); ++i) {
        const auto feature = featureIndex(context, names[i].toString().toStdString());
        const double done = double(i) / double(names.size());
        const Progress part(
            [&, done](double fraction, std::string_view stage) {
                context.progress.report(done + fraction / double(names.size()), stage);
            },
            context.progress.token());
        auto curve = partialDependence(**predictor, context.x, *feature, options, part);
        if (!curve)
            return curve.error();
        pdp.curves.push_back(std::move(*curve));
    }
    MethodOutcome outcome;
    outcome.outputs = (*predictor)->outputNames();
    outcome.result = std::move(pdp);
    return outcome;
}

} // namespace assay::explain
