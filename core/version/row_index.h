#pragma once

#include <bit>
#include <cstdint>
#include <optional>
#include <vector>

namespace assay::version {

// An open-addressing hash index over rows whose hashes are precomputed: 4 bytes a slot, so
// a million-row table indexes in a few megabytes. Rows with equal hashes are told apart by
// the caller's equality predicate.
class RowIndex {
public:
    RowIndex(const std::vector<std::uint64_t> &hashes, std::size_t expectedRows)
        : m_hashes(hashes), m_slots(std::bit_ceil(expectedRows * 2 + 2), 0),
          m_mask(m_slots.size() - 1)
    {
    }

    // The first indexed row with `hash` for which `equal(row)` holds.
    template <typename Equal>
    std::optional<std::uint32_t> find(std::uint64_t hash, Equal &&equal) const
    {
        for (std::size_t slot = hash & m_mask;; slot = (slot + 1) & m_mask) {
            const std::uint32_t entry = m_slots[slot];
            if (entry == 0)
                return std::nullopt;
            const std::uint32_t row = entry - 1;
            if (m_hashes[row] == hash && equal(row))
                return row;
        }
    }

    void insert(std::uint32_t row)
    {
        std::size_t slot = m_hashes[row] & m_mask;
        while (m_slots[slot] != 0)
            slot = (slot + 1) & m_mask;
        m_slots[slot] = row + 1;
    }

private:
    const std::vector<std::uint64_t> &m_hashes;
    std::vector<std::uint32_t> m_slots;
    std::size_t m_mask;
};

} // namespace assay::version
