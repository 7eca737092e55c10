#pragma once

#include "table/table.h"

#include <cstdint>
#include <string>
#include <vector>

namespace assay::version {

// Two tables' columns that share a name, with what it takes to compare their cells fast.
class SharedColumn {
public:
    SharedColumn(const table::Column &a, const table::Column &b);

    const std::string &name() const { return m_a->name(); }
    bool sameType() const { return m_a->type() == m_b->type(); }
    const table::Column &a() const { return *m_a; }
    const table::Column &b() const { return *m_b; }

    // Cell A[rowA] equals cell B[rowB]: missing equals missing, NaN equals NaN, and columns of
    // different types compare by their text.
    bool equal(std::size_t rowA, std::size_t rowB) const;
    // A hash equal for equal cells of the same type (columns of different types hash as text).
    std::uint64_t hashA(std::size_t row) const { return hashCell(*m_a, m_codeHashA, row); }
    std::uint64_t hashB(std::size_t row) const { return hashCell(*m_b, m_codeHashB, row); }

private:
    std::uint64_t hashCell(const table::Column &column, const std::vector<std::uint64_t> &codeHash,
                           std::size_t row) const;

    const table::Column *m_a;
    const table::Column *m_b;
    std::vector<std::uint32_t> m_codeAtoB;     // String: A's code → B's code, or kNoCode
    std::vector<std::uint64_t> m_codeHashA;    // String: hash of each dictionary entry
    std::vector<std::uint64_t> m_codeHashB;
};

// Combines per-column hashes of a row into one row hash, for the given shared columns.
std::vector<std::uint64_t> rowHashes(const std::vector<const SharedColumn *> &columns, bool sideA,
                                     std::size_t rowCount);

} // namespace assay::version
