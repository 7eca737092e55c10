// KernelSHAP on 14 features with a k = 10 background: the k-means summary of 20k rows, then
// ROWS rows explained through an Assay linear model and through an external awk command that
// computes the same function. Prints {"kmeans_seconds", "model_seconds", "command_seconds",
// "rows", "largest_difference"}.
#include "common/random.h"
#include "explain/background.h"
#include "explain/external_predictor.h"
#include "explain/kernel_shap.h"
#include "model/linear_model.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

using namespace assay;
using namespace assay::explain;
using namespace assay::model;

namespace {

constexpr std::size_t kFeatures = 14;

FeatureMatrix randomRows(std::size_t rows, std::uint64_t seed)
{
    Random random(seed);
    FeatureMatrix x;
    x.rows = rows;
    for (std::size_t f = 0; f < kFeatures; ++f)
        x.features.push_back(
            {.name = "f" + std::to_string(f), .kind = FeatureKind::Numeric, .categories = {}});
    for (std::size_t i = 0; i < rows * kFeatures; ++i)
        x.values.push_back(random.normal(0, 1));
    return x;
}

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

int main(int argc, char **argv)
{
    const std::size_t rows = argc > 1 ? std::stoul(argv[1]) : 200;
    const FeatureMatrix data = randomRows(20000, 1);
    const FeatureMatrix x = randomRows(rows, 2);

    ModelSignature signature{
        .task = Task::Regression, .target = "y", .classes = {}, .features = data.features};
    LinearParameters parameters;
    parameters.means.assign(kFeatures, 0.0);
    parameters.intercepts = {0.5};
    std::vector<double> coefficients;
    std::string formula = "0.5";
    for (std::size_t f = 0; f < kFeatures; ++f) {
        coefficients.push_back(double(f) - 6.5);
        formula += " + " + std::to_string(coefficients.back()) + " * $" + std::to_string(f + 1);
    }
    parameters.coefficients = {coefficients};
    const LinearModel model(signature, parameters);

    auto start = std::chrono::steady_clock::now();
    auto background = summarizeBackground(data, 10, 1);
    const double kmeansSeconds = secondsSince(start);
    if (!background)
        return 2;

    ModelPredictor modelPredictor(model, 1);
    start = std::chrono::steady_clock::now();
    auto viaModel = kernelShap(modelPredictor, *background, x, {});
    const double modelSeconds = secondsSince(start);

    ExternalPredictor command("awk -F, 'NR > 1 { printf \"%.17g\\n\", " + formula + " }'");
    start = std::chrono::steady_clock::now();
    auto viaCommand = kernelShap(command, *background, x, {});
    const double commandSeconds = secondsSince(start);
    if (!viaModel || !viaCommand) {
        std::fprintf(stderr, "%s\n", (!viaModel ? viaModel : viaCommand).error().message.c_str());
        return 2;
    }
    double largest = 0;
    for (std::size_t i = 0; i < viaModel->values.size(); ++i)
        largest = std::max(largest, std::abs(viaModel->values[i] - viaCommand->values[i]));
    std::printf("{\"kmeans_seconds\": %.4f, \"model_seconds\": %.4f, \"command_seconds\": %.4f, "
                "\"rows\": %zu, \"largest_difference\": %.3g}\n",
                kmeansSeconds, modelSeconds, commandSeconds, rows, largest);
    return 0;
}
