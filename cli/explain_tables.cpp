#include "explain_tables.h"

#include "model/run_recorder.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace assay::cli {

namespace {

using table::Column;
using table::ColumnType;

// Builds a table column by column, row by row.
class TableBuilder {
public:
    std::size_t addFloat(std::string name)
    {
        m_columns.emplace_back(std::move(name), ColumnType::Float);
        return m_columns.size() - 1;
    }
    std::size_t addInt(std::string name)
    {
        m_columns.emplace_back(std::move(name), ColumnType::Int);
        return m_columns.size() - 1;
    }
    std::size_t addText(std::string name)
    {
        m_columns.emplace_back(std::move(name), ColumnType::String);
        m_codes.emplace_back();
        m_textIndex[m_columns.size() - 1] = m_codes.size() - 1;
        return m_columns.size() - 1;
    }
    void number(std::size_t column, double value) { m_columns[column].floats().push_back(value); }
    void integer(std::size_t column, std::int64_t value)
    {
        m_columns[column].ints().push_back(value);
    }
    void text(std::size_t column, const std::string &value)
    {
        auto &codes = m_codes[m_textIndex[column]];
        auto [it, added] = codes.emplace(value, std::uint32_t(codes.size()));
        if (added)
            m_columns[column].dictionary().push_back(value);
        m_columns[column].codes().push_back(it->second);
    }
    table::Table build()
    {
        // NaN (a value that is not there) is written as an empty field.
        for (Column &column : m_columns)
            if (column.type() == ColumnType::Float) {
                const auto &floats = column.floats();
                if (std::any_of(floats.begin(), floats.end(),
                                [](double v) { return std::isnan(v); })) {
                    column.missing().assign(floats.size(), 0);
                    for (std::size_t i = 0; i < floats.size(); ++i)
                        column.missing()[i] = std::isnan(floats[i]) ? 1 : 0;
                }
            }
        return table::Table(std::move(m_columns));
    }

private:
    std::vector<Column> m_columns;
    std::vector<std::map<std::string, std::uint32_t>> m_codes;
    std::map<std::size_t, std::size_t> m_textIndex;
};

std::string featureName(const explain::Explanation &explanation, std::size_t feature)
{
    return explanation.subject.features[feature].name;
}

std::string outputName(const explain::Explanation &explanation, std::size_t output)
{
    const auto &outputs = explanation.subject.outputs;
    return output < outputs.size() ? outputs[output] : std::to_string(output);
}

// A grid value as the data holds it: a category's label, or the number.
std::string valueText(const model::FeatureSpec &feature, double value)
{
    if (feature.kind == model::FeatureKind::Categorical && value >= 0 &&
        value < double(feature.categories.size()))
        return feature.categories[static_cast<std::size_t>(value)];
    return model::numberText(value);
}

} // namespace

table::Table shapValuesTable(const explain::Explanation &explanation,
                             const explain::ShapExplanation &shap)
{
    TableBuilder builder;
    const auto &values = shap.values;
    std::vector<std::size_t> columns;
    for (std::size_t output = 0; output < values.outputs; ++output) {
        const std::string suffix = values.outputs > 1 ? "@" + outputName(explanation, output) : "";
        for (std::size_t feature = 0; feature < values.features; ++feature)
            columns.push_back(builder.addFloat(featureName(explanation, feature) + suffix));
        columns.push_back(builder.addFloat("bias" + suffix));
    }
    for (std::size_t row = 0; row < values.rows; ++row)
        for (std::size_t output = 0; output < values.outputs; ++output) {
            const auto contributions = values.of(row, output);
            for (std::size_t i = 0; i < contributions.size(); ++i)
                builder.number(columns[output * values.width() + i], contributions[i]);
        }
    return builder.build();
}

