#include "model/linear_fit.h"

#include <cmath>
#include <set>

namespace assay::model::linear {

Status checkTrainingSet(const TrainingSet &set, const std::string &trainer)
{
    if (!set.x || set.x->rows == 0)
        return Error::invalidInput(trainer + ": no training rows");
    if (set.y.size() != set.x->rows)
        return Error::invalidInput(trainer + ": " + std::to_string(set.y.size()) +
                                   " target values for " + std::to_string(set.x->rows) + " rows");
    const bool classification = set.signature.task != Task::Regression;
    const double classes = double(set.signature.classes.size());
    for (std::size_t row = 0; row < set.y.size(); ++row) {
        const double value = set.y[row];
        if (!std::isfinite(value) ||
            (classification && (value < 0 || value >= classes || value != std::floor(value))))
            return Error::invalidInput(trainer + ": row " + std::to_string(row + 1) +
                                       ": the target '" + set.signature.target +
                                       "' is missing or not a class");
    }
    return {};
}

std::vector<double> featureMeans(const FeatureMatrix &x)
{
    std::vector<double> means(x.columns(), 0.0);
    for (std::size_t f = 0; f < x.columns(); ++f) {
        if (x.features[f].kind == FeatureKind::Categorical)
            continue;
        double sum = 0;
        std::size_t count = 0;
        for (std::size_t row = 0; row < x.rows; ++row)
            if (!isMissing(x.at(row, f))) {
                sum += x.at(row, f);
                ++count;
            }
        means[f] = count ? sum / double(count) : 0.0;
    }
    return means;
}

Eigen::MatrixXd expand(const FeatureMatrix &x, const DesignLayout &layout,
                       const std::vector<double> &means)
{
    Eigen::MatrixXd design =
        Eigen::MatrixXd::Zero(Eigen::Index(x.rows), Eigen::Index(layout.columns()));
    for (std::size_t row = 0; row < x.rows; ++row)
        layout.forEachEntry(x.row(row), means, [&](std::size_t column, double value) {
            design(Eigen::Index(row), Eigen::Index(column)) = value;
        });
    return design;
}

Design makeDesign(const TrainingSet &set, const DesignLayout &layout)
{
    Design design;
    design.means = featureMeans(*set.x);
    design.x = expand(*set.x, layout, design.means);
    design.y = Eigen::Map<const Eigen::VectorXd>(set.y.data(), Eigen::Index(set.y.size()));
    return design;
}

std::vector<std::size_t> varyingColumns(const Eigen::MatrixXd &centered)
{
    std::vector<std::size_t> columns;
    for (Eigen::Index c = 0; c < centered.cols(); ++c)
        if (centered.col(c).squaredNorm() > 0)
            columns.push_back(std::size_t(c));
    return columns;
}

Status checkCollinearity(const Eigen::MatrixXd &centered, const std::vector<std::size_t> &columns,
                         const DesignLayout &layout, const std::vector<FeatureSpec> &features,
                         const std::string &trainer)
{
    // The correlation matrix of the varying columns is singular exactly when they are collinear;
    // its near-null eigenvectors say which columns take part.
    const auto k = Eigen::Index(columns.size());
    Eigen::MatrixXd unit(centered.rows(), k);
    for (Eigen::Index i = 0; i < k; ++i) {
        const auto column = centered.col(Eigen::Index(columns[std::size_t(i)]));
        unit.col(i) = column / column.norm();
    }
    const Eigen::MatrixXd correlation = unit.transpose() * unit;
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(correlation);
    std::set<std::size_t> involved;
    for (Eigen::Index e = 0; e < k; ++e) {
        if (eigen.eigenvalues()(e) > 1e-10)
            continue;
        for (Eigen::Index i = 0; i < k; ++i)
            if (std::abs(eigen.eigenvectors()(i, e)) > 1e-6)
                involved.insert(layout.featureOfColumn(columns[std::size_t(i)]));
    }
    if (involved.empty())
        return {};
    std::string names;
    for (std::size_t f : involved)
        names += (names.empty() ? "'" : ", '") + features[f].name + "'";
    return Error::invalidInput(trainer + ": the features " + names +
                               " are collinear in the training rows (one is a linear combination "
                               "of the others); drop one of them or use ridge");
}

std::vector<double> scatter(const Eigen::VectorXd &solved, const std::vector<std::size_t> &columns,
                            std::size_t designColumns)
{
    std::vector<double> all(designColumns, 0.0);
    for (std::size_t i = 0; i < columns.size(); ++i)
        all[columns[i]] = solved(Eigen::Index(i));
    return all;
}

} // namespace assay::model::linear
