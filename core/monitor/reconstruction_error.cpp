#include "monitor/reconstruction_error.h"

#include <Eigen/Core>
#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

namespace assay::monitor {

using table::Column;
using table::ColumnType;

namespace {

bool isCategorical(ColumnType type) { return type == ColumnType::String || type == ColumnType::Bool; }

bool isMissing(const Column &column, std::size_t row)
{
    return column.isMissing(row) ||
           (column.type() == ColumnType::Float && std::isnan(column.floats()[row]));
}

// A category's text as the encoding keys it: the string, or "true"/"false".
std::string categoryOf(const Column &column, std::size_t row)
{
    return column.type() == ColumnType::String ? std::string(column.text(row)) : column.format(row);
}

} // namespace

struct ReconstructionModel::ColumnEncoding {
    std::string name;
    bool categorical = false;
    double fill = 0; // what a missing value becomes, before standardising
    std::unordered_map<std::string, double> shares; // categories: value → share of the rows
    double center = 0;
    double scale = 1;

    double standardise(double encoded) const { return (encoded - center) / scale; }
    double standardisedCategory(std::string_view value) const
    {
        const auto found = shares.find(std::string(value));
        return standardise(found == shares.end() ? 0.0 : found->second);
    }
    std::optional<std::vector<double>> encodeReference(const Column &column);
    void fitScale(const std::vector<double> &encoded);
    void standardiseInto(const Column *column, std::size_t rows, double *out) const;
};

// Fills the imputation and returns the column imputed and encoded (one value per row), or
// nothing when the reference has no value in it.
std::optional<std::vector<double>>
ReconstructionModel::ColumnEncoding::encodeReference(const Column &column)
{
    const std::size_t rows = column.size();
    std::vector<double> encoded(rows);
    if (!categorical) {
        double sum = 0;
        std::size_t present = 0;
        for (std::size_t row = 0; row < rows; ++row)
            if (!isMissing(column, row)) {
                sum += column.numeric(row);
                ++present;
            }
        if (present == 0)
            return std::nullopt;
        fill = sum / double(present);
        for (std::size_t row = 0; row < rows; ++row)
            encoded[row] = isMissing(column, row) ? fill : column.numeric(row);
        return encoded;
    }
    std::map<std::string, std::size_t> counts; // ordered: ties go to the smallest value
    std::size_t missing = 0;
    for (std::size_t row = 0; row < rows; ++row) {
        if (isMissing(column, row))
            ++missing;
        else
            ++counts[categoryOf(column, row)];
    }
    if (counts.empty())
        return std::nullopt;
    auto mode = counts.begin();
    for (auto it = counts.begin(); it != counts.end(); ++it)
        if (it->second > mode->second)
            mode = it;
    mode->second += missing; // the imputed rows take the most frequent value
    for (const auto &[value, count] : counts)
        shares.emplace(value, double(count) / double(rows));
    fill = shares.at(mode->first);
    for (std::size_t row = 0; row < rows; ++row)
        encoded[row] = isMissing(column, row) ? fill : shares.at(categoryOf(column, row));
    return encoded;
}

// Standard deviation with ddof 0; a column with one value throughout keeps scale 1.
void ReconstructionModel::ColumnEncoding::fitScale(const std::vector<double> &encoded)
{
    double sum = 0;
    for (double value : encoded)
        sum += value;
    center = sum / double(encoded.size());
    double squares = 0;
    for (double value : encoded)
        squares += (value - center) * (value - center);
    const auto [low, high] = std::minmax_element(encoded.begin(), encoded.end());
    scale = *low == *high ? 1.0 : std::sqrt(squares / double(encoded.size()));
}

// Writes `column` (or, when it is absent, wholly missing values) standardised into `out`.
void ReconstructionModel::ColumnEncoding::standardiseInto(const Column *column, std::size_t rows,
                                                          double *out) const
{
    const double missing = standardise(fill);
    if (column == nullptr) {
        std::fill(out, out + rows, missing);
        return;
    }
    if (categorical) {
        if (column->type() == ColumnType::String) {
            std::vector<double> byCode(column->dictionary().size());
            for (std::size_t code = 0; code < byCode.size(); ++code)
                byCode[code] = standardisedCategory(column->dictionary()[code]);
            const auto &codes = column->codes();
            for (std::size_t row = 0; row < rows; ++row)
                out[row] = column->isMissing(row) ? missing : byCode[codes[row]];
        } else {
            for (std::size_t row = 0; row < rows; ++row)
                out[row] = isMissing(*column, row)
                               ? missing
                               : standardisedCategory(categoryOf(*column, row));
        }
        return;
    }
    switch (column->type()) {
    case ColumnType::Float: {
        const auto &values = column->floats();
        for (std::size_t row = 0; row < rows; ++row)
            out[row] = isMissing(*column, row) ? missing : standardise(values[row]);
        break;
    }
    case ColumnType::Int:
    case ColumnType::Datetime: {
        const auto &values = column->ints();
        for (std::size_t row = 0; row < rows; ++row)
            out[row] = column->isMissing(row) ? missing : standardise(double(values[row]));
        break;
    }
    case ColumnType::Bool: {
        const auto &values = column->bools();
        for (std::size_t row = 0; row < rows; ++row)
            out[row] = column->isMissing(row) ? missing : standardise(values[row] ? 1 : 0);
        break;
    }
    case ColumnType::String: // text where the reference had numbers: treated as missing
        std::fill(out, out + rows, missing);
        break;
    }
}

Result<ReconstructionModel> ReconstructionModel::fit(const table::Table &reference,
                                                     const std::vector<std::string> &columns,
                                                     double varianceShare)
{
    ReconstructionModel model;
    for (const auto &name : columns) {
        const auto index = reference.indexOf(name);
        if (!index)
            return Error::invalidInput("reconstruction error: column '" + name +
                                       "' is not in the reference");
        const Column &column = reference.column(*index);
        auto encoding = std::make_shared<ColumnEncoding>();
        encoding->name = name;
        encoding->categorical = isCategorical(column.type());
        auto encoded = encoding->encodeReference(column);
        if (!encoded)
            continue; // no value to learn from
        encoding->fitScale(*encoded);
        model.m_columns.push_back(name);
        model.m_encodings.push_back(std::move(encoding));
    }
    const std::size_t rows = reference.rowCount();
    if (model.m_columns.size() < 2 || rows < 2)
        return Error::invalidInput("reconstruction error: needs at least 2 rows and 2 columns with "
                                   "values in the reference, got " +
                                   std::to_string(rows) + " rows and " +
                                   std::to_string(model.m_columns.size()) + " columns");

    const std::vector<double> values = model.standardised(reference);
    const Eigen::Map<const Eigen::MatrixXd> data(values.data(), Eigen::Index(rows),
                                                 Eigen::Index(model.m_columns.size()));
    const Eigen::MatrixXd centred = data.rowwise() - data.colwise().mean();
    const Eigen::MatrixXd covariance = (centred.transpose() * centred) / double(rows - 1);
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(covariance);
    if (solver.info() != Eigen::Success)
        return Error::internal("reconstruction error: the covariance's eigen decomposition failed");

    // Eigen sorts eigenvalues ascending; the leading components are at the end.
    const Eigen::Index dimensions = covariance.rows();
    const Eigen::VectorXd variances = solver.eigenvalues().reverse().cwiseMax(0.0);
    const double total = variances.sum();
    if (total <= 0)
        return Error::invalidInput("reconstruction error: no column varies in the reference");
    Eigen::Index kept = 0;
    double cumulative = 0;
    while (kept < dimensions && cumulative / total <= varianceShare)
        cumulative += variances[kept++];
    const Eigen::MatrixXd components = solver.eigenvectors().rightCols(kept).rowwise().reverse();
    model.m_components.assign(components.data(), components.data() + components.size());
    model.m_kept = int(kept);
    model.m_explainedShare = cumulative / total;
    return model;
}

std::vector<double> ReconstructionModel::standardised(const table::Table &data) const
{
    const std::size_t rows = data.rowCount();
    std::vector<double> out(rows * m_columns.size());
    for (std::size_t j = 0; j < m_columns.size(); ++j) {
        const auto index = data.indexOf(m_columns[j]);
        m_encodings[j]->standardiseInto(index ? &data.column(*index) : nullptr, rows,
                                        out.data() + j * rows);
    }
    return out;
}

std::vector<double> ReconstructionModel::rowErrors(const table::Table &data) const
{
    std::vector<double> values = standardised(data);
    const auto rows = Eigen::Index(data.rowCount());
    const auto columns = Eigen::Index(m_columns.size());
    Eigen::Map<Eigen::MatrixXd> residual(values.data(), rows, columns);
    const Eigen::Map<const Eigen::MatrixXd> components(m_components.data(), columns, m_kept);
    const Eigen::MatrixXd scores = residual * components;
    residual.noalias() -= scores * components.transpose();
    std::vector<double> errors(std::size_t(residual.rows()));
    Eigen::Map<Eigen::VectorXd>(errors.data(), residual.rows()) = residual.rowwise().norm();
    return errors;
}

double ReconstructionModel::meanError(const table::Table &data) const
{
    const auto errors = rowErrors(data);
    if (errors.empty())
        return std::numeric_limits<double>::quiet_NaN();
    double sum = 0;
    for (double error : errors)
        sum += error;
    return sum / double(errors.size());
}

} // namespace assay::monitor
