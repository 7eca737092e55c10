#include "table/dictionary_index.h"

#include <cstring>

namespace assay::table {

std::uint32_t DictionaryIndex::hash(std::string_view text)
{
    std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ text.size();
    const char *p = text.data();
    std::size_t left = text.size();
    while (left >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        h = (h ^ word) * 0xff51afd7ed558ccdULL;
        h ^= h >> 32;
        p += 8;
        left -= 8;
    }
    if (left > 0) {
        std::uint64_t word = 0;
        std::memcpy(&word, p, left);
        h = (h ^ word) * 0xc4ceb9fe1a85ec53ULL;
    }
    h ^= h >> 29;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 32;
    return static_cast<std::uint32_t>(h);
}

void DictionaryIndex::insertSlot(std::uint32_t hashValue, std::uint32_t code)
{
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = hashValue & mask;
    while (m_slots[i].codePlusOne != 0)
        i = (i + 1) & mask;
    m_slots[i] = {hashValue, code + 1};
    ++m_used;
}

void DictionaryIndex::grow(std::size_t slotCount)
{
    std::vector<Slot> old;
    old.swap(m_slots);
    m_slots.assign(slotCount, Slot{});
    m_used = 0;
    for (const Slot &slot : old)
        if (slot.codePlusOne != 0)
            insertSlot(slot.hash, slot.codePlusOne - 1);
}

std::uint32_t DictionaryIndex::intern(std::string_view text, std::vector<std::string> &dictionary)
{
    if ((m_used + 1) * 2 > m_slots.size())
        grow(m_slots.empty() ? 64 : m_slots.size() * 2);
    const std::uint32_t hashValue = hash(text);
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = hashValue & mask;; i = (i + 1) & mask) {
        const Slot &slot = m_slots[i];
        if (slot.codePlusOne == 0)
            break;
        if (slot.hash == hashValue && dictionary[slot.codePlusOne - 1] == text)
            return slot.codePlusOne - 1;
    }
    const auto code = static_cast<std::uint32_t>(dictionary.size());
    dictionary.emplace_back(text);
    insertSlot(hashValue, code);
    return code;
}

std::int64_t DictionaryIndex::find(std::string_view text,
                                   const std::vector<std::string> &dictionary) const
{
    if (m_slots.empty())
        return -1;
    const std::uint32_t hashValue = hash(text);
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = hashValue & mask;; i = (i + 1) & mask) {
        const Slot &slot = m_slots[i];
        if (slot.codePlusOne == 0)
            return -1;
        if (slot.hash == hashValue && dictionary[slot.codePlusOne - 1] == text)
            return slot.codePlusOne - 1;
    }
}

void DictionaryIndex::rebuild(const std::vector<std::string> &dictionary)
{
    std::size_t slotCount = 64;
    while (slotCount < dictionary.size() * 2 + 2)
        slotCount *= 2;
    m_slots.assign(slotCount, Slot{});
    m_used = 0;
    for (std::size_t code = 0; code < dictionary.size(); ++code)
        insertSlot(hash(dictionary[code]), static_cast<std::uint32_t>(code));
}

} // namespace assay::table
