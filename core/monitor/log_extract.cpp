#include "monitor/log_extract.h"

#include "monitor/log_keys.h"
#include "table/number_parse.h"

#include <cmath>

namespace assay::monitor {

RecordExtractor::RecordExtractor(const FlatJson &doc, const LogLineParser::Options &options,
                                 Placement placement, std::vector<LogRecord> &out)
    : m_doc(doc), m_options(options), m_placement(placement), m_out(out)
{
}

bool RecordExtractor::fail(std::uint32_t node, std::string reason)
{
    m_error->column = columnOf(node);
    m_error->reason = std::move(reason);
    return false;
}

std::size_t RecordExtractor::columnOf(std::uint32_t node) const
{
    if (m_placement.fixedColumn != 0)
        return m_placement.fixedColumn;
    return m_placement.base + m_doc.node(node).offset + 1;
}

bool RecordExtractor::scalar(std::uint32_t node) const
{
    const JsonType type = m_doc.node(node).type;
    return type != JsonType::Object && type != JsonType::Array;
}

LoggedValue RecordExtractor::valueOf(std::uint32_t node) const
{
    const JsonNode &value = m_doc.node(node);
    switch (value.type) {
    case JsonType::Number: {
        double number = 0;
        if (table::parseDouble(value.text, number))
            return LoggedValue::of(number);
        return LoggedValue::missing();
    }
    case JsonType::String:
        return LoggedValue::of(std::string(value.text));
    case JsonType::True:
        return LoggedValue::of(1.0);
    case JsonType::False:
        return LoggedValue::of(0.0);
    default:
        return LoggedValue::missing();
    }
}

std::string RecordExtractor::textOf(std::uint32_t node) const
{
    const JsonNode &value = m_doc.node(node);
    switch (value.type) {
    case JsonType::True:
        return "true";
    case JsonType::False:
        return "false";
    case JsonType::Null:
        return {};
    default:
        return std::string(value.text);
    }
}

std::string RecordExtractor::featureName(std::uint32_t names, std::size_t position) const
{
    if (names != 0 && m_doc.node(names).type == JsonType::Array && position < m_doc.node(names).count) {
        const std::uint32_t name = m_doc.child(names, static_cast<std::uint32_t>(position));
        if (scalar(name))
            return textOf(name);
    }
    if (position < m_options.featureNames.size())
        return m_options.featureNames[position];
    return std::to_string(position);
}

LogRecord &RecordExtractor::newRecord()
{
    LogRecord &record = m_out.emplace_back();
    record.item = static_cast<std::uint32_t>(recordCount() - 1);
    return record;
}

ObjectSurvey RecordExtractor::survey(std::uint32_t object) const
{
    ObjectSurvey found;
    m_doc.forEachChild(object, [&](std::uint32_t child) {
        const JsonNode &node = m_doc.node(child);
        const bool isContainer = node.type == JsonType::Object || node.type == JsonType::Array;
        switch (classifyKey(node.key, m_options.targetColumn)) {
        case KeyRole::Timestamp:
            if (!found.timestamp && !isContainer)
                found.timestamp = child;
            break;
        case KeyRole::Id:
            if (!found.id && !isContainer && node.type != JsonType::Null)
                found.id = child;
            break;
        case KeyRole::Label:
            if (!found.label && node.type != JsonType::Object && node.type != JsonType::Null)
                found.label = child;
            break;
        case KeyRole::Prediction:
        case KeyRole::Score:
            if (found.predictionCount < std::size(found.predictions) && node.type != JsonType::Null)
                found.predictions[found.predictionCount++] = child;
            break;
        case KeyRole::Shape: {
            if (!isContainer)
                break;
            const std::string_view key = node.key;
            std::uint32_t *slot = key == "request"             ? &found.request
                                  : key == "response"          ? &found.response
                                  : key == "dataframe_records" ? &found.dataframeRecords
                                  : key == "dataframe_split"   ? &found.dataframeSplit
                                  : key == "instances"         ? &found.instances
                                  : key == "inputs"            ? &found.inputs
                                  : key == "input"             ? &found.input
                                  : key == "features"          ? &found.features
                                  : key == "data"              ? &found.data
                                                               : &found.columns;
            if (*slot == 0)
                *slot = child;
            break;
        }
        default:
            break;
        }
    });
    return found;
}

bool RecordExtractor::readTimestamp(std::uint32_t node, std::optional<std::int64_t> &out)
{
    const JsonNode &value = m_doc.node(node);
    if (value.type == JsonType::Null)
        return true;
    if (value.type == JsonType::Number || value.type == JsonType::String) {
        if (auto parsed = parseLogTimestamp(value.text)) {
            out = parsed;
            return true;
        }
    }
    return fail(node, "timestamp '" + std::string(value.key) + "': '" + textOf(node) +
                          "' is neither ISO 8601 nor an epoch number");
}

bool RecordExtractor::extract(std::uint32_t index, LineError &error)
{
    m_error = &error;
    m_first = m_out.size();
    const ObjectSurvey top = survey(index);
    const std::uint32_t request =
        top.request && m_doc.node(top.request).type == JsonType::Object ? top.request : index;
    const std::uint32_t response =
        top.response && m_doc.node(top.response).type == JsonType::Object ? top.response : index;
    const ObjectSurvey requestParts = request == index ? top : survey(request);
    const ObjectSurvey responseParts = response == index ? top : survey(response);

    // Line-level time, id and label: the record's own, else the request's, else the response's.
    const ObjectSurvey *levels[] = {&top, &requestParts, &responseParts};
    std::uint32_t timestampNode = 0, idNode = 0, labelNode = 0;
    for (const ObjectSurvey *level : levels) {
        timestampNode = timestampNode ? timestampNode : level->timestamp;
        idNode = idNode ? idNode : level->id;
        labelNode = labelNode ? labelNode : level->label;
    }

    bool flat = false;
    if (!readInputs(request, requestParts, flat))
        return false;
    if (!(flat && response == request)) {
        for (std::uint32_t i = 0; i < responseParts.predictionCount; ++i) {
            const std::uint32_t node = responseParts.predictions[i];
            if (!readPrediction(node, classifyKey(m_doc.node(node).key, {}) == KeyRole::Score))
                return false;
        }
        // A Seldon response carries its predictions under "data".
        if (response != index && responseParts.data &&
            m_doc.node(responseParts.data).type == JsonType::Object && !readSeldonOutput(responseParts.data))
            return false;
    }
    if (labelNode && !readLabels(labelNode))
        return false;
    if (recordCount() == 0)
        return fail(index, "no features, prediction or label in this record");

    std::optional<std::int64_t> lineTime;
    if (timestampNode && !readTimestamp(timestampNode, lineTime))
        return false;
    if (!lineTime)
        lineTime = fallbackTimestamp;
    std::string lineId = idNode ? textOf(idNode) : std::string(fallbackId);
    const bool batch = recordCount() > 1;
    for (std::size_t i = m_first; i < m_out.size(); ++i) {
        LogRecord &record = m_out[i];
        if (!record.timestampNs)
            record.timestampNs = lineTime;
        if (record.id.empty() && !lineId.empty())
            record.id = batch ? lineId + "/" + std::to_string(record.item) : lineId;
    }
    return true;
}

} // namespace assay::monitor
