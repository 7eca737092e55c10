#include "model/least_squares.h"

#include "model/column_scaling.h"
#include "model/linear_fit.h"

namespace assay::model::linear {

Result<std::unique_ptr<Model>> fitLeastSquares(const TrainingSet &set, double alpha,
                                               bool dropFirstLevel, const Progress &progress,
                                               const std::string &trainer)
{
    ASSAY_TRY(checkTrainingSet(set, trainer));
    if (set.signature.task != Task::Regression)
        return Error::invalidInput(trainer + " learns regression targets only");
    progress.report(0, trainer);
    const DesignLayout layout(set.signature.features, dropFirstLevel);
    Design design = makeDesign(set, layout);
    // Solved in standardised columns (see ColumnScaling): the same optimum, well conditioned
    // whatever the columns' units. The design is centred, so the intercept drops out.
    const auto scaling = standardiseColumns(design.x, layout, set.signature.features, trainer);
    if (!scaling)
        return scaling.error();
    const Eigen::MatrixXd &standardised = design.x;
    const double yMean = design.y.mean();
    const Eigen::VectorXd yCentered = design.y.array() - yMean;
    if (progress.isCancelled())
        return Error::cancelled();

    Eigen::VectorXd beta;
    if (alpha == 0) {
        const auto columns = varyingColumns(standardised);
        ASSAY_TRY(
            checkCollinearity(standardised, columns, layout, set.signature.features, trainer));
        Eigen::MatrixXd varying(standardised.rows(), Eigen::Index(columns.size()));
        for (std::size_t i = 0; i < columns.size(); ++i)
            varying.col(Eigen::Index(i)) = standardised.col(Eigen::Index(columns[i]));
        const auto all =
            scatter(varying.householderQr().solve(yCentered), columns, layout.columns());
        beta = Eigen::Map<const Eigen::VectorXd>(all.data(), Eigen::Index(all.size()));
    } else {
        // ||y - Zβ||² + alpha Σ w² with w = β / scale: the penalty weights keep it on w. A
        // constant column is zero in Z, so its row reads alpha·β = 0.
        const auto d = Eigen::Index(layout.columns());
        Eigen::MatrixXd gram = Eigen::MatrixXd::Zero(d, d);
        gram.selfadjointView<Eigen::Lower>().rankUpdate(standardised.transpose());
        gram.diagonal() += alpha * scaling->penaltyWeight;
        beta =
            gram.selfadjointView<Eigen::Lower>().llt().solve(standardised.transpose() * yCentered);
    }

    const Eigen::VectorXd coefficients = scaling->coefficientsToOriginal(beta);
    if (!coefficients.allFinite())
        return Error::invalidInput(trainer + ": the fit has non-finite coefficients; check the "
                                             "features for extreme values");
    LinearParameters parameters;
    parameters.dropFirstLevel = dropFirstLevel;
    parameters.means = design.means;
    parameters.coefficients.emplace_back(coefficients.data(),
                                         coefficients.data() + coefficients.size());
    Eigen::RowVectorXd intercept(1);
    intercept(0) = yMean;
    parameters.intercepts.push_back(scaling->interceptsToOriginal(intercept, coefficients)(0));
    progress.report(1, trainer);
    return std::unique_ptr<Model>(
        std::make_unique<LinearModel>(set.signature, std::move(parameters)));
}

} // namespace assay::model::linear
