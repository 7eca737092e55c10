#include "model/linear_design.h"

namespace assay::model {

DesignLayout::DesignLayout(const std::vector<FeatureSpec> &features, bool dropFirstLevel)
    : m_dropFirstLevel(dropFirstLevel)
{
    for (std::size_t f = 0; f < features.size(); ++f) {
        const auto &spec = features[f];
        const bool categorical = spec.kind == FeatureKind::Categorical;
        m_features.push_back({categorical, spec.categories.size()});
        m_firstColumn.push_back(m_columns);
        if (!categorical) {
            m_names.push_back(spec.name);
            m_featureOfColumn.push_back(f);
            ++m_columns;
            continue;
        }
        for (std::size_t level = dropFirstLevel ? 1 : 0; level < spec.categories.size(); ++level) {
            m_names.push_back(spec.name + "=" + spec.categories[level]);
            m_featureOfColumn.push_back(f);
            ++m_columns;
        }
    }
}

std::vector<std::string> DesignLayout::columnNames() const
{
    return m_names;
}

std::size_t DesignLayout::featureOfColumn(std::size_t column) const
{
    return m_featureOfColumn[column];
}

} // namespace assay::model
