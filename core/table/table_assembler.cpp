#include "table/table_assembler.h"

#include "table/memory_hints.h"

#include <limits>

namespace assay::table {

namespace {

// Room for `extra` more values, grown by half when the estimate was short, with the pages
// about to be written faulted in at once.
template <typename T>
void prepareAppend(std::vector<T> &values, std::size_t extra)
{
    const std::size_t needed = values.size() + extra;
    if (needed > values.capacity()) {
        values.reserve(std::max(needed, values.capacity() + values.capacity() / 2));
        adviseHugePages(values);
    }
    prefaultAppend(values, extra);
}

} // namespace

TableAssembler::TableAssembler(const ByteSource &source, const ChunkParser &parser,
                               std::vector<std::string> names)
    : m_source(source), m_parser(parser)
{
    for (std::string &name : names)
        targetFor(name);
}

std::size_t TableAssembler::targetFor(const std::string &name)
{
    if (const auto found = m_targetByName.find(name); found != m_targetByName.end())
        return found->second;
    const std::size_t index = m_targets.size();
    m_targets.push_back(Target{name, InferredType::Unknown, {}, {}});
    m_targetByName.emplace(name, index);
    return index;
}

void TableAssembler::becomeType(Target &target, InferredType type)
{
    Column &column = target.column;
    if (target.type == InferredType::Int && type == InferredType::Float) {
        Column widened(target.name, ColumnType::Float);
        widened.floats().reserve(std::max<std::uint64_t>(m_reserveRows, m_rows));
        for (std::size_t row = 0; row < column.ints().size(); ++row)
            widened.floats().push_back(column.isMissing(row)
                                           ? std::numeric_limits<double>::quiet_NaN()
                                           : static_cast<double>(column.ints()[row]));
        widened.missing() = std::move(column.missing());
        column = std::move(widened);
        target.type = type;
        return;
    }
    // From Unknown: m_rows missing values so far.
    target.type = type;
    column = Column(target.name, toColumnType(type));
    const auto reserve = static_cast<std::size_t>(std::max<std::uint64_t>(m_reserveRows, m_rows));
    switch (type) {
    case InferredType::Bool:
        column.bools().reserve(reserve);
        adviseHugePages(column.bools());
        break;
    case InferredType::Int:
    case InferredType::Datetime:
        column.ints().reserve(reserve);
        adviseHugePages(column.ints());
        break;
    case InferredType::Unknown:
    case InferredType::Float:
        column.floats().reserve(reserve);
        adviseHugePages(column.floats());
        break;
    case InferredType::String:
        column.codes().reserve(reserve);
        adviseHugePages(column.codes());
        break;
    }
    const std::uint64_t pending = m_rows;
    appendMissing(target, pending);
}

void TableAssembler::appendMissing(Target &target, std::uint64_t count)
{
    if (target.type == InferredType::Unknown || count == 0)
        return;
    Column &column = target.column;
    const std::size_t before = column.size();
    switch (target.type) {
    case InferredType::Bool:
        column.bools().resize(before + count, 0);
        break;
    case InferredType::Int:
    case InferredType::Datetime:
        column.ints().resize(before + count, 0);
        break;
    case InferredType::Unknown:
    case InferredType::Float:
        column.floats().resize(before + count, std::numeric_limits<double>::quiet_NaN());
        break;
    case InferredType::String:
        column.codes().resize(before + count, 0);
        break;
    }
    column.missing().resize(before, 0);
    column.missing().resize(before + count, 1);
}

void TableAssembler::appendSameType(Target &target, Column &&values)
{
    Column &column = target.column;
    const std::size_t before = column.size();
    const std::size_t count = values.size();
    switch (target.type) {
    case InferredType::Bool:
        prepareAppend(column.bools(), count);
        column.bools().insert(column.bools().end(), values.bools().begin(), values.bools().end());
        break;
    case InferredType::Int:
    case InferredType::Datetime:
        prepareAppend(column.ints(), count);
        column.ints().insert(column.ints().end(), values.ints().begin(), values.ints().end());
        break;
    case InferredType::Unknown:
    case InferredType::Float:
        prepareAppend(column.floats(), count);
        if (values.type() == ColumnType::Int) {
            for (std::size_t row = 0; row < count; ++row)
                column.floats().push_back(values.isMissing(row)
                                              ? std::numeric_limits<double>::quiet_NaN()
                                              : static_cast<double>(values.ints()[row]));
        } else {
            column.floats().insert(column.floats().end(), values.floats().begin(),
                                   values.floats().end());
        }
        break;
    case InferredType::String: {
        std::vector<std::uint32_t> remap(values.dictionary().size());
        for (std::size_t code = 0; code < remap.size(); ++code)
            remap[code] = target.index.intern(values.dictionary()[code], column.dictionary());
        auto &codes = column.codes();
        prepareAppend(codes, count);
        for (std::size_t row = 0; row < count; ++row)
            codes.push_back(values.isMissing(row) ? 0 : remap[values.codes()[row]]);
        break;
    }
    }
    auto &missing = column.missing();
    if (!values.missing().empty() || !missing.empty()) {
        if (missing.capacity() < m_reserveRows)
            missing.reserve(static_cast<std::size_t>(m_reserveRows));
        missing.resize(before, 0);
        prepareAppend(missing, count);
        if (!values.missing().empty())
            missing.insert(missing.end(), values.missing().begin(), values.missing().end());
        else
            missing.resize(before + count, 0);
    }
    if (m_pool)
        m_pool->recycle(std::move(values));
}

Result<Column> TableAssembler::readChunkText(const MergedChunk &chunk, std::size_t local) const
{
    std::string bytes;
    bytes.reserve(static_cast<std::size_t>(chunk.length));
    ASSAY_TRY(m_source.readInto(chunk.offset, static_cast<std::size_t>(chunk.length), bytes));
    std::vector<std::uint8_t> mask(std::max(chunk.targetOfLocal.size(), local + 1), 0);
    mask[local] = 1;
    ChunkResult text = m_parser.parse(bytes, &mask);
    if (text.rows != chunk.rows || local >= text.columns.size())
        return Error::internal("re-reading a chunk as text gave different rows");
    return std::move(text.columns[local]);
}

Status TableAssembler::rebuildAsStrings(Target &target, std::size_t targetIndex)
{
    target.type = InferredType::String;
    target.column = Column(target.name, ColumnType::String);
    target.index = DictionaryIndex();
    target.column.codes().reserve(static_cast<std::size_t>(std::max<std::uint64_t>(m_reserveRows, m_rows)));
    for (const MergedChunk &chunk : m_merged) {
        std::size_t local = chunk.targetOfLocal.size();
        for (std::size_t j = 0; j < chunk.targetOfLocal.size(); ++j)
            if (chunk.targetOfLocal[j] == targetIndex)
                local = j;
        if (local == chunk.targetOfLocal.size()) {
            appendMissing(target, chunk.rows);
            continue;
        }
        Result<Column> text = readChunkText(chunk, local);
        if (!text)
            return text.error();
        appendSameType(target, std::move(*text));
    }
    return {};
}

Status TableAssembler::append(ChunkResult &&chunk)
{
    MergedChunk merged{chunk.sourceOffset, chunk.sourceLength, chunk.rows, {}};
    const bool named = !chunk.names.empty();
    merged.targetOfLocal.resize(chunk.columns.size());
    for (std::size_t j = 0; j < chunk.columns.size(); ++j)
        merged.targetOfLocal[j] = static_cast<std::uint32_t>(named ? targetFor(chunk.names[j]) : j);

    std::vector<std::uint8_t> seen(m_targets.size(), 0);
    for (std::size_t j = 0; j < chunk.columns.size(); ++j) {
        const std::size_t t = merged.targetOfLocal[j];
        seen[t] = 1;
        Target &target = m_targets[t];
        InferredType chunkType = chunk.types[j];
        Column values = std::move(chunk.columns[j]);
        if (chunkType == InferredType::Unknown) {
            appendMissing(target, chunk.rows);
            continue;
        }
        const InferredType joined = joinTypes(target.type, chunkType);
        if (joined == InferredType::String && target.type != InferredType::String
            && target.type != InferredType::Unknown)
            ASSAY_TRY(rebuildAsStrings(target, t));
        else if (joined != target.type)
            becomeType(target, joined);
        if (joined == InferredType::String && chunkType != InferredType::String) {
            Result<Column> text = readChunkText(merged, j);
            if (!text)
                return text.error();
            values = std::move(*text);
        }
        appendSameType(target, std::move(values));
    }
    for (std::size_t t = 0; t < m_targets.size(); ++t)
        if (!seen[t])
            appendMissing(m_targets[t], chunk.rows);
    m_rows += chunk.rows;
    m_merged.push_back(std::move(merged));
    return {};
}

Table TableAssembler::finish()
{
    std::vector<Column> columns;
    columns.reserve(m_targets.size());
    for (Target &target : m_targets) {
        if (target.type == InferredType::Unknown) {
            Column column(target.name, ColumnType::Float);
            column.floats().assign(m_rows, std::numeric_limits<double>::quiet_NaN());
            column.missing().assign(m_rows, 1);
            columns.push_back(std::move(column));
        } else {
            columns.push_back(std::move(target.column));
        }
    }
    m_targets.clear();
    return Table(std::move(columns));
}

} // namespace assay::table
