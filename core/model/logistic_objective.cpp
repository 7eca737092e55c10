#include "model/logistic_objective.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace assay::model::linear {

namespace {

constexpr Eigen::Index kRowsPerBlock = 256;

// log(1 + e^m) without overflow.
double softplus(double m)
{
    return m > 0 ? m + std::log1p(std::exp(-m)) : std::log1p(std::exp(m));
}

double sigmoid(double m)
{
    if (m >= 0)
        return 1 / (1 + std::exp(-m));
    const double e = std::exp(m);
    return e / (1 + e);
}

} // namespace

LogisticObjective::LogisticObjective(const Eigen::MatrixXd &x, const Eigen::VectorXd &y,
                                     Eigen::Index outputs, double c, Eigen::VectorXd penaltyWeight)
    : m_x(x), m_y(y), m_outputs(outputs), m_c(c), m_penaltyWeight(std::move(penaltyWeight)),
      m_margins(x.rows(), outputs), m_residual(x.rows(), outputs), m_weight(x.rows()),
      m_weightedRows(std::min(kRowsPerBlock, x.rows()), x.cols()),
      m_gradientByOutput(x.cols() + 1, outputs)
{
}

void LogisticObjective::computeMargins(const Eigen::MatrixXd &x, const Eigen::VectorXd &theta,
                                       Eigen::MatrixXd &margins) const
{
    const Eigen::Index d = m_x.cols();
    const Eigen::Map<const Eigen::MatrixXd> parameters(theta.data(), d + 1, m_outputs);
    margins.resize(x.rows(), m_outputs);
    margins.noalias() = x * parameters.topRows(d);
    margins.rowwise() += parameters.row(d);
}

double LogisticObjective::penalty(const Eigen::VectorXd &theta) const
{
    const Eigen::Index d = m_x.cols();
    const Eigen::Map<const Eigen::MatrixXd> parameters(theta.data(), d + 1, m_outputs);
    double result =
        0.5 * (parameters.topRows(d).array().square().colwise() * m_penaltyWeight.array()).sum();
    if (m_outputs > 1)
        result += 0.5 * parameters.row(d).sum() * parameters.row(d).sum();
    return result;
}

double LogisticObjective::totalLogLoss(const Eigen::MatrixXd &margins,
                                       const Eigen::VectorXd &y) const
{
    double total = 0;
    for (Eigen::Index i = 0; i < margins.rows(); ++i) {
        const auto truth = Eigen::Index(y(i));
        if (m_outputs == 1) {
            const double m = margins(i, 0);
            total += softplus(m) - (truth == 1 ? m : 0.0);
            continue;
        }
        const double top = margins.row(i).maxCoeff();
        const double logSum = top + std::log((margins.row(i).array() - top).exp().sum());
        total += logSum - margins(i, truth);
    }
    return total;
}

double LogisticObjective::value(const Eigen::VectorXd &theta)
{
    computeMargins(m_x, theta, m_margins);
    return m_c * totalLogLoss(m_margins, m_y) + penalty(theta);
}

double LogisticObjective::meanLogLoss(const Eigen::MatrixXd &x, const Eigen::VectorXd &y,
                                      const Eigen::VectorXd &theta)
{
    computeMargins(x, theta, m_otherMargins);
    return totalLogLoss(m_otherMargins, y) / double(x.rows());
}

double LogisticObjective::meanLogLoss(const Eigen::VectorXd &theta)
{
    computeMargins(m_x, theta, m_margins);
    return totalLogLoss(m_margins, m_y) / double(m_x.rows());
}

