#include "demo/demo_sweep.h"

#include "common/random.h"
#include "track/tracking_store.h"
#include "workspace/workspace.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <vector>

namespace assay::demo {

namespace {

constexpr int kRounds = 300;   // boosting rounds per run
constexpr int kLogEvery = 3;   // a point every few rounds: 100 points per metric
constexpr std::string_view kSweepExperiment = "credit-default-gbm";
constexpr std::string_view kCvExperiment = "credit-default-cv";

struct HyperParameters {
    double learningRate;
    int maxDepth;
    double subsample;
    int minChildWeight;
};

std::string hexId(Random &random)
{
    char text[33];
    std::snprintf(text, sizeof text, "%016llx%016llx",
                  static_cast<unsigned long long>(random.next()),
                  static_cast<unsigned long long>(random.next()));
    return text;
}

std::string formatNumber(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

// Validation log-loss after `round` rounds: falls towards a floor set by capacity, then
// climbs again once deep, fast models start to overfit; subsampling and a larger minimum
// child weight regularise. Noise is per point.
struct Curve {
    double start = 0.69;   // log-loss of predicting the base rate
    double floor = 0.0;
    double speed = 0.0;
    double overfitFrom = 0.0;
    double overfitRate = 0.0;

    double validationLoss(int round) const
    {
        const double fit = floor + (start - floor) * std::exp(-speed * round);
        const double overfit = round > overfitFrom ? overfitRate * (round - overfitFrom) : 0.0;
        return fit + overfit;
    }
    double trainingLoss(int round) const
    {
        // Training loss keeps falling below the validation floor as capacity allows.
        const double fit = floor + (start - floor) * std::exp(-speed * round);
        return fit - (floor * 0.35) * (1.0 - std::exp(-speed * 0.5 * round));
    }
};

Curve curveFor(const HyperParameters &p, Random &random)
{
    Curve curve;
    const double depthPenalty = std::abs(p.maxDepth - 5) * 0.006;
    curve.floor = 0.405 + depthPenalty + (1.0 - p.subsample) * -0.01 +
                  (p.minChildWeight > 1 ? -0.004 : 0.0) + random.normal(0, 0.002);
    curve.speed = p.learningRate * (0.18 + 0.02 * p.maxDepth);
    const double capacity = p.learningRate * p.maxDepth * (p.subsample < 1 ? 0.8 : 1.0) *
                            (p.minChildWeight > 1 ? 0.7 : 1.0);
    curve.overfitFrom = std::clamp(90.0 / capacity, 40.0, 1e9);
    curve.overfitRate = 0.00004 * capacity;
    return curve;
}

// The AUC that goes with a validation loss on this data (monotone, with a little noise).
double aucFor(double loss, Random &random)
{
    return std::clamp(0.5 + (0.69 - loss) * 1.25 + random.normal(0, 0.0015), 0.5, 0.999);
}

struct RunPlan {
    std::string name;
    HyperParameters params;
    std::int64_t startMs;
    double secondsPerRound;
    bool diverges = false;
    std::optional<std::string> parentRunId;
    std::string experiment;
};

Status recordRun(track::TrackingStore &store, const SweepContext &context, const RunPlan &plan,
                 Random &random, std::string *runIdOut = nullptr)
{
    track::RunInfo info;
    info.runId = hexId(random);
    info.experiment = plan.experiment;
    info.name = plan.name;
    info.startMs = plan.startMs;
    info.user = "demo";
    info.gitCommit = context.gitCommit;
    info.gitDirty = false;
    info.parentRunId = plan.parentRunId;
    auto runId = store.startRun(info);
    if (!runId)
        return runId.error();
    if (runIdOut)
        *runIdOut = *runId;

    const HyperParameters &p = plan.params;
    ASSAY_TRY(store.logParam(*runId, "model", "gradient_boosting"));
    ASSAY_TRY(store.logParam(*runId, "learning_rate", formatNumber(p.learningRate)));
    ASSAY_TRY(store.logParam(*runId, "max_depth", std::to_string(p.maxDepth)));
    ASSAY_TRY(store.logParam(*runId, "subsample", formatNumber(p.subsample)));
    ASSAY_TRY(store.logParam(*runId, "min_child_weight", std::to_string(p.minChildWeight)));
    ASSAY_TRY(store.logParam(*runId, "n_rounds", std::to_string(kRounds)));
    ASSAY_TRY(store.logTag(*runId, "team", "risk"));
    ASSAY_TRY(store.logTag(*runId, "source", "assay demo (simulated learning curves)"));
    track::DatasetInput data;
    data.name = "credit";
    data.path = "data/credit.csv";
    data.md5 = context.datasetMd5;
    data.revision = context.gitCommit;
    ASSAY_TRY(store.logDataset(*runId, data));

    const Curve curve = curveFor(p, random);
    std::vector<track::KeyedMetricPoint> points;
    points.reserve(4 * kRounds / kLogEvery);
    int lastRound = kRounds;
    double bestLoss = std::numeric_limits<double>::infinity();
    double lastAuc = 0.5;
    const int divergesAt = plan.diverges ? random.integer(60, 160) : kRounds + 1;
    for (int round = kLogEvery; round <= kRounds; round += kLogEvery) {
        const auto timestamp =
            plan.startMs + static_cast<std::int64_t>(round * plan.secondsPerRound * 1000.0);
        double validation = curve.validationLoss(round) + random.normal(0, 0.0025);
        double training = curve.trainingLoss(round) + random.normal(0, 0.0012);
        if (round >= divergesAt) {
            // Exploding gradients: the loss runs away, then becomes NaN and training stops.
            const double blowUp = std::exp((round - divergesAt) * 0.35);
            validation *= blowUp;
            training *= blowUp;
            if (blowUp > 50) {
                validation = training = std::numeric_limits<double>::quiet_NaN();
                lastRound = round;
            }
        }
        const double auc = std::isnan(validation) ? std::numeric_limits<double>::quiet_NaN()
                                                  : aucFor(validation, random);
        points.push_back({"train_loss", {round, timestamp, training}});
        points.push_back({"val_loss", {round, timestamp, validation}});
        points.push_back({"val_auc", {round, timestamp, auc}});
        if (!std::isnan(validation)) {
            bestLoss = std::min(bestLoss, validation);
            lastAuc = auc;
        }
        if (lastRound == round)
            break;
    }
    const auto endMs =
        plan.startMs + static_cast<std::int64_t>(lastRound * plan.secondsPerRound * 1000.0) + 2400;
    if (!plan.diverges) {
        points.push_back({"best_val_loss", {lastRound, endMs, bestLoss}});
        points.push_back({"val_accuracy", {lastRound, endMs,
                                           std::clamp(0.7 + (lastAuc - 0.5) * 0.42 +
                                                          random.normal(0, 0.002),
                                                      0.0, 1.0)}});
    }
    ASSAY_TRY(store.logMetricBatch(*runId, points));
    if (plan.diverges) {
        ASSAY_TRY(store.logArtifactBytes(
            *runId,
            "training stopped at round " + std::to_string(lastRound) +
                ": validation loss is NaN (the gradients diverged; lower learning_rate)\n",
            "stderr.txt"));
    }
    return store.finishRun(*runId,
                           plan.diverges ? track::RunStatus::Failed : track::RunStatus::Finished,
                           endMs);
}

} // namespace

Status recordDemoSweep(workspace::Workspace &workspace, const SweepContext &context)
{
    auto store = track::TrackingStore::open(workspace);
    if (!store)
        return store.error();
    Random random(context.seed ^ 0x5eed5eedULL);

    constexpr std::array learningRates = {0.01, 0.03, 0.1, 0.3};
    constexpr std::array depths = {3, 4, 6, 8};
    constexpr std::array subsamples = {0.7, 1.0};
    constexpr std::array minChildWeights = {1, 5};
    std::int64_t startMs = context.startMs;
    int number = 0;
    for (const double rate : learningRates) {
        for (const int depth : depths) {
            for (const double subsample : subsamples) {
                for (const int weight : minChildWeights) {
                    RunPlan plan;
                    plan.experiment = std::string(kSweepExperiment);
                    plan.name = "gbm-" + std::to_string(++number);
                    plan.params = {rate, depth, subsample, weight};
                    plan.startMs = startMs;
                    plan.secondsPerRound = 0.25 * depth * subsample * random.uniform(0.9, 1.2);
                    // The fastest, deepest, unregularised settings blow up.
                    plan.diverges = rate >= 0.3 && depth >= 6 && weight == 1;
                    ASSAY_TRY(recordRun(*store, context, plan, random));
                    startMs += static_cast<std::int64_t>(kRounds * plan.secondsPerRound * 1000) +
                               random.integer(5000, 40000);
                }
            }
        }
    }

    // The best settings of the sweep, cross-validated: a parent run and its five folds.
    track::RunInfo parent;
    parent.runId = hexId(random);
    parent.experiment = std::string(kCvExperiment);
    parent.name = "gbm-cv-lr0.1-depth4";
    parent.startMs = startMs;
    parent.user = "demo";
    parent.gitCommit = context.gitCommit;
    parent.gitDirty = false;
    auto parentId = store->startRun(parent);
    if (!parentId)
        return parentId.error();
    ASSAY_TRY(store->logParam(*parentId, "folds", "5"));
    ASSAY_TRY(store->logParam(*parentId, "learning_rate", "0.1"));
    ASSAY_TRY(store->logParam(*parentId, "max_depth", "4"));
    std::vector<double> foldAucs;
    for (int fold = 1; fold <= 5; ++fold) {
        RunPlan plan;
        plan.experiment = std::string(kCvExperiment);
        plan.name = "fold-" + std::to_string(fold);
        plan.params = {0.1, 4, 0.7, 5};
        plan.startMs = startMs;
        plan.secondsPerRound = 0.7 * random.uniform(0.95, 1.05);
        plan.parentRunId = *parentId;
        std::string foldId;
        ASSAY_TRY(recordRun(*store, context, plan, random, &foldId));
        auto history = store->metricHistory(foldId, "val_auc");
        if (history && !history->empty())
            foldAucs.push_back(history->back().value);
        startMs += static_cast<std::int64_t>(kRounds * plan.secondsPerRound * 1000) + 3000;
    }
    double mean = 0;
    for (double auc : foldAucs)
        mean += auc / static_cast<double>(foldAucs.size());
    double variance = 0;
    for (double auc : foldAucs)
        variance += (auc - mean) * (auc - mean) / static_cast<double>(foldAucs.size() - 1);
    ASSAY_TRY(store->logMetric(*parentId, "cv_auc_mean", {0, startMs, mean}));
    ASSAY_TRY(store->logMetric(*parentId, "cv_auc_std", {0, startMs, std::sqrt(variance)}));
    return store->finishRun(*parentId, track::RunStatus::Finished, startMs + 1000);
}

} // namespace assay::demo
