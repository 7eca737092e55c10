#include "explain/explanation_json_values.h"
#include "explain/explanation_result_json.h"

namespace assay::explain {

void writeExplainedRows(QJsonObject &into, const std::vector<std::size_t> &rowIds,
                        const model::FeatureMatrix &x)
{
    into.insert(QStringLiteral("row_ids"), sizesToJson(rowIds));
    into.insert(QStringLiteral("x"), nullableDoublesToJson(x.values));
}

Status readExplainedRows(const model::JsonFields &from,
                         const std::vector<model::FeatureSpec> &features,
                         std::vector<std::size_t> &rowIds, model::FeatureMatrix &x)
{
    auto ids = sizes(from, "row_ids");
    if (!ids)
        return ids.error();
    auto values = nullableDoubles(from, "x");
    if (!values)
        return values.error();
    ASSAY_TRY(requireLength(from, "x", values->size(), ids->size() * features.size()));
    rowIds = std::move(*ids);
    x.rows = rowIds.size();
    x.features = features;
    x.values = std::move(*values);
    return {};
}

} // namespace assay::explain
