#include "stats/column_accumulator.h"

#include "stats/value_format.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace assay::stats {

using table::ColumnType;

table::ColumnType widerType(ColumnType a, ColumnType b)
{
    if (a == b)
        return a;
    const auto numeric = [](ColumnType t) { return t == ColumnType::Int || t == ColumnType::Float; };
    return numeric(a) && numeric(b) ? ColumnType::Float : ColumnType::String;
}

namespace {

std::size_t valueCount(const table::Column &column)
{
    std::size_t present = column.size() - column.missingCount();
    if (column.type() == ColumnType::Float) {
        const auto &missing = column.missing();
        const auto &values = column.floats();
        for (std::size_t i = 0; i < values.size(); ++i)
            present -= (missing.empty() || !missing[i]) && std::isnan(values[i]);
    }
    return present;
}

} // namespace

void ColumnAccumulator::add(const table::Column &column)
{
    const std::size_t present = valueCount(column);
    m_missing += column.size() - present;
    if (!m_emptyType)
        m_emptyType = m_asText ? ColumnType::String : column.type();
    if (present == 0)
        return;
    m_count += present;
    const ColumnType chunkType = m_asText ? ColumnType::String : column.type();
    widenTo(m_type ? widerType(*m_type, chunkType) : chunkType);

    switch (*m_type) {
    case ColumnType::Float:
        if (column.type() == ColumnType::Float)
            addFloats(column);
        else
            addInts(column, ColumnType::Float);
        break;
    case ColumnType::Int:
    case ColumnType::Datetime:
        addInts(column, *m_type);
        break;
    case ColumnType::Bool:
        addBools(column);
        break;
    case ColumnType::String:
        if (column.type() == ColumnType::String)
            addStrings(column);
        else
            addAsText(column);
        break;
    }
}

void ColumnAccumulator::widenTo(ColumnType type)
{
    if (!m_type) {
        m_type = type;
        m_numbers = NumericValueCounter(type == ColumnType::Float ? KeyKind::Double : KeyKind::Int64,
                                        type != ColumnType::Datetime);
        return;
    }
    if (*m_type == type)
        return;
    if (type == ColumnType::Float) { // from int: same numbers, keyed as doubles
        m_numbers.convertToDouble();
        m_type = type;
        return;
    }
    if (*m_type == ColumnType::Bool) {
        if (m_trues > 0)
            m_strings.add("true", m_trues);
        if (m_falses > 0)
            m_strings.add("false", m_falses);
        m_trues = m_falses = 0;
    } else if (!m_numbers.exact()) {
        m_lostValuesToText = true;
    } else {
        m_numbers.exactCounts().forEach([&](std::uint64_t key, std::uint64_t count) {
            m_strings.add(formatKey(key, *m_type), count);
        });
    }
    m_numbers = NumericValueCounter();
    m_moments = {};
    m_type = type;
    m_strings.checkLimit(kExactDistinctLimit);
}

namespace {

// One pass over a chunk's values: count, sum, min, max and zeros of the rows `take` accepts,
// and their keys into `keys`; then squared deviations from the chunk mean over the kept values.
template <typename Value, typename Take, typename ToKey>
NumericMoments collectValues(const std::vector<Value> &values, Take &&take, ToKey &&toKey,
                             std::vector<std::uint64_t> &keys, std::vector<double> &kept)
{
    keys.resize(values.size());
    kept.resize(values.size());
    NumericMoments m;
    std::size_t n = 0;
    double sum = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!take(i))
            continue;
        const double v = static_cast<double>(values[i]);
        keys[n] = toKey(values[i]);
        kept[n++] = v;
        sum += v;
        m.min = std::min(m.min, v);
        m.max = std::max(m.max, v);
        m.zeros += v == 0.0;
    }
    keys.resize(n);
    kept.resize(n);
    m.count = n;
    if (n == 0)
        return m;
    m.mean = sum / static_cast<double>(n);
    double m2 = 0;
    for (double v : kept)
        m2 += (v - m.mean) * (v - m.mean);
    m.m2 = m2;
    return m;
}

} // namespace