table::Table shapInteractionsTable(const explain::Explanation &explanation,
                                   const explain::ShapExplanation &shap,
                                   const explain::ShapInteractions &interactions)
{
    TableBuilder builder;
    const std::size_t rowColumn = builder.addInt("row");
    const std::size_t outputColumn = builder.addText("output");
    const std::size_t aColumn = builder.addText("feature_a");
    const std::size_t bColumn = builder.addText("feature_b");
    const std::size_t valueColumn = builder.addFloat("value");
    const std::size_t features = interactions.features;
    const std::size_t width = interactions.width();
    const auto add = [&](std::size_t row, std::size_t output, const std::string &a,
                         const std::string &b, double value) {
        builder.integer(rowColumn, static_cast<std::int64_t>(shap.rowIds[row]));
        builder.text(outputColumn, outputName(explanation, output));
        builder.text(aColumn, a);
        builder.text(bColumn, b);
        builder.number(valueColumn, value);
    };
    for (std::size_t row = 0; row < interactions.rows; ++row)
        for (std::size_t output = 0; output < interactions.outputs; ++output) {
            const auto matrix = interactions.of(row, output);
            for (std::size_t a = 0; a < features; ++a)
                for (std::size_t b = 0; b < features; ++b)
                    add(row, output, featureName(explanation, a), featureName(explanation, b),
                        matrix[a * width + b]);
            add(row, output, "bias", "bias", matrix[features * width + features]);
        }
    return builder.build();
}

table::Table limeTable(const explain::Explanation &explanation, const explain::LimeResult &lime)
{
    TableBuilder builder;
    const std::size_t row = builder.addInt("row");
    const std::size_t output = builder.addText("output");
    const std::size_t rank = builder.addInt("rank");
    const std::size_t feature = builder.addText("feature");
    const std::size_t condition = builder.addText("condition");
    const std::size_t weight = builder.addFloat("weight");
    const std::size_t intercept = builder.addFloat("intercept");
    const std::size_t local = builder.addFloat("local_prediction");
    const std::size_t model = builder.addFloat("model_prediction");
    const std::size_t score = builder.addFloat("score");
    for (const explain::LimeExplanation &one : lime.explanations)
        for (std::size_t i = 0; i < one.terms.size(); ++i) {
            builder.integer(row, static_cast<std::int64_t>(lime.rowIds[one.row]));
            builder.text(output, outputName(explanation, one.output));
            builder.integer(rank, static_cast<std::int64_t>(i + 1));
            builder.text(feature, featureName(explanation, one.terms[i].feature));
            builder.text(condition, one.terms[i].condition);
            builder.number(weight, one.terms[i].weight);
            builder.number(intercept, one.intercept);
            builder.number(local, one.localPrediction);
            builder.number(model, one.modelPrediction);
            builder.number(score, one.score);
        }
    return builder.build();
}

table::Table permutationTable(const explain::Explanation &explanation,
                              const explain::PermutationResult &permutation)
{
    TableBuilder builder;
    const std::size_t feature = builder.addText("feature");
    const std::size_t mean = builder.addFloat("mean");
    const std::size_t std = builder.addFloat("std");
    std::size_t repeats = 0;
    for (const auto &importance : permutation.importance.features)
        repeats = std::max(repeats, importance.drops.size());
    std::vector<std::size_t> drops;
    for (std::size_t r = 0; r < repeats; ++r)
        drops.push_back(builder.addFloat("drop_" + std::to_string(r + 1)));
    for (const auto &importance : permutation.importance.features) {
        builder.text(feature, featureName(explanation, importance.feature));
        builder.number(mean, importance.mean);
        builder.number(std, importance.std);
        for (std::size_t r = 0; r < repeats; ++r)
            builder.number(drops[r],
                           r < importance.drops.size() ? importance.drops[r] : std::nan(""));
    }
    return builder.build();
}

table::Table partialDependenceTable(const explain::Explanation &explanation,
                                    const explain::PartialDependenceResult &pdp)
{
    TableBuilder builder;
    const std::size_t feature = builder.addText("feature");
    const std::size_t value = builder.addText("value");
    const std::size_t output = builder.addText("output");
    const std::size_t average = builder.addFloat("average");
    for (const explain::PartialDependence &curve : pdp.curves)
        for (std::size_t g = 0; g < curve.grid.size(); ++g)
            for (std::size_t o = 0; o < curve.outputs; ++o) {
                builder.text(feature, featureName(explanation, curve.feature));
                builder.text(value,
                             valueText(explanation.subject.features[curve.feature], curve.grid[g]));
                builder.text(output, outputName(explanation, o));
                builder.number(average, curve.average[g * curve.outputs + o]);
            }
    return builder.build();
}

} // namespace assay::cli
