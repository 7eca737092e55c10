// TEMPORARY stand-in until the math helper's reconstruction_error.cpp is merged.
#include "monitor/reconstruction_error.h"

#include <Eigen/Eigenvalues>

#include <cmath>
#include <map>

namespace assay::monitor {

struct ReconstructionModel::ColumnEncoding {
    bool numeric = true;
    double fill = 0;
    std::map<std::string, double> shares;
    double mean = 0;
    double scale = 1;

    double encode(const table::Column *column, std::size_t row) const
    {
        if (!column || column->isMissing(row))
            return fill;
        if (numeric) {
            const double v = column->numeric(row);
            return std::isfinite(v) ? v : fill;
        }
        const auto it = shares.find(column->format(row));
        return it == shares.end() ? 0 : it->second;
    }
};

Result<ReconstructionModel> ReconstructionModel::fit(const table::Table &reference,
                                                     const std::vector<std::string> &columns,
                                                     double varianceShare)
{
    ReconstructionModel model;
    for (const auto &name : columns) {
        const auto index = reference.indexOf(name);
        if (!index)
            continue;
        const table::Column &column = reference.column(*index);
        auto encoding = std::make_shared<ColumnEncoding>();
        encoding->numeric = column.type() != table::ColumnType::String && column.type() != table::ColumnType::Bool;
        if (encoding->numeric) {
            double sum = 0;
            std::size_t n = 0;
            for (std::size_t r = 0; r < column.size(); ++r)
                if (!column.isMissing(r) && std::isfinite(column.numeric(r))) {
                    sum += column.numeric(r);
                    ++n;
                }
            encoding->fill = n ? sum / double(n) : 0;
        } else {
            std::map<std::string, double> counts;
            std::size_t n = 0;
            for (std::size_t r = 0; r < column.size(); ++r)
                if (!column.isMissing(r)) {
                    counts[column.format(r)] += 1;
                    ++n;
                }
            std::string top;
            double best = -1;
            for (auto &[value, count] : counts) {
                if (count > best) {
                    best = count;
                    top = value;
                }
                count /= double(std::max<std::size_t>(n, 1));
            }
            encoding->shares = counts;
            encoding->fill = counts.count(top) ? counts[top] : 0;
        }
        model.m_columns.push_back(name);
        model.m_encodings.push_back(encoding);
    }
    if (model.m_columns.size() < 2 || reference.rowCount() < 2)
        return Error::invalidInput("reconstruction error needs at least 2 columns and 2 rows");
    Eigen::MatrixXd raw = model.standardised(reference); // identity scaling so far
    for (Eigen::Index c = 0; c < raw.cols(); ++c) {
        auto &enc = const_cast<ColumnEncoding &>(*model.m_encodings[std::size_t(c)]);
        const double mean = raw.col(c).mean();
        const double sd = std::sqrt((raw.col(c).array() - mean).square().mean());
        enc.mean = mean;
        enc.scale = sd > 0 ? sd : 1;
    }
    const Eigen::MatrixXd z = model.standardised(reference);
    const Eigen::MatrixXd centered = z.rowwise() - z.colwise().mean();
    const Eigen::MatrixXd covariance = centered.transpose() * centered / double(z.rows() - 1);
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(covariance);
    const Eigen::VectorXd values = solver.eigenvalues().reverse();
    const Eigen::MatrixXd vectors = solver.eigenvectors().rowwise().reverse();
    const double total = values.sum();
    double cumulative = 0;
    Eigen::Index kept = 0;
    while (kept < values.size()) {
        cumulative += values[kept++];
        if (total <= 0 || cumulative / total > varianceShare)
            break;
    }
    model.m_components = vectors.leftCols(kept);
    model.m_explainedShare = total > 0 ? cumulative / total : 1;
    return model;
}

Eigen::MatrixXd ReconstructionModel::standardised(const table::Table &data) const
{
    Eigen::MatrixXd out(static_cast<Eigen::Index>(data.rowCount()), static_cast<Eigen::Index>(m_columns.size()));
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        const auto index = data.indexOf(m_columns[c]);
        const table::Column *column = index ? &data.column(*index) : nullptr;
        const ColumnEncoding &enc = *m_encodings[c];
        for (std::size_t r = 0; r < data.rowCount(); ++r)
            out(Eigen::Index(r), Eigen::Index(c)) = (enc.encode(column, r) - enc.mean) / enc.scale;
    }
    return out;
}

std::vector<double> ReconstructionModel::rowErrors(const table::Table &data) const
{
    const Eigen::MatrixXd z = standardised(data);
    const Eigen::MatrixXd back = z * m_components * m_components.transpose();
    std::vector<double> errors(data.rowCount());
    for (std::size_t r = 0; r < errors.size(); ++r)
        errors[r] = (z.row(Eigen::Index(r)) - back.row(Eigen::Index(r))).norm();
    return errors;
}

double ReconstructionModel::meanError(const table::Table &data) const
{
    const auto errors = rowErrors(data);
    double sum = 0;
    for (double e : errors)
        sum += e;
    return errors.empty() ? 0 : sum / double(errors.size());
}

} // namespace assay::monitor
