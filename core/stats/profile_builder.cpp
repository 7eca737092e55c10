#include "stats/profile.h"

#include "common/parallel_for.h"
#include "stats/column_accumulator.h"

#include <algorithm>

namespace assay::stats {

namespace {
// Below this many cells a chunk is profiled on the calling thread: starting threads would cost more.
constexpr std::size_t kParallelCells = 1 << 16;
} // namespace

struct ProfileBuilder::State {
    std::vector<std::string> textColumns;
    std::vector<std::string> names; // empty until the first chunk
    bool started = false;
    std::uint64_t rows = 0;
    std::vector<ColumnAccumulator> columns;

    void start(const table::Table &chunk)
    {
        started = true;
        for (const auto &column : chunk.columns()) {
            names.push_back(column.name());
            const bool asText = std::find(textColumns.begin(), textColumns.end(), column.name()) !=
                                textColumns.end();
            columns.emplace_back(asText);
        }
    }
};

ProfileBuilder::ProfileBuilder() : m_state(std::make_unique<State>()) {}
ProfileBuilder::~ProfileBuilder() = default;
ProfileBuilder::ProfileBuilder(ProfileBuilder &&) noexcept = default;
ProfileBuilder &ProfileBuilder::operator=(ProfileBuilder &&) noexcept = default;

ProfileBuilder ProfileBuilder::withTextColumns(std::vector<std::string> textColumns)
{
    ProfileBuilder builder;
    builder.m_state->textColumns = std::move(textColumns);
    return builder;
}

Status ProfileBuilder::add(const table::Table &chunk)
{
    State &s = *m_state;
    if (!s.started)
        s.start(chunk);
    if (chunk.columnCount() != s.names.size())
        return Error::invalidInput("profile: a chunk has " + std::to_string(chunk.columnCount()) +
                                   " columns, the first had " + std::to_string(s.names.size()));
    for (std::size_t c = 0; c < s.names.size(); ++c)
        if (chunk.column(c).name() != s.names[c])
            return Error::invalidInput("profile: chunk column " + std::to_string(c + 1) + " is '" +
                                       chunk.column(c).name() + "', expected '" + s.names[c] + "'");
    s.rows += chunk.rowCount();
    // Columns are independent: profile them side by side (each accumulator on one thread, so
    // the result does not depend on the thread count).
    if (chunk.rowCount() * chunk.columnCount() >= kParallelCells)
        parallelFor(s.names.size(), [&](std::size_t c) { s.columns[c].add(chunk.column(c)); });
    else
        for (std::size_t c = 0; c < s.names.size(); ++c)
            s.columns[c].add(chunk.column(c));
    return {};
}

Status ProfileBuilder::merge(ProfileBuilder &&other)
{
    State &s = *m_state;
    State &o = *other.m_state;
    if (!o.started)
        return {};
    if (!s.started) {
        std::swap(m_state, other.m_state);
        m_state->rows += other.m_state->rows;
        return {};
    }
    if (o.names != s.names)
        return Error::invalidInput("profile: cannot merge profiles of different columns");
    s.rows += o.rows;
    for (std::size_t c = 0; c < s.names.size(); ++c)
        s.columns[c].merge(std::move(o.columns[c]));
    return {};
}

DatasetProfile ProfileBuilder::finish(std::string source) const
{
    const State &s = *m_state;
    DatasetProfile profile;
    profile.source = std::move(source);
    profile.rows = s.rows;
    profile.columns.resize(s.names.size());
    parallelFor(s.names.size(), [&](std::size_t c) { profile.columns[c] = s.columns[c].finish(s.names[c]); });
    return profile;
}

std::vector<std::string> ProfileBuilder::columnsNeedingText() const
{
    std::vector<std::string> names;
    for (std::size_t c = 0; c < m_state->names.size(); ++c)
        if (m_state->columns[c].lostValuesToText())
            names.push_back(m_state->names[c]);
    return names;
}

const ColumnProfile *DatasetProfile::column(std::string_view name) const
{
    for (const auto &c : columns)
        if (c.name == name)
            return &c;
    return nullptr;
}

} // namespace assay::stats
