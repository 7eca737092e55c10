#pragma once

#include "model/feature_matrix.h"

#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace assay::model {

// How a linear model turns the feature matrix into its design columns: one column per numeric
// feature (a missing value reads as the feature's training mean) and one indicator column per
// level of a categorical feature. With `dropFirstLevel` (OLS) the first level has no column and
// is the reference the intercept describes; otherwise (penalised models) every level has one,
// so no level is singled out by the penalty. A missing or unseen category sets no indicator:
// for OLS that reads as the first level, for the penalised models as "no level effect".
class DesignLayout {
public:
    DesignLayout(const std::vector<FeatureSpec> &features, bool dropFirstLevel);

    std::size_t columns() const { return m_columns; }
    bool dropFirstLevel() const { return m_dropFirstLevel; }
    // "age" for a numeric feature, "colour=red" for an indicator.
    std::vector<std::string> columnNames() const;
    // The feature a design column comes from.
    std::size_t featureOfColumn(std::size_t column) const;

    // Calls add(column, value) for each non-zero design entry of `row` (a FeatureMatrix row).
    template <typename Add>
    void forEachEntry(std::span<const double> row, std::span<const double> means, Add &&add) const
    {
        for (std::size_t f = 0; f < m_features.size(); ++f) {
            const double value = row[f];
            if (!m_features[f].categorical) {
                add(m_firstColumn[f], std::isnan(value) ? means[f] : value);
                continue;
            }
            if (std::isnan(value))
                continue;
            const auto level = static_cast<std::size_t>(value);
            const std::size_t skipped = m_dropFirstLevel ? 1 : 0;
            if (level < skipped || level >= m_features[f].levels)
                continue;
            add(m_firstColumn[f] + level - skipped, 1.0);
        }
    }

private:
    struct Feature {
        bool categorical = false;
        std::size_t levels = 0;
    };
    std::vector<Feature> m_features;
    std::vector<std::size_t> m_firstColumn;
    std::vector<std::string> m_names;
    std::vector<std::size_t> m_featureOfColumn;
    std::size_t m_columns = 0;
    bool m_dropFirstLevel = false;
};

} // namespace assay::model
