#pragma once

// The penalised logistic log-likelihood that logreg minimises; internal to core/model.

#include <Eigen/Dense>

namespace assay::model::linear {

// C · Σ_i logloss_i + ½ Σ_o Σ_j penaltyWeight_j · β_oj², over parameters θ laid out output by
// output as [β_o (d values); b_o]: one output (sigmoid) for binary targets, one per class
// (softmax, the multinomial model of sklearn's lbfgs) otherwise. The design is the standardised
// one of ColumnScaling, whose penalty weights keep the penalty on the original-unit coefficients.
// Intercepts are not penalised; for multinomial models ½(Σ_o b_o)² is added, which leaves the
// fit unchanged (softmax ignores a common shift of the intercepts) but picks the intercepts
// summing to 0 and keeps the Hessian positive definite.
//
// The n-row work buffers are allocated once, here, and reused by every evaluation, so the
// Newton iterations allocate nothing of the design's size.
class LogisticObjective {
public:
    // x: n × d design (kept by reference); y: class indices; outputs: 1 (binary) or the class
    // count; penaltyWeight: d values.
    LogisticObjective(const Eigen::MatrixXd &x, const Eigen::VectorXd &y, Eigen::Index outputs,
                      double c, Eigen::VectorXd penaltyWeight);

    Eigen::Index parameterCount() const { return m_outputs * (m_x.cols() + 1); }
    double value(const Eigen::VectorXd &theta);
    // The Hessian is written whole (both triangles).
    void gradientAndHessian(const Eigen::VectorXd &theta, Eigen::VectorXd &gradient,
                            Eigen::MatrixXd &hessian);
    // Mean log loss of the unpenalised model on other rows (validation curves), standardised
    // like the training design.
    double meanLogLoss(const Eigen::MatrixXd &x, const Eigen::VectorXd &y,
                       const Eigen::VectorXd &theta);
    double meanLogLoss(const Eigen::VectorXd &theta);

private:
    // margins = x · β + b (n × outputs).
    void computeMargins(const Eigen::MatrixXd &x, const Eigen::VectorXd &theta,
                        Eigen::MatrixXd &margins) const;
    double penalty(const Eigen::VectorXd &theta) const;
    double totalLogLoss(const Eigen::MatrixXd &margins, const Eigen::VectorXd &y) const;
    // Adds C · xᵀ diag(weight) x and its intercept row/column into the parameter block
    // (row block `k`, column block `l`, k >= l) of the lower triangle of `hessian`.
    void addCurvatureBlock(Eigen::Index k, Eigen::Index l, Eigen::MatrixXd &hessian);

    const Eigen::MatrixXd &m_x;
    const Eigen::VectorXd &m_y;
    Eigen::Index m_outputs;
    double m_c;
    Eigen::VectorXd m_penaltyWeight;
    // Work buffers reused across evaluations.
    Eigen::MatrixXd m_margins;          // n × outputs: margins, then probabilities
    Eigen::MatrixXd m_otherMargins;     // validation rows × outputs
    Eigen::MatrixXd m_residual;         // n × outputs: p - indicator
    Eigen::VectorXd m_weight;           // n: curvature weights of one block
    Eigen::MatrixXd m_weightedRows;     // a block of rows of x scaled by (the root of) the weights
    Eigen::MatrixXd m_gradientByOutput; // (d + 1) × outputs
};

} // namespace assay::model::linear
