#include "explain/feature_value_text.h"

#include "common/format.h"

#include <cmath>

namespace assay::ui {

QString featureValueText(const model::FeatureSpec &feature, double value)
{
    if (std::isnan(value))
        return QStringLiteral("missing");
    if (feature.kind == model::FeatureKind::Categorical) {
        const auto code = std::size_t(value);
        if (value >= 0 && code < feature.categories.size())
            return QString::fromStdString(feature.categories[code]);
    }
    return formatNumber(value);
}

QString featureName(const model::FeatureSpec &feature)
{
    return QString::fromStdString(feature.name);
}

} // namespace assay::ui
