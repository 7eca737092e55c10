#include "explain/explanation_json_values.h"
#include "explain/explanation_result_json.h"

namespace assay::explain {

namespace {

QJsonObject curveToJson(const PartialDependence &curve)
{
    return {{QStringLiteral("feature"), static_cast<qint64>(curve.feature)},
            {QStringLiteral("grid"), nullableDoublesToJson(curve.grid)},
            {QStringLiteral("outputs"), static_cast<qint64>(curve.outputs)},
            {QStringLiteral("average"), nullableDoublesToJson(curve.average)},
            {QStringLiteral("ice_rows"), sizesToJson(curve.iceRows)},
            {QStringLiteral("ice"), nullableDoublesToJson(curve.ice)}};
}

Result<PartialDependence> curveFromJson(const model::JsonFields &fields, std::size_t featureCount)
{
    PartialDependence curve;
    auto feature = size(fields, "feature");
    if (!feature)
        return feature.error();
    if (*feature >= featureCount)
        return fields.error("feature", "no feature " + std::to_string(*feature) + " of " +
                                           std::to_string(featureCount));
    auto grid = nullableDoubles(fields, "grid");
    if (!grid)
        return grid.error();
    auto outputs = size(fields, "outputs");
    if (!outputs)
        return outputs.error();
    auto average = nullableDoubles(fields, "average");
    if (!average)
        return average.error();
    auto iceRows = sizes(fields, "ice_rows");
    if (!iceRows)
        return iceRows.error();
    auto ice = nullableDoubles(fields, "ice");
    if (!ice)
        return ice.error();
    ASSAY_TRY(requireLength(fields, "average", average->size(), grid->size() * *outputs));
    ASSAY_TRY(requireLength(fields, "ice", ice->size(), iceRows->size() * grid->size() * *outputs));
    curve.feature = *feature;
    curve.grid = std::move(*grid);
    curve.outputs = *outputs;
    curve.average = std::move(*average);
    curve.iceRows = std::move(*iceRows);
    curve.ice = std::move(*ice);
    return curve;
}

} // namespace

QJsonObject partialDependenceResultToJson(const PartialDependenceResult &pdp)
{
    QJsonArray curves;
    for (const PartialDependence &curve : pdp.curves)
        curves.append(curveToJson(curve));
    return {{QStringLiteral("curves"), curves}};
}

Result<PartialDependenceResult> partialDependenceResultFromJson(const model::JsonFields &result,
                                                                std::size_t featureCount)
{
    PartialDependenceResult pdp;
    auto curves = objects<PartialDependence>(result, "curves", [featureCount](const model::JsonFields &fields) {
        return curveFromJson(fields, featureCount);
    });
    if (!curves)
        return curves.error();
    pdp.curves = std::move(*curves);
    return pdp;
}

} // namespace assay::explain
