#include "explain/weighted_ridge.h"

#include <Eigen/Dense>

namespace assay::explain {

double RidgeFit::predict(std::span<const double> row) const
{
    double value = intercept;
    for (std::size_t c = 0; c < coefficients.size(); ++c)
        value += coefficients[c] * row[c];
    return value;
}

RidgeFit fitWeightedRidge(std::span<const double> x, std::size_t columns, std::span<const double> y,
                          std::span<const double> weights, double alpha)
{
    const auto rows = static_cast<Eigen::Index>(y.size());
    const auto cols = static_cast<Eigen::Index>(columns);
    const Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>
        design(x.data(), rows, cols);
    const Eigen::Map<const Eigen::VectorXd> target(y.data(), rows);
    const Eigen::Map<const Eigen::VectorXd> w(weights.data(), rows);

    // Centre on the weighted means, as sklearn does, so the intercept is not penalised.
    const double totalWeight = w.sum();
    const Eigen::RowVectorXd xMean = (w.transpose() * design) / totalWeight;
    const double yMean = w.dot(target) / totalWeight;
    const Eigen::MatrixXd centred = design.rowwise() - xMean;
    const Eigen::VectorXd yCentred = target.array() - yMean;

    Eigen::MatrixXd normal = centred.transpose() * w.asDiagonal() * centred;
    normal.diagonal().array() += alpha;
    const Eigen::VectorXd rhs = centred.transpose() * (w.array() * yCentred.array()).matrix();
    const Eigen::VectorXd beta = normal.ldlt().solve(rhs);

    RidgeFit fit;
    fit.coefficients.assign(beta.data(), beta.data() + beta.size());
    fit.intercept = yMean - xMean.dot(beta);
    return fit;
}

double weightedR2(std::span<const double> y, std::span<const double> predicted,
                  std::span<const double> weights)
{
    double totalWeight = 0, weightedSum = 0;
    for (std::size_t i = 0; i < y.size(); ++i) {
        totalWeight += weights[i];
        weightedSum += weights[i] * y[i];
    }
    const double mean = weightedSum / totalWeight;
    double residual = 0, spread = 0;
    for (std::size_t i = 0; i < y.size(); ++i) {
        residual += weights[i] * (y[i] - predicted[i]) * (y[i] - predicted[i]);
        spread += weights[i] * (y[i] - mean) * (y[i] - mean);
    }
    if (spread == 0)
        return residual == 0 ? 1.0 : 0.0;
    return 1.0 - residual / spread;
}

} // namespace assay::explain
