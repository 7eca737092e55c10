#pragma once

#include "monitor/flat_json.h"
#include "monitor/log_parser.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace assay::monitor {

// The parts of one JSON object that the extraction looks at, found in one pass over its
// members (node indexes; 0 = absent).
struct ObjectSurvey {
    std::uint32_t timestamp = 0;
    std::uint32_t id = 0;
    std::uint32_t label = 0;
    std::uint32_t request = 0;
    std::uint32_t response = 0;
    std::uint32_t dataframeRecords = 0;
    std::uint32_t dataframeSplit = 0;
    std::uint32_t instances = 0;
    std::uint32_t inputs = 0;
    std::uint32_t input = 0;
    std::uint32_t features = 0;
    std::uint32_t data = 0;
    std::uint32_t columns = 0;
    std::uint32_t predictions[8] = {};
    std::uint32_t predictionCount = 0;

    bool hasShapedInputs() const
    {
        return dataframeRecords || dataframeSplit || instances || inputs || input || features || data;
    }
};

// Turns one parsed JSON record (already unwrapped from Fluentd and CloudEvents) into
// LogRecords: finds the request's instances in whichever shape they were logged, pairs them
// with the response's predictions and the labels, and stamps time and id on each.
class RecordExtractor {
public:
    // `columnOf(offset)` maps a byte offset of `doc` to a 1-based column of the line.
    struct Placement {
        std::size_t base = 0;          // where the document starts in the line
        std::size_t fixedColumn = 0;   // nonzero: every error points here (decoded payloads)
    };
    RecordExtractor(const FlatJson &doc, const LogLineParser::Options &options, Placement placement,
                    std::vector<LogRecord> &out);

    // Fallbacks from the envelope (CloudEvents "time"/"id", Fluentd's time).
    std::optional<std::int64_t> fallbackTimestamp;
    std::string_view fallbackId;

    // Appends the records of object `index`; on failure the caller drops what was appended.
    bool extract(std::uint32_t index, LineError &error);

private:
    bool fail(std::uint32_t node, std::string reason);
    std::size_t columnOf(std::uint32_t node) const;
    ObjectSurvey survey(std::uint32_t object) const;

    // Inputs (log_extract_inputs.cpp). Each creates its records at the end of m_out.
    bool readInputs(std::uint32_t request, const ObjectSurvey &found, bool &flat);
    bool readFlatObject(std::uint32_t object, LogRecord &record);
    bool readRecordsArray(std::uint32_t array, std::uint32_t columns, std::string_view what);
    bool readRow(std::uint32_t row, std::uint32_t columns, std::string_view what, LogRecord &record);
    bool readDataframeSplit(std::uint32_t split);
    bool readColumnarObject(std::uint32_t object);
    bool readV2Inputs(std::uint32_t inputs);
    bool readSeldonData(std::uint32_t data);
    // A Seldon "data" object's "ndarray" or "tensor" as rows × width leaves in m_leaves.
    bool seldonMatrix(std::uint32_t data, std::size_t &rows, std::size_t &width);
    bool readValues(std::span<const std::uint32_t> values, std::size_t rows, std::size_t width,
                    std::uint32_t names, std::string_view what);

    // Predictions and labels (log_extract_outputs.cpp).
    bool readPrediction(std::uint32_t node, bool scoreKey);
    bool readPredictionFor(std::uint32_t node, bool scoreKey, LogRecord &record);
    bool readV2Outputs(std::uint32_t outputs);
    bool readSeldonOutput(std::uint32_t data);
    void setScoreFromProbabilities(std::span<const std::uint32_t> values, std::uint32_t names,
                                   LogRecord &record);
    bool readLabels(std::uint32_t node);
    bool readTimestamp(std::uint32_t node, std::optional<std::int64_t> &out);

    // Helpers shared by both halves.
    bool isTensor(std::uint32_t node) const;
    bool tensorShape(std::uint32_t tensor, std::size_t &rows, std::size_t &width);
    void flatten(std::uint32_t node, std::vector<std::uint32_t> &leaves) const;
    std::string featureName(std::uint32_t names, std::size_t position) const;
    LoggedValue valueOf(std::uint32_t node) const;
    bool scalar(std::uint32_t node) const;
    std::string textOf(std::uint32_t node) const;
    std::size_t recordCount() const { return m_out.size() - m_first; }
    LogRecord &newRecord();

    const FlatJson &m_doc;
    const LogLineParser::Options &m_options;
    Placement m_placement;
    std::vector<LogRecord> &m_out;
    std::size_t m_first = 0;
    LineError *m_error = nullptr;
    std::vector<std::uint32_t> m_leaves;      // flattened tensor values
    std::vector<std::uint32_t> m_probabilities; // one prediction's probability vector
    std::vector<std::string> m_names;         // feature names of the current matrix
};

} // namespace assay::monitor
