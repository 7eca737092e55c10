#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "model/feature_matrix.h"
#include "model/model.h"
#include "model/model_document.h"

#include <QJsonObject>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace assay::model {

// Rows to learn from: features and the encoded target (class index or value), with the
// signature the model will carry.
struct TrainingSet {
    const FeatureMatrix *x = nullptr;
    std::span<const double> y;
    ModelSignature signature;
};

// A parameter a trainer accepts, for `--param k=v`, `assay help train` and the train dialog.
struct ParamSpec {
    enum class Type { Int, Double, Choice };
    std::string name;
    Type type = Type::Double;
    double defaultValue = 0;           // Int and Double
    double minimum = 0;                // inclusive
    double maximum = 0;                // inclusive
    std::vector<std::string> choices;  // Choice; the default is choices.front()
    std::string help;
};

// Parameter values after validation, defaults filled in.
struct ParamValues {
    std::map<std::string, double> numbers;
    std::map<std::string, std::string> choices;

    double number(const std::string &name) const { return numbers.at(name); }
    int integer(const std::string &name) const { return static_cast<int>(numbers.at(name)); }
    const std::string &choice(const std::string &name) const { return choices.at(name); }
    QJsonObject toJson() const;
};

// Checks `given` (name → text) against `specs`: InvalidInput names an unknown parameter (and
// lists the known ones), a value that is not a number or an integer, out of range or not a
// choice.
Result<ParamValues> resolveParams(const std::vector<ParamSpec> &specs,
                                  const std::map<std::string, std::string> &given);

// One round of an iterative trainer (boosting rounds, optimiser iterations): its loss on the
// training rows and, when a validation set was given, on those.
struct IterationReport {
    int iteration = 0; // 0-based
    std::map<std::string, double> metrics; // e.g. "train_logloss", "valid_logloss", "valid_auc"
};

struct TrainOptions {
    ParamValues params;
    std::uint64_t seed = 0;
    unsigned threads = 0;                   // 0: one per core; the model is the same either way
    const TrainingSet *validation = nullptr; // early stopping and validation curves
    Progress progress;
    std::function<void(const IterationReport &)> onIteration; // called on the training thread
};

// A training algorithm. Deterministic: the same set, params and seed give the same model.
class Trainer {
public:
    virtual ~Trainer() = default;
    virtual std::string name() const = 0;        // "linreg", "ridge", "logreg", "tree", "forest", "gbt"
    virtual std::string description() const = 0; // one line for help and the dialog
    virtual std::vector<ParamSpec> params() const = 0;
    // Which tasks it can learn.
    virtual bool supports(Task task) const = 0;
    // Cancelled when options.progress is cancelled; InvalidInput when the data cannot be
    // learned (e.g. a singular system for OLS names the collinear features).
    virtual Result<std::unique_ptr<Model>> train(const TrainingSet &set,
                                                 const TrainOptions &options) const = 0;
};

// Every trainer, in the order help lists them; nullptr for an unknown name.
const std::vector<std::unique_ptr<Trainer>> &trainers();
const Trainer *findTrainer(std::string_view name);

} // namespace assay::model
