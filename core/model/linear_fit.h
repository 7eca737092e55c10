#pragma once

// Shared by the linear trainers; internal to core/model (Eigen stays out of public headers).

#include "common/result.h"
#include "model/linear_design.h"
#include "model/trainer.h"

#include <Eigen/Dense>

#include <string>
#include <vector>

namespace assay::model::linear {

// The training rows as a dense design matrix (no intercept column) and target.
struct Design {
    std::vector<double> means; // per feature, as LinearParameters::means
    Eigen::MatrixXd x;
    Eigen::VectorXd y;
};

// InvalidInput (naming `trainer`) for an empty set, a size mismatch, a missing target value or,
// for classification, a class index outside the signature's classes.
Status checkTrainingSet(const TrainingSet &set, const std::string &trainer);

// The numeric features' means over their non-missing training values (0 when all are missing,
// and for categorical features).
std::vector<double> featureMeans(const FeatureMatrix &x);

Eigen::MatrixXd expand(const FeatureMatrix &x, const DesignLayout &layout,
                       const std::vector<double> &means);
Design makeDesign(const TrainingSet &set, const DesignLayout &layout);

// Design columns that vary over the training rows. A constant column (a level absent from the
// training rows, a constant feature) carries no information beside the intercept: the trainers
// give it coefficient 0, as sklearn's minimum-norm least squares does.
std::vector<std::size_t> varyingColumns(const Eigen::MatrixXd &centered);

// InvalidInput when some varying columns of `centered` are (numerically) linear combinations of
// others; the message names the features involved and suggests ridge.
Status checkCollinearity(const Eigen::MatrixXd &centered, const std::vector<std::size_t> &columns,
                         const DesignLayout &layout, const std::vector<FeatureSpec> &features,
                         const std::string &trainer);

// Coefficients of `columns` scattered into a vector over all design columns (others 0).
std::vector<double> scatter(const Eigen::VectorXd &solved, const std::vector<std::size_t> &columns,
                            std::size_t designColumns);

} // namespace assay::model::linear