void ColumnAccumulator::addFloats(const table::Column &column)
{
    const auto &values = column.floats();
    const auto &missing = column.missing();
    const auto key = [](double v) { return doubleKey(v); };
    if (missing.empty())
        m_moments.merge(collectValues(values, [&](std::size_t i) { return !std::isnan(values[i]); },
                                      key, m_scratchKeys, m_scratchValues));
    else
        m_moments.merge(collectValues(
            values, [&](std::size_t i) { return !missing[i] && !std::isnan(values[i]); }, key,
            m_scratchKeys, m_scratchValues));
    m_numbers.addEach(m_scratchKeys.data(), m_scratchKeys.size());
    m_numbers.checkLimit(kExactDistinctLimit);
}

void ColumnAccumulator::addInts(const table::Column &column, ColumnType as)
{
    const auto &values = column.ints();
    const auto &missing = column.missing();
    const auto take = [&](std::size_t i) { return missing.empty() || !missing[i]; };
    if (as == ColumnType::Datetime) {
        std::vector<std::uint64_t> &keys = m_scratchKeys;
        keys.clear();
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (!take(i))
                continue;
            m_minTime = std::min(m_minTime, values[i]);
            m_maxTime = std::max(m_maxTime, values[i]);
            keys.push_back(static_cast<std::uint64_t>(values[i]));
        }
    } else if (as == ColumnType::Float) {
        m_moments.merge(collectValues(
            values, take, [](std::int64_t v) { return doubleKey(static_cast<double>(v)); },
            m_scratchKeys, m_scratchValues));
    } else {
        m_moments.merge(collectValues(
            values, take, [](std::int64_t v) { return static_cast<std::uint64_t>(v); },
            m_scratchKeys, m_scratchValues));
    }
    m_numbers.addEach(m_scratchKeys.data(), m_scratchKeys.size());
    m_numbers.checkLimit(kExactDistinctLimit);
}

void ColumnAccumulator::addBools(const table::Column &column)
{
    const auto &values = column.bools();
    const auto &missing = column.missing();
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!missing.empty() && missing[i])
            continue;
        m_trues += values[i] != 0;
        m_falses += values[i] == 0;
    }
}

void ColumnAccumulator::addStrings(const table::Column &column)
{
    // Count dictionary codes first, then fold each used entry into the column's counts once.
    const auto &codes = column.codes();
    const auto &missing = column.missing();
    const auto &dictionary = column.dictionary();
    std::vector<std::uint64_t> counts(dictionary.size(), 0);
    if (missing.empty()) {
        for (std::uint32_t code : codes)
            ++counts[code];
    } else {
        for (std::size_t i = 0; i < codes.size(); ++i)
            counts[codes[i]] += missing[i] == 0;
    }
    for (std::size_t code = 0; code < dictionary.size(); ++code)
        if (counts[code] != 0)
            m_strings.add(dictionary[code], counts[code]);
    m_strings.checkLimit(kExactDistinctLimit);
}

void ColumnAccumulator::addAsText(const table::Column &column)
{
    StringCountMap counts;
    for (std::size_t i = 0; i < column.size(); ++i) {
        if (column.isMissing(i) || (column.type() == ColumnType::Float && std::isnan(column.floats()[i])))
            continue;
        ++counts[column.format(i)];
    }
    for (const auto &[value, count] : counts)
        m_strings.add(value, count);
    m_strings.checkLimit(kExactDistinctLimit);
}

void ColumnAccumulator::merge(ColumnAccumulator &&other)
{
    if (!m_emptyType)
        m_emptyType = other.m_emptyType;
    m_missing += other.m_missing;
    m_lostValuesToText = m_lostValuesToText || other.m_lostValuesToText;
    if (!other.m_type)
        return;
    if (!m_type) {
        const auto keep = std::make_tuple(m_emptyType, m_missing, m_lostValuesToText, m_asText);
        *this = std::move(other);
        std::tie(m_emptyType, m_missing, m_lostValuesToText, m_asText) = keep;
        return;
    }
    const ColumnType type = widerType(*m_type, *other.m_type);
    widenTo(type);
    other.widenTo(type);
    m_lostValuesToText = m_lostValuesToText || other.m_lostValuesToText;
    m_count += other.m_count;
    m_moments.merge(other.m_moments);
    m_numbers.merge(other.m_numbers, kExactDistinctLimit);
    m_minTime = std::min(m_minTime, other.m_minTime);
    m_maxTime = std::max(m_maxTime, other.m_maxTime);
    m_trues += other.m_trues;
    m_falses += other.m_falses;
    m_strings.merge(other.m_strings, kExactDistinctLimit);
}

} // namespace assay::stats
