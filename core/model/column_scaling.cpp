#include "model/column_scaling.h"

#include <cmath>
#include <cstdio>

namespace assay::model::linear {

namespace {

// Beyond this |mean| / standard deviation, w·x and the intercept cancel in more than half of a
// double's ~16 significant digits.
constexpr double kMostCentreToSpread = 1e8;

std::string shortNumber(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.2g", value);
    return text;
}

} // namespace

Eigen::MatrixXd ColumnScaling::coefficientsToOriginal(const Eigen::MatrixXd &beta) const
{
    return beta.array().colwise() / scale.array();
}

Eigen::RowVectorXd ColumnScaling::interceptsToOriginal(const Eigen::RowVectorXd &zIntercepts,
                                                       const Eigen::MatrixXd &coefficients) const
{
    return zIntercepts - centre.transpose() * coefficients;
}

void ColumnScaling::standardise(Eigen::MatrixXd &x) const
{
    for (Eigen::Index c = 0; c < x.cols(); ++c)
        x.col(c) = (x.col(c).array() - centre(c)) / scale(c);
}

Result<ColumnScaling> standardiseColumns(Eigen::MatrixXd &x, const DesignLayout &layout,
                                         const std::vector<FeatureSpec> &features,
                                         const std::string &trainer)
{
    const Eigen::Index n = x.rows();
    ColumnScaling scaling;
    scaling.centre.resize(x.cols());
    scaling.scale.resize(x.cols());
    for (Eigen::Index c = 0; c < x.cols(); ++c) {
        auto column = x.col(c);
        const auto &name = features[layout.featureOfColumn(std::size_t(c))].name;
        const double largest = column.cwiseAbs().maxCoeff();
        if (column.minCoeff() == column.maxCoeff()) {
            // Exactly zero rather than the rounding noise of subtracting a computed mean.
            scaling.centre(c) = column(0);
            scaling.scale(c) = 1.0;
            column.setZero();
            continue;
        }
        // Two passes (mean, then squared deviations) so a large common offset does not swamp
        // the spread.
        const double centre = column.mean();
        column.array() -= centre;
        const double spread = std::sqrt(column.squaredNorm() / double(n));
        if (!std::isfinite(centre) || !std::isfinite(spread))
            return Error::invalidInput(trainer + ": column '" + name + "' has values up to " +
                                       shortNumber(largest) +
                                       ", too large to fit; exclude it or rescale it");
        if (std::abs(centre) > kMostCentreToSpread * spread)
            return Error::invalidInput(
                trainer + ": column '" + name + "' has values up to " + shortNumber(largest) +
                " but varies by only " + shortNumber(spread) +
                " about them; exclude it or rescale it (e.g. subtract a reference value)");
        column /= spread;
        scaling.centre(c) = centre;
        scaling.scale(c) = spread;
    }
    scaling.penaltyWeight = scaling.scale.array().square().inverse();
    return scaling;
}

} // namespace assay::model::linear
