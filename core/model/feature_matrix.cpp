#include "model/feature_matrix.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace assay::model {

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

void fillNumeric(const table::Column &column, std::size_t featureIndex, FeatureMatrix &matrix)
{
    const std::size_t stride = matrix.columns();
    for (std::size_t row = 0; row < matrix.rows; ++row)
        matrix.values[row * stride + featureIndex] = column.numeric(row);
}

void fillCategorical(const table::Column &column, const FeatureSpec &spec,
                     std::size_t featureIndex, FeatureMatrix &matrix)
{
    std::unordered_map<std::string_view, double> codeOf;
    for (std::size_t i = 0; i < spec.categories.size(); ++i)
        codeOf.emplace(spec.categories[i], static_cast<double>(i));
    // Map each dictionary entry once, then every row through its dictionary code.
    std::vector<double> codeOfEntry(column.dictionary().size(), kMissing);
    for (std::size_t entry = 0; entry < codeOfEntry.size(); ++entry)
        if (auto found = codeOf.find(column.dictionary()[entry]); found != codeOf.end())
            codeOfEntry[entry] = found->second;
    const std::size_t stride = matrix.columns();
    const auto &codes = column.codes();
    for (std::size_t row = 0; row < matrix.rows; ++row)
        matrix.values[row * stride + featureIndex] =
            column.isMissing(row) ? kMissing : codeOfEntry[codes[row]];
}

// A categorical feature read from a column that is not text (a level that happens to be
// numeric in this file, e.g. "1", "2"): match by the formatted value.
void fillCategoricalFromFormatted(const table::Column &column, const FeatureSpec &spec,
                                  std::size_t featureIndex, FeatureMatrix &matrix)
{
    std::unordered_map<std::string, double> codeOf;
    for (std::size_t i = 0; i < spec.categories.size(); ++i)
        codeOf.emplace(spec.categories[i], static_cast<double>(i));
    const std::size_t stride = matrix.columns();
    for (std::size_t row = 0; row < matrix.rows; ++row) {
        const auto found = column.isMissing(row) ? codeOf.end() : codeOf.find(column.format(row));
        matrix.values[row * stride + featureIndex] = found == codeOf.end() ? kMissing : found->second;
    }
}

} // namespace

FeatureMatrix FeatureMatrix::subset(std::span<const std::size_t> indices) const
{
    FeatureMatrix part;
    part.rows = indices.size();
    part.features = features;
    part.values.resize(part.rows * columns());
    for (std::size_t i = 0; i < indices.size(); ++i) {
        const auto source = row(indices[i]);
        std::copy(source.begin(), source.end(), part.values.begin() + i * columns());
    }
    return part;
}

Result<std::vector<FeatureSpec>> inferFeatures(const table::Table &data,
                                               std::span<const std::string> names)
{
    std::vector<FeatureSpec> specs;
    for (const auto &name : names) {
        const auto index = data.indexOf(name);
        if (!index)
            return Error::notFound("no column '" + name + "' in the data");
        const auto &column = data.column(*index);
        FeatureSpec spec{name, FeatureKind::Numeric, {}};
        if (column.type() == table::ColumnType::String) {
            spec.kind = FeatureKind::Categorical;
            std::vector<std::uint8_t> used(column.dictionary().size(), 0);
            for (std::size_t row = 0; row < column.size(); ++row)
                if (!column.isMissing(row))
                    used[column.codes()[row]] = 1;
            for (std::size_t entry = 0; entry < used.size(); ++entry)
                if (used[entry])
                    spec.categories.push_back(column.dictionary()[entry]);
            std::sort(spec.categories.begin(), spec.categories.end());
        }
        specs.push_back(std::move(spec));
    }
    return specs;
}

std::vector<std::string> defaultFeatureNames(const table::Table &data, std::string_view target,
                                             std::span<const std::string> exclude)
{
    std::vector<std::string> names;
    for (const auto &column : data.columns())
        if (column.name() != target &&
            std::find(exclude.begin(), exclude.end(), column.name()) == exclude.end())
            names.push_back(column.name());
    return names;
}

Result<FeatureMatrix> buildMatrix(const table::Table &data, const std::vector<FeatureSpec> &features,
                                  std::string_view dataName)
{
    FeatureMatrix matrix;
    matrix.rows = data.rowCount();
    matrix.features = features;
    matrix.values.assign(matrix.rows * features.size(), kMissing);
    for (std::size_t f = 0; f < features.size(); ++f) {
        const auto &spec = features[f];
        const auto index = data.indexOf(spec.name);
        if (!index)
            return Error::invalidInput(std::string(dataName) + ": the model's feature '" + spec.name +
                                       "' is not a column of the data");
        const auto &column = data.column(*index);
        const bool isText = column.type() == table::ColumnType::String;
        if (spec.kind == FeatureKind::Numeric && isText)
            return Error::invalidInput(std::string(dataName) + ": column '" + spec.name +
                                       "' holds text, but the model reads it as a number");
        if (spec.kind == FeatureKind::Numeric)
            fillNumeric(column, f, matrix);
        else if (isText)
            fillCategorical(column, spec, f, matrix);
        else
            fillCategoricalFromFormatted(column, spec, f, matrix);
    }
    return matrix;
}

} // namespace assay::model
