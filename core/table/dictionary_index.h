#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace assay::table {

// Open-addressing hash index over a string dictionary: maps a value to its code (its
// position in the dictionary, in order of first appearance). Stores only codes, so the
// dictionary vector may reallocate freely.
class DictionaryIndex {
public:
    // The code of `text`, appending it to `dictionary` when it is new.
    std::uint32_t intern(std::string_view text, std::vector<std::string> &dictionary);
    // The code of `text`, or -1 when it is not in `dictionary`.
    std::int64_t find(std::string_view text, const std::vector<std::string> &dictionary) const;
    // Rebuilds the index for an existing dictionary.
    void rebuild(const std::vector<std::string> &dictionary);

    static std::uint32_t hash(std::string_view text);

private:
    struct Slot {
        std::uint32_t hash = 0;
        std::uint32_t codePlusOne = 0; // 0 = empty
    };

    void grow(std::size_t slotCount);
    void insertSlot(std::uint32_t hashValue, std::uint32_t code);

    std::vector<Slot> m_slots;
    std::size_t m_used = 0;
};

} // namespace assay::table
