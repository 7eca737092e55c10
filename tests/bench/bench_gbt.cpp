// bench_gbt TRAIN.csv TEST.csv --target COL [--threads N] [--param k=v ...]
// Trains Assay's gradient-boosted trees ("gbt") on TRAIN, predicts TEST and prints
// {"train_seconds":..,"predict_seconds":..,"test_auc":..,"trees":..,"rows":..} on stdout
// (binary targets; the AUC is of the positive class's probability). Reading the files and
// building the matrices are not timed. Driven by tests/bench/bench_gbt.py against xgboost.
#include "model/feature_matrix.h"
#include "model/gbt_trainer.h"
#include "model/target.h"
#include "model/tree_ensemble.h"
#include "table/reader.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace assay;

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Mann–Whitney: the share of (positive, negative) pairs ranked correctly, ties counting half.
double rocAuc(const std::vector<double> &scores, std::span<const double> labels)
{
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    double positiveRankSum = 0, positives = 0;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j < order.size() && scores[order[j]] == scores[order[i]])
            ++j;
        const double midRank = (static_cast<double>(i + j) + 1) / 2;
        for (std::size_t k = i; k < j; ++k)
            if (labels[order[k]] > 0.5) {
                positiveRankSum += midRank;
                positives += 1;
            }
        i = j;
    }
    const double negatives = static_cast<double>(scores.size()) - positives;
    return (positiveRankSum - positives * (positives + 1) / 2) / (positives * negatives);
}

template <typename T> T orExit(Result<T> result)
{
    if (!result) {
        std::fprintf(stderr, "%s\n", result.error().message.c_str());
        std::exit(2);
    }
    return std::move(*result);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 5) {
        std::fprintf(stderr, "usage: bench_gbt TRAIN.csv TEST.csv --target COL [--threads N] "
                             "[--param k=v ...]\n");
        return 2;
    }
    std::string targetName;
    unsigned threads = 0;
    std::map<std::string, std::string> given;
    for (int i = 3; i + 1 < argc; i += 2) {
        const std::string_view flag = argv[i];
        const std::string value = argv[i + 1];
        if (flag == "--target")
            targetName = value;
        else if (flag == "--threads")
            threads = static_cast<unsigned>(std::stoul(value));
        else if (flag == "--param" && value.find('=') != std::string::npos)
            given[value.substr(0, value.find('='))] = value.substr(value.find('=') + 1);
    }
    const auto train = orExit(table::readTable(argv[1])).table;
    const auto test = orExit(table::readTable(argv[2])).table;
    const auto names = model::defaultFeatureNames(train, targetName);
    const auto features = orExit(model::inferFeatures(train, names));
    const auto trainX = orExit(model::buildMatrix(train, features, "train"));
    const auto testX = orExit(model::buildMatrix(test, features, "test"));
    const auto trainY = orExit(model::encodeTarget(train, targetName));
    const auto testY =
        orExit(model::encodeTargetFor(test, targetName, trainY.task, trainY.classes, "test"));

    const auto trainer = model::makeGradientBoostingTrainer();
    model::TrainOptions options;
    options.params = orExit(model::resolveParams(trainer->params(), given));
    options.threads = threads;
    model::TrainingSet set{
        &trainX, trainY.values, {trainY.task, targetName, trainY.classes, features}};

    auto start = std::chrono::steady_clock::now();
    const auto trained = orExit(trainer->train(set, options));
    const double trainSeconds = secondsSince(start);

    start = std::chrono::steady_clock::now();
    const std::vector<double> scores = trained->predictions(testX, threads);
    const double predictSeconds = secondsSince(start);

    const auto *ensemble = dynamic_cast<const model::TreeEnsemble *>(trained.get());
    std::printf("{\"train_seconds\":%.4f,\"predict_seconds\":%.4f,\"test_auc\":%.6f,"
                "\"trees\":%zu,\"rows\":%zu}\n",
                trainSeconds, predictSeconds, rocAuc(scores, testY.values),
                ensemble ? ensemble->trees().size() : 0, trainX.rows);
    return 0;
}
