// The response side: predictions as numbers, classes, probability pairs or maps, KServe V2
// output tensors and Seldon data; then the labels and the tensor helpers both sides share.
#include "monitor/log_extract.h"

#include "monitor/log_keys.h"

namespace assay::monitor {

namespace {

bool looksLikeInteger(std::string_view number)
{
    return number.find_first_of(".eE") == std::string_view::npos;
}

bool containsAny(std::string_view text, std::initializer_list<std::string_view> parts)
{
    for (std::string_view part : parts)
        if (text.find(part) != std::string_view::npos)
            return true;
    return false;
}

// Inside a prediction object these name the predicted class ({"label": "yes", "score": 0.9}).
bool isClassKey(std::string_view key)
{
    return key == "label" || key == "class" || key == "predicted_class" || key == "predicted_label";
}

} // namespace

bool RecordExtractor::isTensor(std::uint32_t node) const
{
    return m_doc.node(node).type == JsonType::Object && m_doc.member(node, "data") != 0 &&
           (m_doc.member(node, "name") != 0 || m_doc.member(node, "shape") != 0);
}

void RecordExtractor::flatten(std::uint32_t node, std::vector<std::uint32_t> &leaves) const
{
    if (m_doc.node(node).type != JsonType::Array) {
        leaves.push_back(node);
        return;
    }
    m_doc.forEachChild(node, [&](std::uint32_t child) { flatten(child, leaves); });
}

bool RecordExtractor::tensorShape(std::uint32_t tensor, std::size_t &rows, std::size_t &width)
{
    const std::uint32_t nameNode = m_doc.member(tensor, "name");
    const std::string name = nameNode ? "tensor '" + textOf(nameNode) + "'" : std::string("tensor");
    const std::uint32_t data = m_doc.member(tensor, "data");
    m_leaves.clear();
    if (m_doc.node(data).type != JsonType::Array)
        m_leaves.push_back(data);
    else
        flatten(data, m_leaves);
    const std::uint32_t shape = m_doc.member(tensor, "shape");
    if (!shape) {
        const JsonNode &array = m_doc.node(data);
        const bool nested = array.type == JsonType::Array && array.count > 0 &&
                            m_doc.node(data + 1).type == JsonType::Array;
        rows = nested ? array.count : m_leaves.size();
        width = nested ? m_doc.node(data + 1).count : 1;
    } else {
        if (m_doc.node(shape).type != JsonType::Array || m_doc.node(shape).count == 0)
            return fail(shape, name + ": expected \"shape\" as an array of sizes");
        std::size_t product = 1;
        bool first = true;
        bool ok = true;
        m_doc.forEachChild(shape, [&](std::uint32_t size) {
            const LoggedValue value = valueOf(size);
            if (value.kind != LoggedValue::Kind::Number || value.number < 0)
                ok = false;
            const auto dimension = static_cast<std::size_t>(value.number);
            if (first)
                rows = dimension;
            else
                product *= dimension;
            first = false;
        });
        if (!ok)
            return fail(shape, name + ": \"shape\" holds something other than sizes");
        width = product;
    }
    if (rows * width != m_leaves.size())
        return fail(shape ? shape : data, name + ": shape needs " + std::to_string(rows * width) +
                                              " values, \"data\" has " + std::to_string(m_leaves.size()));
    return true;
}

void RecordExtractor::setScoreFromProbabilities(std::span<const std::uint32_t> values,
                                                std::uint32_t names, LogRecord &record)
{
    if (values.empty() || record.score)
        return;
    std::size_t positive = values.size() - 1;
    if (!m_options.positiveClass.empty() && names && m_doc.node(names).type == JsonType::Array) {
        std::size_t index = 0;
        m_doc.forEachChild(names, [&](std::uint32_t name) {
            if (m_doc.node(name).text == m_options.positiveClass && index < values.size())
                positive = index;
            ++index;
        });
    }
    const LoggedValue value = valueOf(values[positive]);
    if (value.kind == LoggedValue::Kind::Number)
        record.score = value.number;
}

bool RecordExtractor::readPredictionFor(std::uint32_t node, bool scoreKey, LogRecord &record)
{
    const JsonNode &value = m_doc.node(node);
    switch (value.type) {
    case JsonType::Null:
        return true;
    case JsonType::Number:
        if (scoreKey || !looksLikeInteger(value.text)) {
            if (!record.score)
                record.score = valueOf(node).number;
        } else if (!record.predictedClass) {
            record.predictedClass = std::string(value.text);
        }
        return true;
    case JsonType::String:
    case JsonType::True:
    case JsonType::False:
        if (!record.predictedClass)
            record.predictedClass = textOf(node);
        return true;
    case JsonType::Array: {
        if (value.count == 1)
            return readPredictionFor(node + 1, scoreKey, record);
        m_probabilities.clear();
        bool numbers = true;
        m_doc.forEachChild(node, [&](std::uint32_t child) {
            numbers = numbers && m_doc.node(child).type == JsonType::Number;
            m_probabilities.push_back(child);
        });
        if (!numbers)
            return fail(node, "'" + std::string(value.key) + "': expected probabilities (numbers)");
        setScoreFromProbabilities(m_probabilities, 0, record);
        return true;
    }
    case JsonType::Object:
        break;
    }
    // An object: either named parts ({"label": "yes", "score": 0.9}) or a probability per class.
    bool named = false;
    bool ok = true;
    m_doc.forEachChild(node, [&](std::uint32_t child) {
        const JsonNode &part = m_doc.node(child);
        const KeyRole role = classifyKey(part.key, {});
        if (role == KeyRole::Prediction || role == KeyRole::Score) {
            named = true;
            ok = ok && readPredictionFor(child, role == KeyRole::Score, record);
        } else if (isClassKey(part.key) && scalar(child) && part.type != JsonType::Null) {
            named = true;
            if (!record.predictedClass)
                record.predictedClass = textOf(child);
        }
    });
    if (named || !ok)
        return ok;
    std::uint32_t chosen = 0, best = 0;
    double bestValue = -1;
    bool numbers = value.count > 0;
    m_doc.forEachChild(node, [&](std::uint32_t child) {
        const JsonNode &part = m_doc.node(child);
        if (part.type != JsonType::Number) {
            numbers = false;
            return;
        }
        const double probability = valueOf(child).number;
        if (probability > bestValue) {
            bestValue = probability;
            best = child;
        }
        if (m_options.positiveClass.empty() || part.key == m_options.positiveClass)
            chosen = child; // the last class unless the positive one is named
    });
    if (!numbers)
        return fail(node, "'" + std::string(value.key) +
                              "': expected a probability per class or {\"label\", \"score\"}");
    if (!chosen)
        return fail(node, "'" + std::string(value.key) + "': no probability for the positive class '" +
                              m_options.positiveClass + "'");
    if (!record.score)
        record.score = valueOf(chosen).number;
    if (!record.predictedClass)
        record.predictedClass = std::string(m_doc.node(best).key);
    return true;
}

bool RecordExtractor::readPrediction(std::uint32_t node, bool scoreKey)
{
    const JsonNode &value = m_doc.node(node);
    const std::string key(value.key);
    if (value.type == JsonType::Array) {
        if (value.count > 0 && isTensor(node + 1))
            return readV2Outputs(node);
        if (recordCount() == 0)
            for (std::uint32_t i = 0; i < value.count; ++i)
                newRecord();
        if (value.count == recordCount()) {
            bool ok = true;
            std::size_t row = m_first;
            m_doc.forEachChild(node, [&](std::uint32_t child) {
                ok = ok && readPredictionFor(child, scoreKey, m_out[row++]);
            });
            return ok;
        }
        bool numbers = true;
        m_doc.forEachChild(node, [&](std::uint32_t child) {
            numbers = numbers && m_doc.node(child).type == JsonType::Number;
        });
        if (recordCount() == 1 && numbers)
            return readPredictionFor(node, scoreKey, m_out[m_first]);
        return fail(node, "'" + key + "': " + std::to_string(value.count) + " predictions for " +
                              std::to_string(recordCount()) + " instances");
    }
    if (recordCount() == 0)
        newRecord();
    if (recordCount() != 1)
        return fail(node, "'" + key + "': one prediction for " + std::to_string(recordCount()) + " instances");
    return readPredictionFor(node, scoreKey, m_out[m_first]);
}

bool RecordExtractor::readV2Outputs(std::uint32_t outputs)
{
    bool ok = true;
    std::size_t index = 0;
    m_doc.forEachChild(outputs, [&](std::uint32_t tensor) {
        if (!ok)
            return;
        std::size_t rows = 0, width = 0;
        if (!isTensor(tensor)) {
            ok = fail(tensor, "outputs[" + std::to_string(index) + "]: expected a tensor");
            return;
        }
        if (!tensorShape(tensor, rows, width)) {
            ok = false;
            return;
        }
        if (recordCount() == 0)
            for (std::size_t i = 0; i < rows; ++i)
                newRecord();
        if (rows != recordCount()) {
            ok = fail(tensor, "outputs[" + std::to_string(index) + "]: " + std::to_string(rows) +
                                  " rows for " + std::to_string(recordCount()) + " instances");
            return;
        }
        const std::uint32_t nameNode = m_doc.member(tensor, "name");
        const std::uint32_t typeNode = m_doc.member(tensor, "datatype");
        const std::string_view name = nameNode ? m_doc.node(nameNode).text : std::string_view();
        const std::string_view datatype = typeNode ? m_doc.node(typeNode).text : std::string_view();
        const bool scores = containsAny(name, {"prob", "score"});
        const bool classes = datatype.starts_with("INT") || datatype.starts_with("UINT") ||
                             datatype == "BOOL" || datatype == "BYTES" || containsAny(name, {"label", "class"});
        for (std::size_t row = 0; row < rows && ok; ++row) {
            LogRecord &record = m_out[m_first + row];
            if (width >= 2) {
                setScoreFromProbabilities(std::span(m_leaves).subspan(row * width, width), 0, record);
                continue;
            }
            const std::uint32_t value = m_leaves[row];
            if (scores || (!classes && !datatype.empty()))
                ok = readPredictionFor(value, true, record);
            else if (classes && scalar(value) && !record.predictedClass)
                record.predictedClass = textOf(value);
            else
                ok = readPredictionFor(value, false, record);
        }
        ++index;
    });
    return ok;
}

bool RecordExtractor::readSeldonOutput(std::uint32_t data)
{
    std::size_t rows = 0, width = 0;
    if (!seldonMatrix(data, rows, width))
        return false;
    if (recordCount() == 0)
        for (std::size_t i = 0; i < rows; ++i)
            newRecord();
    if (rows != recordCount())
        return fail(data, "response data: " + std::to_string(rows) + " rows for " +
                              std::to_string(recordCount()) + " instances");
    const std::uint32_t names = m_doc.member(data, "names");
    for (std::size_t row = 0; row < rows; ++row) {
        LogRecord &record = m_out[m_first + row];
        if (width >= 2)
            setScoreFromProbabilities(std::span(m_leaves).subspan(row * width, width), names, record);
        else if (width == 1 && !readPredictionFor(m_leaves[row], false, record))
            return false;
    }
    return true;
}

bool RecordExtractor::readLabels(std::uint32_t node)
{
    const JsonNode &value = m_doc.node(node);
    if (value.type == JsonType::Array) {
        if (recordCount() == 0)
            for (std::uint32_t i = 0; i < value.count; ++i)
                newRecord();
        if (value.count != recordCount())
            return fail(node, "'" + std::string(value.key) + "': " + std::to_string(value.count) +
                                  " labels for " + std::to_string(recordCount()) + " instances");
        std::size_t row = m_first;
        bool ok = true;
        m_doc.forEachChild(node, [&](std::uint32_t child) {
            LogRecord &record = m_out[row++];
            if (!scalar(child))
                ok = false;
            else if (!record.label && m_doc.node(child).type != JsonType::Null)
                record.label = textOf(child);
        });
        return ok || fail(node, "'" + std::string(value.key) + "': expected one label per instance");
    }
    if (recordCount() == 0)
        newRecord();
    if (recordCount() != 1)
        return fail(node, "'" + std::string(value.key) + "': one label for " +
                              std::to_string(recordCount()) + " instances");
    if (!m_out[m_first].label)
        m_out[m_first].label = textOf(node);
    return true;
}

} // namespace assay::monitor
