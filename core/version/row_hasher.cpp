#include "version/row_hasher.h"

#include <bit>
#include <cmath>
#include <functional>
#include <limits>
#include <string_view>
#include <unordered_map>

namespace assay::version {

namespace {

using table::Column;
using table::ColumnType;

constexpr std::uint32_t kNoCode = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint64_t kMissingHash = 0x9e3779b97f4a7c15ULL;

std::uint64_t mix(std::uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    return x ^ (x >> 33);
}

std::uint64_t hashText(std::string_view text)
{
    return mix(std::hash<std::string_view>{}(text));
}

std::vector<std::uint64_t> dictionaryHashes(const Column &column)
{
    std::vector<std::uint64_t> hashes;
    if (column.type() != ColumnType::String)
        return hashes;
    hashes.reserve(column.dictionary().size());
    for (const auto &entry : column.dictionary())
        hashes.push_back(hashText(entry));
    return hashes;
}

} // namespace

SharedColumn::SharedColumn(const Column &a, const Column &b)
    : m_a(&a), m_b(&b), m_codeHashA(dictionaryHashes(a)), m_codeHashB(dictionaryHashes(b))
{
    if (a.type() == ColumnType::String && b.type() == ColumnType::String) {
        std::unordered_map<std::string_view, std::uint32_t> codesOfB;
        codesOfB.reserve(b.dictionary().size());
        for (std::uint32_t code = 0; code < b.dictionary().size(); ++code)
            codesOfB.emplace(b.dictionary()[code], code);
        m_codeAtoB.reserve(a.dictionary().size());
        for (const auto &entry : a.dictionary()) {
            const auto it = codesOfB.find(entry);
            m_codeAtoB.push_back(it == codesOfB.end() ? kNoCode : it->second);
        }
    }
}

bool SharedColumn::equal(std::size_t rowA, std::size_t rowB) const
{
    const bool missingA = m_a->isMissing(rowA);
    const bool missingB = m_b->isMissing(rowB);
    if (missingA || missingB)
        return missingA == missingB;
    if (!sameType())
        return m_a->format(rowA) == m_b->format(rowB);
    switch (m_a->type()) {
    case ColumnType::Bool:
        return m_a->bools()[rowA] == m_b->bools()[rowB];
    case ColumnType::Int:
    case ColumnType::Datetime:
        return m_a->ints()[rowA] == m_b->ints()[rowB];
    case ColumnType::Float: {
        const double x = m_a->floats()[rowA];
        const double y = m_b->floats()[rowB];
        return x == y || (std::isnan(x) && std::isnan(y));
    }
    case ColumnType::String:
        return m_codeAtoB[m_a->codes()[rowA]] == m_b->codes()[rowB];
    }
    return false;
}

std::uint64_t SharedColumn::hashCell(const Column &column, const std::vector<std::uint64_t> &codeHash,
                                     std::size_t row) const
{
    if (column.isMissing(row))
        return kMissingHash;
    if (!sameType())
        return hashText(column.format(row));
    switch (column.type()) {
    case ColumnType::Bool:
        return mix(column.bools()[row] + 1u);
    case ColumnType::Int:
    case ColumnType::Datetime:
        return mix(static_cast<std::uint64_t>(column.ints()[row]));
    case ColumnType::Float: {
        double value = column.floats()[row];
        if (value == 0.0)
            value = 0.0; // -0.0 equals 0.0
        if (std::isnan(value))
            return kMissingHash ^ 1;
        return mix(std::bit_cast<std::uint64_t>(value));
    }
    case ColumnType::String:
        return codeHash[column.codes()[row]];
    }
    return 0;
}

std::vector<std::uint64_t> rowHashes(const std::vector<const SharedColumn *> &columns, bool sideA,
                                     std::size_t rowCount)
{
    std::vector<std::uint64_t> hashes(rowCount, 0x84222325cbf29ce4ULL);
    for (const SharedColumn *column : columns) {
        for (std::size_t row = 0; row < rowCount; ++row) {
            const std::uint64_t cell = sideA ? column->hashA(row) : column->hashB(row);
            hashes[row] = mix(hashes[row] ^ (cell + 0x9e3779b97f4a7c15ULL + (hashes[row] << 6)));
        }
    }
    return hashes;
}

} // namespace assay::version
