#pragma once

// The penalised logistic log-likelihood that logreg minimises; internal to core/model.

#include <Eigen/Dense>

namespace assay::model::linear {

// C · Σ_i logloss_i + ½ Σ_o ||w_o||², over parameters θ laid out output by output as
// [w_o (d values); b_o]: one output (sigmoid) for binary targets, one per class (softmax, the
// multinomial model of sklearn's lbfgs) otherwise. Intercepts are not penalised; for
// multinomial models ½(Σ_o b_o)² is added, which leaves the fit unchanged (softmax ignores a
// common shift of the intercepts) but picks the intercepts summing to 0 and keeps the Hessian
// positive definite.
class LogisticObjective {
public:
    // x: n × d design; y: class indices; outputs: 1 (binary) or the class count.
    LogisticObjective(const Eigen::MatrixXd &x, const Eigen::VectorXd &y, Eigen::Index outputs,
                      double c);

    Eigen::Index parameterCount() const { return m_outputs * (m_x.cols() + 1); }
    double value(const Eigen::VectorXd &theta) const;
    void gradientAndHessian(const Eigen::VectorXd &theta, Eigen::VectorXd &gradient,
                            Eigen::MatrixXd &hessian) const;
    // Mean log loss of the unpenalised model on other rows (validation curves).
    double meanLogLoss(const Eigen::MatrixXd &x, const Eigen::VectorXd &y,
                       const Eigen::VectorXd &theta) const;
    double meanLogLoss(const Eigen::VectorXd &theta) const { return meanLogLoss(m_x, m_y, theta); }

private:
    // n × outputs margins of rows `x` (without the column of ones).
    Eigen::MatrixXd margins(const Eigen::MatrixXd &x, const Eigen::VectorXd &theta) const;
    double penalty(const Eigen::VectorXd &theta) const;
    double totalLogLoss(const Eigen::MatrixXd &margins, const Eigen::VectorXd &y) const;

    const Eigen::MatrixXd &m_x;
    const Eigen::VectorXd &m_y;
    Eigen::Index m_outputs;
    double m_c;
};

} // namespace assay::model::linear