void LogisticObjective::addCurvatureBlock(Eigen::Index k, Eigen::Index l, Eigen::MatrixXd &hessian)
{
    const Eigen::Index d = m_x.cols();
    const Eigen::Index block = d + 1;
    const auto &p = m_margins;
    // Curvature weights: p(1 - p) for binary; p_k (δ_kl - p_l) for softmax.
    if (m_outputs == 1)
        m_weight = p.col(0).array() * (1 - p.col(0).array());
    else if (k == l)
        m_weight = p.col(k).array() * (1 - p.col(k).array());
    else
        m_weight = -p.col(k).array() * p.col(l).array();

    // Accumulated over blocks of rows in a fixed order: a cache-sized scratch instead of a
    // weighted copy of the whole design, and reproducible sums.
    auto features = hessian.block(k * block, l * block, d, d);
    for (Eigen::Index start = 0; start < m_x.rows(); start += kRowsPerBlock) {
        const Eigen::Index rows = std::min(kRowsPerBlock, m_x.rows() - start);
        const auto x = m_x.middleRows(start, rows);
        const auto weight = m_weight.segment(start, rows).array();
        auto weighted = m_weightedRows.topRows(rows);
        if (k == l) {
            // Non-negative weights: xᵀWx = (√W x)ᵀ(√W x), a symmetric rank update of half the
            // work of a general product.
            weighted = x.array().colwise() * weight.sqrt();
            features.selfadjointView<Eigen::Lower>().rankUpdate(weighted.transpose(), m_c);
        } else {
            weighted = x.array().colwise() * weight;
            features.noalias() += m_c * (weighted.transpose() * x);
        }
    }
    // Intercept of output k against the features of output l, and against its intercept.
    hessian.block(k * block + d, l * block, 1, d).noalias() += m_c * (m_weight.transpose() * m_x);
    hessian(k * block + d, l * block + d) += m_c * m_weight.sum();
    if (k != l) // the block is not symmetric: its upper part (feature rows) is needed too
        hessian.block(k * block, l * block + d, d, 1).noalias() +=
            m_c * (m_x.transpose() * m_weight);
}

void LogisticObjective::gradientAndHessian(const Eigen::VectorXd &theta, Eigen::VectorXd &gradient,
                                           Eigen::MatrixXd &hessian)
{
    const Eigen::Index n = m_x.rows();
    const Eigen::Index d = m_x.cols();
    const Eigen::Index block = d + 1;

    // Probabilities per output, and residuals p - indicator.
    computeMargins(m_x, theta, m_margins);
    auto &p = m_margins;
    for (Eigen::Index i = 0; i < n; ++i) {
        if (m_outputs == 1) {
            p(i, 0) = sigmoid(p(i, 0));
            continue;
        }
        const double top = p.row(i).maxCoeff();
        p.row(i) = (p.row(i).array() - top).exp();
        p.row(i) /= p.row(i).sum();
    }
    m_residual = p;
    for (Eigen::Index i = 0; i < n; ++i) {
        const auto truth = Eigen::Index(m_y(i));
        if (m_outputs == 1)
            m_residual(i, 0) -= truth == 1 ? 1.0 : 0.0;
        else
            m_residual(i, truth) -= 1.0;
    }

    const Eigen::Map<const Eigen::MatrixXd> parameters(theta.data(), block, m_outputs);
    m_gradientByOutput.topRows(d).noalias() = m_c * (m_x.transpose() * m_residual);
    m_gradientByOutput.row(d) = m_c * m_residual.colwise().sum();
    m_gradientByOutput.topRows(d) +=
        (parameters.topRows(d).array().colwise() * m_penaltyWeight.array()).matrix();
    if (m_outputs > 1)
        m_gradientByOutput.row(d).array() += parameters.row(d).sum();
    gradient = Eigen::Map<const Eigen::VectorXd>(m_gradientByOutput.data(), parameterCount());

    hessian.setZero(parameterCount(), parameterCount());
    for (Eigen::Index k = 0; k < m_outputs; ++k) {
        for (Eigen::Index l = 0; l <= k; ++l)
            addCurvatureBlock(k, l, hessian);
        hessian.block(k * block, k * block, d, d).diagonal() += m_penaltyWeight;
    }
    if (m_outputs > 1)
        for (Eigen::Index k = 0; k < m_outputs; ++k)
            for (Eigen::Index l = 0; l <= k; ++l)
                hessian(k * block + d, l * block + d) += 1.0;
    for (Eigen::Index column = 1; column < hessian.cols(); ++column)
        for (Eigen::Index row = 0; row < column; ++row)
            hessian(row, column) = hessian(column, row);
}

} // namespace assay::model::linear
