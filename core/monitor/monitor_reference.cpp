#include "monitor/monitor_reference.h"

#include "govern/promotion_gate_data.h"
#include "model/feature_matrix.h"
#include "model/target.h"
#include "version/dataset_ref.h"
#include "workspace/workspace.h"

#include <charconv>
#include <cmath>

namespace assay::monitor {

namespace {

Result<version::DatasetRef> referenceRef(workspace::Workspace &workspace, const MonitorConfig &config,
                                         const track::RunRecord &run)
{
    if (!config.reference.empty())
        return govern::workspaceDatasetRef(workspace.root(), config.reference);
    if (auto test = govern::runDatasetRef(workspace.root(), run, "test"))
        return test;
    return govern::runDatasetRef(workspace.root(), run, "training");
}

bool sameNumber(std::string_view a, std::string_view b)
{
    double x = 0, y = 0;
    const auto [endA, errorA] = std::from_chars(a.data(), a.data() + a.size(), x);
    const auto [endB, errorB] = std::from_chars(b.data(), b.data() + b.size(), y);
    return errorA == std::errc() && errorB == std::errc() && endA == a.data() + a.size() &&
           endB == b.data() + b.size() && x == y;
}

template <typename T>
void copyRange(std::vector<T> &to, const std::vector<T> &from, std::size_t begin, std::size_t end)
{
    if (!from.empty())
        to.assign(from.begin() + static_cast<std::ptrdiff_t>(begin), from.begin() + static_cast<std::ptrdiff_t>(end));
}

template <typename T>
void copyAround(std::vector<T> &to, const std::vector<T> &from, std::size_t begin, std::size_t end)
{
    if (from.empty())
        return;
    to.assign(from.begin(), from.begin() + static_cast<std::ptrdiff_t>(begin));
    to.insert(to.end(), from.begin() + static_cast<std::ptrdiff_t>(end), from.end());
}

} // namespace

std::int8_t LabelCoding::code(std::string_view label) const
{
    if (label == positive)
        return 1;
    if (label == negative)
        return 0;
    // "1.0" for a class "1": logs do not always spell numeric labels as the training data did.
    if (sameNumber(label, positive))
        return 1;
    if (sameNumber(label, negative))
        return 0;
    return -1;
}

table::Table sliceRows(const table::Table &table, std::size_t begin, std::size_t end)
{
    std::vector<table::Column> columns;
    for (const table::Column &source : table.columns()) {
        table::Column column(source.name(), source.type());
        copyRange(column.bools(), source.bools(), begin, end);
        copyRange(column.ints(), source.ints(), begin, end);
        copyRange(column.floats(), source.floats(), begin, end);
        copyRange(column.codes(), source.codes(), begin, end);
        copyRange(column.missing(), source.missing(), begin, end);
        column.dictionary() = source.dictionary();
        columns.push_back(std::move(column));
    }
    return table::Table(std::move(columns));
}

table::Table withoutRows(const table::Table &table, std::size_t begin, std::size_t end)
{
    std::vector<table::Column> columns;
    for (const table::Column &source : table.columns()) {
        table::Column column(source.name(), source.type());
        copyAround(column.bools(), source.bools(), begin, end);
        copyAround(column.ints(), source.ints(), begin, end);
        copyAround(column.floats(), source.floats(), begin, end);
        copyAround(column.codes(), source.codes(), begin, end);
        copyAround(column.missing(), source.missing(), begin, end);
        column.dictionary() = source.dictionary();
        columns.push_back(std::move(column));
    }
    return table::Table(std::move(columns));
}

Result<MonitorReference> loadMonitorReference(workspace::Workspace &workspace, const MonitorConfig &config,
                                              const MonitoredModel &monitored, const Progress &progress)
{
    auto ref = referenceRef(workspace, config, monitored.run);
    if (!ref)
        return Error{ref.error().kind, "monitor '" + config.name + "': no reference: " + ref.error().message};
    progress.report(0, "reading the reference");
    auto read = version::readDataset(*ref, {}, progress);
    if (!read)
        return read.error();

    MonitorReference reference;
    reference.label = govern::datasetLabel(workspace.root(), *ref);
    reference.data = std::move(read->table);
    const model::Model &model = *monitored.model.model;
    const model::ModelSignature &signature = model.signature();
    reference.task = signature.task;

    std::vector<table::Column> featureColumns;
    for (const model::FeatureSpec &feature : signature.features) {
        if (const auto index = reference.data.indexOf(feature.name)) {
            reference.features.push_back(feature.name);
            featureColumns.push_back(reference.data.column(*index));
        }
    }
    if (reference.features.empty())
        return Error::invalidInput("monitor '" + config.name + "': the reference " + reference.label +
                                   " holds none of the model's features");
    reference.featureTable = table::Table(std::move(featureColumns));

    // Missing features are scored as missing, as the model does for a row that lacks them.
    std::vector<model::FeatureSpec> present;
    for (const model::FeatureSpec &feature : signature.features)
        if (reference.data.indexOf(feature.name))
            present.push_back(feature);
    auto matrix = model::buildMatrix(reference.data, present, reference.label);
    if (!matrix)
        return matrix.error();
    if (present.size() < signature.features.size()) {
        model::FeatureMatrix full{.rows = matrix->rows, .features = signature.features, .values = {}};
        full.values.assign(full.rows * full.features.size(), std::nan(""));
        for (std::size_t r = 0; r < full.rows; ++r)
            for (std::size_t c = 0, p = 0; c < full.features.size(); ++c)
                if (p < present.size() && present[p].name == full.features[c].name)
                    full.values[r * full.features.size() + c] = matrix->at(r, p++);
        *matrix = std::move(full);
    }
    progress.report(0.5, "scoring the reference");
    const std::vector<double> outputs = model.predictions(*matrix);
    const std::size_t stride = signature.outputCount();
    reference.scores.resize(reference.rows());
    for (std::size_t r = 0; r < reference.rows(); ++r)
        reference.scores[r] = outputs[r * stride];

    if (signature.task == model::Task::Binary && signature.classes.size() == 2) {
        reference.labels = {.positive = signature.classes[1], .negative = signature.classes[0]};
        if (reference.data.indexOf(signature.target)) {
            auto target = model::encodeTargetFor(reference.data, signature.target, signature.task,
                                                 signature.classes, reference.label);
            if (!target)
                return target.error();
            reference.outcomes.resize(reference.rows());
            std::vector<double> scores, outcomes;
            for (std::size_t r = 0; r < reference.rows(); ++r) {
                const double value = target->values[r];
                reference.outcomes[r] = std::isnan(value) ? std::int8_t(-1) : std::int8_t(value == 1 ? 1 : 0);
                if (!std::isnan(value)) {
                    scores.push_back(reference.scores[r]);
                    outcomes.push_back(value == 1 ? 1.0 : 0.0);
                }
            }
            reference.calibrator = IsotonicCalibrator::fit(scores, outcomes);
        }
    }
    if (reference.features.size() >= 2 && reference.rows() >= 2) {
        auto fitted = ReconstructionModel::fit(reference.featureTable, reference.features);
        if (fitted)
            reference.reconstruction = std::move(*fitted);
    }
    progress.report(1, "scoring the reference");
    return reference;
}

} // namespace assay::monitor
