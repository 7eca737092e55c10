// Where the request's instances come from: flat objects, MLflow's dataframe_records /
// dataframe_split / instances / inputs, KServe V2 input tensors and Seldon's data.
#include "monitor/log_extract.h"

#include "monitor/log_keys.h"

namespace assay::monitor {

namespace {

bool isEmpty(const LogRecord &record)
{
    return record.features.empty() && !record.score && !record.predictedClass && !record.label &&
           !record.timestampNs && record.id.empty();
}

} // namespace

bool RecordExtractor::readInputs(std::uint32_t request, const ObjectSurvey &found, bool &flat)
{
    auto typeOf = [&](std::uint32_t node) { return m_doc.node(node).type; };
    if (found.dataframeRecords)
        return readRecordsArray(found.dataframeRecords, 0, "dataframe_records");
    if (found.dataframeSplit) {
        if (typeOf(found.dataframeSplit) != JsonType::Object)
            return fail(found.dataframeSplit, "dataframe_split: expected an object with \"columns\" and \"data\"");
        return readDataframeSplit(found.dataframeSplit);
    }
    if (found.instances)
        return readRecordsArray(found.instances, found.columns, "instances");
    if (found.inputs) {
        if (typeOf(found.inputs) == JsonType::Array) {
            const auto &inputs = m_doc.node(found.inputs);
            if (inputs.count > 0 && isTensor(found.inputs + 1))
                return readV2Inputs(found.inputs);
            return readRecordsArray(found.inputs, found.columns, "inputs");
        }
        bool columnar = m_doc.node(found.inputs).count > 0;
        m_doc.forEachChild(found.inputs, [&](std::uint32_t child) {
            columnar = columnar && typeOf(child) == JsonType::Array;
        });
        if (columnar)
            return readColumnarObject(found.inputs);
        return readFlatObject(found.inputs, newRecord());
    }
    if (found.data) {
        if (typeOf(found.data) == JsonType::Object &&
            (m_doc.member(found.data, "ndarray") || m_doc.member(found.data, "tensor")))
            return readSeldonData(found.data);
        if (typeOf(found.data) == JsonType::Object)
            return readFlatObject(found.data, newRecord());
        return readRecordsArray(found.data, found.columns, "data");
    }
    for (const std::uint32_t node : {found.features, found.input}) {
        if (!node)
            continue;
        if (typeOf(node) == JsonType::Object)
            return readFlatObject(node, newRecord());
        return readRecordsArray(node, found.columns, m_doc.node(node).key);
    }
    flat = true;
    if (!readFlatObject(request, newRecord()))
        return false;
    if (isEmpty(m_out.back()))
        m_out.pop_back();
    return true;
}

bool RecordExtractor::readFlatObject(std::uint32_t object, LogRecord &record)
{
    bool ok = true;
    record.features.reserve(m_doc.node(object).count);
    m_doc.forEachChild(object, [&](std::uint32_t child) {
        if (!ok)
            return;
        const JsonNode &node = m_doc.node(child);
        const bool isContainer = node.type == JsonType::Object || node.type == JsonType::Array;
        switch (classifyKey(node.key, m_options.targetColumn)) {
        case KeyRole::Feature:
        case KeyRole::Shape:
            if (!isContainer)
                record.features.emplace_back(std::string(node.key), valueOf(child));
            break;
        case KeyRole::Timestamp:
            if (!record.timestampNs && !isContainer)
                ok = readTimestamp(child, record.timestampNs);
            break;
        case KeyRole::Id:
            if (record.id.empty() && !isContainer)
                record.id = textOf(child);
            break;
        case KeyRole::Label:
            if (!record.label && !isContainer && node.type != JsonType::Null)
                record.label = textOf(child);
            break;
        case KeyRole::Prediction:
        case KeyRole::Score:
            ok = readPredictionFor(child, classifyKey(node.key, {}) == KeyRole::Score, record);
            break;
        case KeyRole::Meta:
            break;
        }
    });
    return ok;
}

bool RecordExtractor::readRow(std::uint32_t row, std::uint32_t columns, std::string_view what,
                              LogRecord &record)
{
    const JsonNode &node = m_doc.node(row);
    if (node.type == JsonType::Object)
        return readFlatObject(row, record);
    if (node.type != JsonType::Array) {
        record.features.emplace_back(featureName(columns, 0), valueOf(row));
        return true;
    }
    if (columns && m_doc.node(columns).type == JsonType::Array && node.count != m_doc.node(columns).count)
        return fail(row, std::string(what) + "[" + std::to_string(record.item) + "]: " +
                             std::to_string(node.count) + " values for " +
                             std::to_string(m_doc.node(columns).count) + " columns");
    record.features.reserve(node.count);
    std::size_t position = 0;
    bool ok = true;
    m_doc.forEachChild(row, [&](std::uint32_t value) {
        if (!scalar(value))
            ok = false;
        else
            record.features.emplace_back(featureName(columns, position), valueOf(value));
        ++position;
    });
    if (!ok)
        return fail(row, std::string(what) + "[" + std::to_string(record.item) +
                             "]: a nested value where a feature value was expected");
    return true;
}

bool RecordExtractor::readRecordsArray(std::uint32_t array, std::uint32_t columns, std::string_view what)
{
    if (m_doc.node(array).type != JsonType::Array)
        return fail(array, std::string(what) + ": expected an array of instances");
    bool ok = true;
    m_doc.forEachChild(array, [&](std::uint32_t row) {
        if (ok)
            ok = readRow(row, columns, what, newRecord());
    });
    return ok;
}

bool RecordExtractor::readDataframeSplit(std::uint32_t split)
{
    const std::uint32_t columns = m_doc.member(split, "columns");
    const std::uint32_t data = m_doc.member(split, "data");
    if (!data || m_doc.node(data).type != JsonType::Array)
        return fail(split, "dataframe_split: expected \"data\" as an array of rows");
    if (columns && m_doc.node(columns).type != JsonType::Array)
        return fail(columns, "dataframe_split: expected \"columns\" as an array of names");
    return readRecordsArray(data, columns, "dataframe_split.data");
}

bool RecordExtractor::readColumnarObject(std::uint32_t object)
{
    const std::uint32_t rows = m_doc.node(object + 1).count;
    for (std::uint32_t i = 0; i < rows; ++i)
        newRecord();
    bool ok = true;
    m_doc.forEachChild(object, [&](std::uint32_t column) {
        if (!ok)
            return;
        const JsonNode &values = m_doc.node(column);
        if (values.count != rows) {
            ok = fail(column, "inputs: column '" + std::string(values.key) + "' has " +
                                  std::to_string(values.count) + " values, the first has " +
                                  std::to_string(rows));
            return;
        }
        std::size_t row = m_first;
        m_doc.forEachChild(column, [&](std::uint32_t value) {
            m_out[row++].features.emplace_back(std::string(values.key), valueOf(value));
        });
    });
    return ok;
}

bool RecordExtractor::readValues(std::span<const std::uint32_t> values, std::size_t rows,
                                 std::size_t width, std::uint32_t names, std::string_view what)
{
    if (recordCount() == 0)
        for (std::size_t i = 0; i < rows; ++i)
            newRecord();
    else if (recordCount() != rows)
        return fail(values.empty() ? 0 : values.front(), std::string(what) + ": " + std::to_string(rows) + " rows for " +
                        std::to_string(recordCount()) + " instances");
    m_names.clear();
    for (std::size_t column = 0; column < width; ++column)
        m_names.push_back(featureName(names, column));
    for (std::size_t row = 0; row < rows; ++row) {
        LogRecord &record = m_out[m_first + row];
        record.features.reserve(record.features.size() + width);
        for (std::size_t column = 0; column < width; ++column) {
            const std::uint32_t value = values[row * width + column];
            if (!scalar(value))
                return fail(value, std::string(what) + ": a nested value where a number was expected");
            record.features.emplace_back(m_names[column], valueOf(value));
        }
    }
    return true;
}

bool RecordExtractor::readV2Inputs(std::uint32_t inputs)
{
    const JsonNode &list = m_doc.node(inputs);
    if (list.count == 1) {
        const std::uint32_t tensor = inputs + 1;
        std::size_t rows = 0, width = 0;
        if (!tensorShape(tensor, rows, width))
            return false;
        std::uint32_t names = m_doc.member(tensor, "names");
        if (const std::uint32_t parameters = m_doc.member(tensor, "parameters"); !names && parameters)
            names = m_doc.member(parameters, "feature_names");
        if (width > 1 || names)
            return readValues(m_leaves, rows, width, names, "inputs[0]");
    }
    // One tensor per feature, each with one value per instance.
    bool ok = true;
    std::size_t index = 0;
    m_doc.forEachChild(inputs, [&](std::uint32_t tensor) {
        if (!ok)
            return;
        std::size_t rows = 0, width = 0;
        if (!isTensor(tensor)) {
            ok = fail(tensor, "inputs[" + std::to_string(index) + "]: expected a tensor {\"name\", \"shape\", \"datatype\", \"data\"}");
            return;
        }
        if (!tensorShape(tensor, rows, width)) {
            ok = false;
            return;
        }
        if (width != 1) {
            ok = fail(tensor, "inputs[" + std::to_string(index) + "]: shape has " + std::to_string(width) +
                                  " values per instance; one tensor per feature needs 1");
            return;
        }
        if (recordCount() == 0)
            for (std::size_t i = 0; i < rows; ++i)
                newRecord();
        if (recordCount() != rows) {
            ok = fail(tensor, "inputs[" + std::to_string(index) + "]: " + std::to_string(rows) +
                                  " values, the first tensor has " + std::to_string(recordCount()));
            return;
        }
        const std::uint32_t nameNode = m_doc.member(tensor, "name");
        const std::string name = nameNode ? textOf(nameNode) : featureName(0, index);
        for (std::size_t row = 0; row < rows; ++row)
            m_out[m_first + row].features.emplace_back(name, valueOf(m_leaves[row]));
        ++index;
    });
    return ok;
}

bool RecordExtractor::seldonMatrix(std::uint32_t data, std::size_t &rows, std::size_t &width)
{
    m_leaves.clear();
    if (const std::uint32_t ndarray = m_doc.member(data, "ndarray")) {
        const JsonNode &array = m_doc.node(ndarray);
        if (array.type != JsonType::Array)
            return fail(ndarray, "data.ndarray: expected an array");
        const bool nested = array.count > 0 && m_doc.node(ndarray + 1).type == JsonType::Array;
        rows = nested ? array.count : 1;
        width = nested ? m_doc.node(ndarray + 1).count : array.count;
        bool ok = true;
        std::size_t index = 0;
        m_doc.forEachChild(ndarray, [&](std::uint32_t row) {
            if (!ok)
                return;
            if (!nested) {
                m_leaves.push_back(row);
            } else if (m_doc.node(row).type != JsonType::Array || m_doc.node(row).count != width) {
                ok = fail(row, "data.ndarray[" + std::to_string(index) + "]: expected " +
                                   std::to_string(width) + " values like the first row");
            } else {
                m_doc.forEachChild(row, [&](std::uint32_t value) { m_leaves.push_back(value); });
            }
            ++index;
        });
        return ok;
    }
    const std::uint32_t tensor = m_doc.member(data, "tensor");
    if (!tensor || m_doc.node(tensor).type != JsonType::Object)
        return fail(data, "data: expected \"ndarray\" or \"tensor\"");
    const std::uint32_t shape = m_doc.member(tensor, "shape");
    const std::uint32_t values = m_doc.member(tensor, "values");
    if (!values || m_doc.node(values).type != JsonType::Array)
        return fail(tensor, "data.tensor: expected \"values\" as an array");
    flatten(values, m_leaves);
    rows = 1;
    width = m_leaves.size();
    if (shape && m_doc.node(shape).type == JsonType::Array && m_doc.node(shape).count >= 1) {
        std::size_t product = 1;
        std::size_t dimension = 0;
        m_doc.forEachChild(shape, [&](std::uint32_t size) {
            const auto value = static_cast<std::size_t>(valueOf(size).number);
            product *= value;
            if (dimension++ == 0)
                rows = value;
        });
        width = rows == 0 ? 0 : product / rows;
        if (product != m_leaves.size())
            return fail(shape, "data.tensor: shape needs " + std::to_string(product) + " values, \"values\" has " +
                                   std::to_string(m_leaves.size()));
        if (m_doc.node(shape).count == 1) {
            width = rows;
            rows = 1;
        }
    }
    return true;
}

bool RecordExtractor::readSeldonData(std::uint32_t data)
{
    std::size_t rows = 0, width = 0;
    if (!seldonMatrix(data, rows, width))
        return false;
    return readValues(m_leaves, rows, width, m_doc.member(data, "names"), "data");
}

} // namespace assay::monitor
