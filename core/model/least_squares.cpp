#include "model/least_squares.h"

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
    const Design design = makeDesign(set, layout);
    const Eigen::RowVectorXd columnMeans = design.x.colwise().mean();
    const double yMean = design.y.mean();
    const Eigen::MatrixXd centered = design.x.rowwise() - columnMeans;
    const auto columns = varyingColumns(centered);
    if (progress.isCancelled())
        return Error::cancelled();

    Eigen::MatrixXd varying(centered.rows(), Eigen::Index(columns.size()));
    for (std::size_t i = 0; i < columns.size(); ++i)
        varying.col(Eigen::Index(i)) = centered.col(Eigen::Index(columns[i]));
    const Eigen::VectorXd yCentered = design.y.array() - yMean;
    Eigen::VectorXd solved;
    if (alpha == 0) {
        ASSAY_TRY(checkCollinearity(centered, columns, layout, set.signature.features, trainer));
        solved = varying.householderQr().solve(yCentered);
    } else {
        Eigen::MatrixXd gram = varying.transpose() * varying;
        gram.diagonal().array() += alpha;
        solved = gram.llt().solve(varying.transpose() * yCentered);
    }

    LinearParameters parameters;
    parameters.dropFirstLevel = dropFirstLevel;
    parameters.means = design.means;
    parameters.coefficients.push_back(scatter(solved, columns, layout.columns()));
    double intercept = yMean;
    for (std::size_t c = 0; c < layout.columns(); ++c)
        intercept -= columnMeans(Eigen::Index(c)) * parameters.coefficients[0][c];
    parameters.intercepts.push_back(intercept);
    progress.report(1, trainer);
    return std::unique_ptr<Model>(
        std::make_unique<LinearModel>(set.signature, std::move(parameters)));
}

} // namespace assay::model::linear
