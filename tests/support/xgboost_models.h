#pragma once

// Seeded datasets the TreeSHAP tests hand to tests/oracles/xgboost_shap.py, and the models it
// trains on them read back.
#include "common/random.h"
#include "model/model_document.h"
#include "model/tree_ensemble.h"
#include "support/files.h"

#include <QtGlobal>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace assay::testing {

constexpr std::size_t kShapColumns = 6;

// Rows of 6 features, about 15% missing, with a label of the given kind in column y.
struct ShapDataset {
    std::size_t rows = 0;
    std::vector<double> x; // row-major
    std::vector<double> y;
};

inline ShapDataset makeShapDataset(const std::string &kind, std::uint64_t seed, std::size_t rows)
{
    ShapDataset data;
    data.rows = rows;
    Random random(seed);
    for (std::size_t r = 0; r < rows; ++r) {
        double row[kShapColumns];
        for (double &value : row) {
            value = random.normal(0, 1);
            if (random.chance(0.15))
                value = std::numeric_limits<double>::quiet_NaN();
        }
        // A few repeated values, so splits land exactly on row values.
        row[5] = std::isnan(row[5]) ? row[5] : std::round(row[5] * 2);
        data.x.insert(data.x.end(), row, row + kShapColumns);
        const auto v = [&](int i) { return std::isnan(row[i]) ? 0.3 : row[i]; };
        const double signal = 1.5 * v(0) - v(1) + 0.8 * v(2) * v(3) + 0.5 * v(4) * v(0) -
                              0.3 * v(5) + random.normal(0, 0.5);
        if (kind == "binary")
            data.y.push_back(signal > 0.2 ? 1 : 0);
        else if (kind == "multiclass")
            data.y.push_back(signal < -0.7 ? 0 : signal < 0.7 ? 1 : 2);
        else
            data.y.push_back(signal * 3 + 10);
    }
    return data;
}

// The CSV xgboost_shap.py reads: f0..f5, then y; missing values empty.
inline std::string shapCsv(const ShapDataset &data)
{
    std::string csv;
    for (std::size_t c = 0; c < kShapColumns; ++c)
        csv += "f" + std::to_string(c) + ",";
    csv += "y\n";
    char buffer[40];
    for (std::size_t r = 0; r < data.rows; ++r) {
        for (std::size_t c = 0; c < kShapColumns; ++c) {
            const double value = data.x[r * kShapColumns + c];
            if (!std::isnan(value)) {
                std::snprintf(buffer, sizeof buffer, "%.17g", value);
                csv += buffer;
            }
            csv += ",";
        }
        std::snprintf(buffer, sizeof buffer, "%.17g", data.y[r]);
        csv += std::string(buffer) + "\n";
    }
    return csv;
}

inline std::shared_ptr<const model::TreeEnsemble> loadEnsemble(const std::filesystem::path &path)
{
    auto loaded = model::loadModel(slurp(path), path.filename().string());
    if (!loaded)
        qFatal("%s", loaded.error().message.c_str());
    auto ensemble = std::dynamic_pointer_cast<const model::TreeEnsemble>(loaded->model);
    if (!ensemble)
        qFatal("%s is not a tree ensemble", path.string().c_str());
    return ensemble;
}

// The first `rows` rows of `data` (all when 0) as the model's feature matrix.
inline model::FeatureMatrix matrixFor(const model::Model &model, const ShapDataset &data,
                                      std::size_t rows = 0)
{
    model::FeatureMatrix matrix;
    matrix.rows = rows == 0 ? data.rows : std::min(rows, data.rows);
    matrix.features = model.signature().features;
    matrix.values.assign(data.x.begin(), data.x.begin() + matrix.rows * kShapColumns);
    return matrix;
}

} // namespace assay::testing
