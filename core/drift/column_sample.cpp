#include "drift/column_sample.h"

#include "drift/radix_sort.h"
#include "table/datetime_parse.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace assay::drift {

using table::ColumnType;

namespace {

bool numericType(ColumnType type)
{
    return type == ColumnType::Int || type == ColumnType::Float || type == ColumnType::Datetime;
}

} // namespace

std::string numberLabel(double value, ColumnType type)
{
    if (type == ColumnType::Datetime)
        return table::formatIsoDatetime(std::int64_t(value));
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

bool ColumnSample::isNumeric() const
{
    return m_type && numericType(*m_type);
}

void ColumnSample::add(const table::Column &chunk)
{
    const std::size_t rows = chunk.size();
    m_rows += rows;
    const std::size_t missing = chunk.missingCount();
    if (missing == rows) {
        m_missing += missing;
        return;
    }
    widen(chunk.type());
    if (isNumeric() && numericType(chunk.type()))
        addNumbers(chunk);
    else
        addCategories(chunk);
}

void ColumnSample::widen(ColumnType incoming)
{
    if (!m_type) {
        m_type = incoming;
        return;
    }
    if (*m_type == incoming)
        return;
    const bool bothIntOrFloat = (*m_type == ColumnType::Int || *m_type == ColumnType::Float) &&
                                (incoming == ColumnType::Int || incoming == ColumnType::Float);
    if (bothIntOrFloat) {
        m_type = ColumnType::Float;
        return;
    }
    if (isNumeric())
        numbersToCategories();
    m_type = ColumnType::String;
}

void ColumnSample::numbersToCategories()
{
    for (const auto &piece : m_pieces) {
        for (std::size_t i = 0; i < piece.size; ++i)
            ++m_categories[numberLabel(piece.values[i], *m_type)];
    }
    std::vector<Piece>().swap(m_pieces);
}

void ColumnSample::takeSortedNumbers(std::vector<double> &storage)
{
    std::vector<std::span<const double>> spans;
    for (const auto &piece : m_pieces)
        spans.emplace_back(piece.values.get(), piece.size);
    radixSortInto(spans, storage);
    std::vector<Piece>().swap(m_pieces);
}

void ColumnSample::keepSortedNumbers()
{
    if (!isNumeric())
        return;
    std::vector<double> sorted;
    takeSortedNumbers(sorted);
    m_kept = std::move(sorted);
}

void ColumnSample::addNumbers(const table::Column &chunk)
{
    const std::size_t rows = chunk.size();
    const auto &missing = chunk.missing();
    const bool anyMissing = !missing.empty();
    std::unique_ptr<double[]> piece(new double[rows]);
    std::size_t kept = 0;
    if (chunk.type() == ColumnType::Float) {
        const auto &floats = chunk.floats();
        for (std::size_t r = 0; r < rows; ++r) {
            const double v = floats[r];
            piece[kept] = v;
            kept += !(anyMissing && missing[r]) && std::isfinite(v);
        }
    } else {
        const auto &ints = chunk.ints();
        for (std::size_t r = 0; r < rows; ++r) {
            piece[kept] = double(ints[r]);
            kept += !(anyMissing && missing[r]);
        }
    }
    m_missing += rows - kept;
    m_pieces.push_back({std::move(piece), kept});
}

void ColumnSample::addCategories(const table::Column &chunk)
{
    const std::size_t rows = chunk.size();
    const auto &missing = chunk.missing();
    const bool anyMissing = !missing.empty();
    const auto isMissing = [&](std::size_t r) { return anyMissing && missing[r]; };
    switch (chunk.type()) {
    case ColumnType::String: {
        std::vector<std::uint64_t> perCode(chunk.dictionary().size(), 0);
        const auto &codes = chunk.codes();
        for (std::size_t r = 0; r < rows; ++r) {
            if (isMissing(r))
                ++m_missing;
            else
                ++perCode[codes[r]];
        }
        for (std::size_t code = 0; code < perCode.size(); ++code) {
            if (perCode[code] > 0)
                m_categories[chunk.dictionary()[code]] += perCode[code];
        }
        return;
    }
    case ColumnType::Bool: {
        std::uint64_t counts[2] = {0, 0};
        for (std::size_t r = 0; r < rows; ++r) {
            if (isMissing(r))
                ++m_missing;
            else
                ++counts[chunk.bools()[r] ? 1 : 0];
        }
        if (counts[0])
            m_categories["false"] += counts[0];
        if (counts[1])
            m_categories["true"] += counts[1];
        return;
    }
    default: // numbers arriving in a column that already widened to text
        for (std::size_t r = 0; r < rows; ++r) {
            const double v = chunk.numeric(r);
            if (isMissing(r) || !std::isfinite(v))
                ++m_missing;
            else
                ++m_categories[numberLabel(v, chunk.type())];
        }
        return;
    }
}

} // namespace assay::drift
