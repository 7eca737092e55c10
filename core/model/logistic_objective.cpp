#include "model/logistic_objective.h"

#include <cmath>

namespace assay::model::linear {

namespace {

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
                                     Eigen::Index outputs, double c)
    : m_x(x), m_y(y), m_outputs(outputs), m_c(c)
{
}

Eigen::MatrixXd LogisticObjective::margins(const Eigen::MatrixXd &x,
                                           const Eigen::VectorXd &theta) const
{
    const Eigen::Index d = m_x.cols();
    const Eigen::Map<const Eigen::MatrixXd> parameters(theta.data(), d + 1, m_outputs);
    Eigen::MatrixXd result = x * parameters.topRows(d);
    result.rowwise() += parameters.row(d);
    return result;
}

double LogisticObjective::penalty(const Eigen::VectorXd &theta) const
{
    const Eigen::Index d = m_x.cols();
    const Eigen::Map<const Eigen::MatrixXd> parameters(theta.data(), d + 1, m_outputs);
    double result = 0.5 * parameters.topRows(d).squaredNorm();
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

double LogisticObjective::value(const Eigen::VectorXd &theta) const
{
    return m_c * totalLogLoss(margins(m_x, theta), m_y) + penalty(theta);
}

double LogisticObjective::meanLogLoss(const Eigen::MatrixXd &x, const Eigen::VectorXd &y,
                                      const Eigen::VectorXd &theta) const
{
    return totalLogLoss(margins(x, theta), y) / double(x.rows());
}

void LogisticObjective::gradientAndHessian(const Eigen::VectorXd &theta, Eigen::VectorXd &gradient,
                                           Eigen::MatrixXd &hessian) const
{
    const Eigen::Index n = m_x.rows();
    const Eigen::Index d = m_x.cols();
    const Eigen::Index block = d + 1;
    Eigen::MatrixXd withOnes(n, block);
    withOnes << m_x, Eigen::VectorXd::Ones(n);

    // Probabilities per output, and residuals p - indicator.
    Eigen::MatrixXd p = margins(m_x, theta);
    for (Eigen::Index i = 0; i < n; ++i) {
        if (m_outputs == 1) {
            p(i, 0) = sigmoid(p(i, 0));
            continue;
        }
        const double top = p.row(i).maxCoeff();
        p.row(i) = (p.row(i).array() - top).exp();
        p.row(i) /= p.row(i).sum();
    }
    Eigen::MatrixXd residual = p;
    for (Eigen::Index i = 0; i < n; ++i) {
        const auto truth = Eigen::Index(m_y(i));
        if (m_outputs == 1)
            residual(i, 0) -= truth == 1 ? 1.0 : 0.0;
        else
            residual(i, truth) -= 1.0;
    }

    const Eigen::Map<const Eigen::MatrixXd> parameters(theta.data(), block, m_outputs);
    Eigen::MatrixXd gradientByOutput = m_c * (withOnes.transpose() * residual);
    gradientByOutput.topRows(d) += parameters.topRows(d);
    if (m_outputs > 1)
        gradientByOutput.row(d).array() += parameters.row(d).sum();
    gradient = Eigen::Map<const Eigen::VectorXd>(gradientByOutput.data(), parameterCount());

    hessian.setZero(parameterCount(), parameterCount());
    for (Eigen::Index k = 0; k < m_outputs; ++k) {
        for (Eigen::Index l = k; l < m_outputs; ++l) {
            // Curvature weights: p(1 - p) for binary; p_k (δ_kl - p_l) for softmax.
            Eigen::VectorXd weight =
                m_outputs == 1 ? Eigen::VectorXd(p.col(0).array() * (1 - p.col(0).array()))
                               : Eigen::VectorXd(-p.col(k).array() * p.col(l).array());
            if (m_outputs > 1 && k == l)
                weight += p.col(k);
            const Eigen::MatrixXd curvature =
                m_c *
                (withOnes.transpose() * (withOnes.array().colwise() * weight.array()).matrix());
            hessian.block(k * block, l * block, block, block) = curvature;
            if (l != k)
                hessian.block(l * block, k * block, block, block) = curvature.transpose();
        }
        hessian.block(k * block, k * block, d, d).diagonal().array() += 1.0;
    }
    if (m_outputs > 1)
        for (Eigen::Index k = 0; k < m_outputs; ++k)
            for (Eigen::Index l = 0; l < m_outputs; ++l)
                hessian(k * block + d, l * block + d) += 1.0;
}

} // namespace assay::model::linear
