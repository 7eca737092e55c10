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

bool isCategorical(ColumnType type)
{
    return type == ColumnType::String || type == ColumnType::Bool;
}

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
    // Each row's category as an index into `keys`: dictionary codes, or false/true.
    const bool text = column.type() == ColumnType::String;
    const std::vector<std::string> keys =
        text ? column.dictionary() : std::vector<std::string>{"false", "true"};
    const auto keyOf = [&](std::size_t row) -> std::size_t {
        return text ? column.codes()[row] : (column.bools()[row] ? 1 : 0);
    };
    std::vector<std::size_t> keyCounts(keys.size());
    std::size_t missing = 0;
    for (std::size_t row = 0; row < rows; ++row) {
        if (isMissing(column, row))
            ++missing;
        else
            ++keyCounts[keyOf(row)];
    }
    std::map<std::string, std::size_t> counts; // ordered: ties go to the smallest value
    for (std::size_t key = 0; key < keys.size(); ++key)
        if (keyCounts[key] > 0)
            counts[keys[key]] += keyCounts[key];
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
    std::vector<double> shareOfKey(keys.size());
    for (std::size_t key = 0; key < keys.size(); ++key)
        shareOfKey[key] = keyCounts[key] > 0 ? shares.at(keys[key]) : 0.0;
    for (std::size_t row = 0; row < rows; ++row)
        encoded[row] = isMissing(column, row) ? fill : shareOfKey[keyOf(row)];
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

// A column of the table being scored (null: not in it) and, for text categories, each
// dictionary entry's standardised value, looked up once per table rather than once per row.
struct ReconstructionModel::ColumnSource {
    const ColumnEncoding *encoding = nullptr;
    const Column *column = nullptr;
    std::vector<double> byCode;

    void standardise(std::size_t begin, std::size_t count, double *out) const;
};

// Writes rows [begin, begin + count) standardised into `out`.
void ReconstructionModel::ColumnSource::standardise(std::size_t begin, std::size_t count,
                                                    double *out) const
{
    const std::size_t end = begin + count;
    const double missing = encoding->standardise(encoding->fill);
    if (column == nullptr) {
        std::fill(out, out + count, missing);
        return;
    }
    if (encoding->categorical) {
        if (column->type() == ColumnType::String) {
            const auto &codes = column->codes();
            for (std::size_t row = begin; row < end; ++row)
                *out++ = column->isMissing(row) ? missing : byCode[codes[row]];
        } else {
            for (std::size_t row = begin; row < end; ++row)
                *out++ = isMissing(*column, row)
                             ? missing
                             : encoding->standardisedCategory(categoryOf(*column, row));
        }
        return;
    }
    switch (column->type()) {
    case ColumnType::Float: {
        const auto &values = column->floats();
        for (std::size_t row = begin; row < end; ++row)
            *out++ = isMissing(*column, row) ? missing : encoding->standardise(values[row]);
        break;
    }
    case ColumnType::Int:
    case ColumnType::Datetime: {
        const auto &values = column->ints();
        for (std::size_t row = begin; row < end; ++row)
            *out++ = column->isMissing(row) ? missing : encoding->standardise(double(values[row]));
        break;
    }
    case ColumnType::Bool: {
        const auto &values = column->bools();
        for (std::size_t row = begin; row < end; ++row)
            *out++ = column->isMissing(row) ? missing : encoding->standardise(values[row] ? 1 : 0);
        break;
    }
    case ColumnType::String: // text where the reference had numbers: treated as missing
        std::fill(out, out + count, missing);
        break;
    }
}

std::vector<ReconstructionModel::ColumnSource>
ReconstructionModel::sourcesOf(const table::Table &data) const
{
    std::vector<ColumnSource> sources(m_columns.size());
    for (std::size_t j = 0; j < m_columns.size(); ++j) {
        ColumnSource &source = sources[j];
        source.encoding = m_encodings[j].get();
        if (const auto index = data.indexOf(m_columns[j]))
            source.column = &data.column(*index);
        if (source.encoding->categorical && source.column &&
            source.column->type() == ColumnType::String)
            for (const auto &value : source.column->dictionary())
                source.byCode.push_back(source.encoding->standardisedCategory(value));
    }
    return sources;
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

    Eigen::MatrixXd data(Eigen::Index(rows), Eigen::Index(model.m_columns.size()));
    const auto sources = model.sourcesOf(reference);
    for (std::size_t j = 0; j < sources.size(); ++j)
        sources[j].standardise(0, rows, data.col(Eigen::Index(j)).data());
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
    const Eigen::MatrixXd components = solver.eigenvectors().rightCols(kept);
    const Eigen::MatrixXd discarded = solver.eigenvectors().leftCols(dimensions - kept);
    model.m_components.assign(components.data(), components.data() + components.size());
    model.m_discarded.assign(discarded.data(), discarded.data() + discarded.size());
    model.m_kept = int(kept);
    model.m_explainedShare = cumulative / total;
    return model;
}

// Rows go through in blocks that stay in cache. A row's residual z − P Pᵀ z is its part in
// the discarded components, so its length is |Qᵀ z| with Q the rest of the orthonormal basis:
// whichever of the two takes fewer multiplications is used.
std::vector<double> ReconstructionModel::rowErrors(const table::Table &data) const
{
    constexpr std::size_t kBlockRows = 512;
    const std::size_t rows = data.rowCount();
    const auto columns = Eigen::Index(m_columns.size());
    const auto discardedCount = columns - m_kept;
    const bool viaDiscarded = discardedCount <= 2 * Eigen::Index(m_kept);
    const Eigen::Map<const Eigen::MatrixXd> kept(m_components.data(), columns, m_kept);
    const Eigen::Map<const Eigen::MatrixXd> discarded(m_discarded.data(), columns, discardedCount);

    const auto sources = sourcesOf(data);
    std::vector<double> errors(rows);
    Eigen::MatrixXd block(Eigen::Index(kBlockRows), columns);
    Eigen::MatrixXd projected(Eigen::Index(kBlockRows), viaDiscarded ? discardedCount : m_kept);
    for (std::size_t begin = 0; begin < rows; begin += kBlockRows) {
        const std::size_t count = std::min(kBlockRows, rows - begin);
        const auto n = Eigen::Index(count);
        for (std::size_t j = 0; j < sources.size(); ++j)
            sources[j].standardise(begin, count, block.col(Eigen::Index(j)).data());
        auto z = block.topRows(n);
        auto p = projected.topRows(n);
        Eigen::Map<Eigen::VectorXd> out(errors.data() + begin, n);
        if (viaDiscarded) {
            p.noalias() = z * discarded;
            out = p.rowwise().norm();
        } else {
            p.noalias() = z * kept;
            z.noalias() -= p * kept.transpose();
            out = z.rowwise().norm();
        }
    }
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
