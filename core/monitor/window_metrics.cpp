#include "monitor/window_metrics.h"

#include "drift/drift.h"

#include <algorithm>
#include <cmath>

namespace assay::monitor {

namespace {

table::Column scoreColumn(const std::string &name, const std::vector<double> &scores)
{
    table::Column column(name, table::ColumnType::Float);
    column.floats() = scores;
    std::vector<std::uint8_t> missing(scores.size(), 0);
    bool any = false;
    for (std::size_t r = 0; r < scores.size(); ++r)
        if (!std::isfinite(scores[r]))
            missing[r] = 1, any = true;
    if (any)
        column.missing() = std::move(missing);
    return column;
}

FeatureWindowDrift featureDrift(const drift::ColumnDrift &column)
{
    return {.name = column.name,
            .test = column.test,
            .statistic = column.statistic,
            .pValue = column.pValue,
            .threshold = column.threshold,
            .score = column.severity(),
            .drifted = column.drifted,
            .referenceMissingShare = column.referenceMissingShare,
            .missingShare = column.currentMissingShare};
}

} // namespace

WindowEvaluator::WindowEvaluator(const MonitorReference &reference) : m_reference(reference)
{
    m_predictionColumn = "prediction";
    while (reference.featureTable.indexOf(m_predictionColumn))
        m_predictionColumn = "(" + m_predictionColumn + ")";
    std::vector<table::Column> columns = reference.featureTable.columns();
    columns.push_back(scoreColumn(m_predictionColumn, reference.scores));
    m_driftReference = std::make_unique<drift::PreparedReference>(table::Table(std::move(columns)), "reference");
}

WindowBatch WindowEvaluator::referenceChunk(std::size_t begin, std::size_t end) const
{
    WindowBatch batch;
    batch.features = sliceRows(m_reference.featureTable, begin, end);
    batch.scores.assign(m_reference.scores.begin() + static_cast<std::ptrdiff_t>(begin),
                        m_reference.scores.begin() + static_cast<std::ptrdiff_t>(end));
    if (m_reference.outcomes.empty())
        batch.labels.assign(end - begin, std::int8_t(-1));
    else
        batch.labels.assign(m_reference.outcomes.begin() + static_cast<std::ptrdiff_t>(begin),
                            m_reference.outcomes.begin() + static_cast<std::ptrdiff_t>(end));
    return batch;
}

std::optional<double> WindowEvaluator::heldOutReconstructionError(std::size_t begin, std::size_t end) const
{
    if (!m_reference.reconstruction)
        return std::nullopt;
    auto model = ReconstructionModel::fit(withoutRows(m_reference.featureTable, begin, end),
                                          m_reference.reconstruction->columns());
    if (!model)
        return std::nullopt;
    return model->meanError(sliceRows(m_reference.featureTable, begin, end));
}

Result<WindowResult> WindowEvaluator::evaluate(WindowBatch &batch) const
{
    WindowResult result;
    result.startNs = batch.startNs;
    result.endNs = batch.endNs;
    result.rows = batch.rows();
    result.tooFewRows = result.rows < kMinWindowRows;
    for (std::int8_t label : batch.labels)
        result.labeledRows += label >= 0;

    const bool scored = std::any_of(batch.scores.begin(), batch.scores.end(),
                                    [](double s) { return std::isfinite(s); });
    // Borrow the window's columns for the drift table, and give them back afterwards.
    const std::size_t featureCount = batch.features.columnCount();
    std::vector<table::Column> columns;
    columns.reserve(featureCount + 1);
    for (std::size_t c = 0; c < featureCount; ++c)
        columns.push_back(std::move(batch.features.column(c)));
    if (scored)
        columns.push_back(scoreColumn(m_predictionColumn, batch.scores));
    table::Table current(std::move(columns));
    auto drifted = m_driftReference->compare(current, {});
    for (std::size_t c = 0; c < featureCount; ++c)
        batch.features.column(c) = std::move(current.column(c));
    if (!drifted)
        return drifted.error();

    for (const drift::ColumnDrift &column : drifted->columns) {
        if (column.name == m_predictionColumn) {
            result.prediction = featureDrift(column);
            result.prediction->name = "prediction";
            continue;
        }
        result.features.push_back(featureDrift(column));
        result.testedFeatures += column.test != drift::DriftTest::None;
        result.driftedFeatures += column.drifted;
        result.maxMissingShareChange = std::max(result.maxMissingShareChange,
                                                std::abs(column.currentMissingShare - column.referenceMissingShare));
    }
    if (result.testedFeatures > 0)
        result.driftShare = double(result.driftedFeatures) / double(result.testedFeatures);
    result.datasetDrift = result.testedFeatures > 0 && result.driftShare >= drifted->driftShare;

    if (m_reference.reconstruction && result.rows > 0)
        result.reconstructionError = m_reference.reconstruction->meanError(batch.features);

    if (m_reference.task == model::Task::Binary && scored) {
        std::vector<double> scores, calibrated, labeledScores;
        std::vector<std::uint8_t> labels;
        for (std::size_t r = 0; r < batch.rows(); ++r) {
            const double score = batch.scores[r];
            if (!std::isfinite(score))
                continue;
            if (!m_reference.calibrator.empty()) {
                scores.push_back(score);
                calibrated.push_back(m_reference.calibrator(score));
            }
            if (batch.labels[r] >= 0) {
                labeledScores.push_back(score);
                labels.push_back(static_cast<std::uint8_t>(batch.labels[r]));
            }
        }
        if (!scores.empty())
            result.estimated = estimatedPerformance(scores, calibrated, m_reference.threshold);
        if (!labels.empty())
            result.realized = realizedPerformance(labeledScores, labels, m_reference.threshold);
    }
    return result;
}

} // namespace assay::monitor
