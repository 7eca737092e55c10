#pragma once

#include <cstdint>
#include <memory>

namespace assay::stats {

// Counts of 64-bit keys in one open-addressing table (linear probing, load <= 1/2). Much
// cheaper per value than a node-based map; a slot whose count is 0 is empty. Tables of 2 MiB
// and more ask for transparent huge pages: probes are random, and with 4 KiB pages TLB misses
// cost as much as the counting itself (measured: half the time on 58k distinct doubles).
class FlatCountMap {
public:
    struct Slot {
        std::uint64_t key = 0;
        std::uint64_t count = 0;
    };

    FlatCountMap() : m_slots(allocateSlots(kInitialSlots)), m_capacity(kInitialSlots) {}

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

    [[gnu::always_inline]] void add(std::uint64_t key, std::uint64_t count = 1)
    {
        const std::size_t mask = m_capacity - 1;
        for (std::size_t i = mix(key) & mask;; i = (i + 1) & mask) {
            Slot &slot = m_slots[i];
            if (slot.count == 0) {
                slot = {key, count};
                if (++m_size * 2 > m_capacity) [[unlikely]]
                    grow();
                return;
            }
            if (slot.key == key) {
                slot.count += count;
                return;
            }
        }
    }

    // Adds one to each key. Random probes into a table bigger than the cache dominate the cost,
    // so the slots of a few keys ahead are prefetched while earlier keys are counted.
    void addEach(const std::uint64_t *keys, std::size_t n)
    {
        constexpr std::size_t ahead = 16;
        for (std::size_t i = 0; i < n; ++i) {
            if (i + ahead < n)
                __builtin_prefetch(&m_slots[mix(keys[i + ahead]) & (m_capacity - 1)], 1);
            add(keys[i]);
        }
    }

    // Calls visit(key, count) for every key, in slot order (deterministic for the same inserts).
    template <typename Visit>
    void forEach(Visit &&visit) const
    {
        for (std::size_t i = 0; i < m_capacity; ++i)
            if (m_slots[i].count != 0)
                visit(m_slots[i].key, m_slots[i].count);
    }

    void clear()
    {
        m_slots = allocateSlots(kInitialSlots);
        m_capacity = kInitialSlots;
        m_size = 0;
    }

    static std::uint64_t mix(std::uint64_t key)
    {
        key ^= key >> 33;
        key *= 0xff51afd7ed558ccdULL;
        key ^= key >> 33;
        key *= 0xc4ceb9fe1a85ec53ULL;
        key ^= key >> 33;
        return key;
    }

private:
    struct FreeSlots {
        void operator()(Slot *slots) const;
    };
    using Slots = std::unique_ptr<Slot[], FreeSlots>;
    static constexpr std::size_t kInitialSlots = 64;

    // `count` zeroed slots (count a power of two).
    static Slots allocateSlots(std::size_t count);
    [[gnu::noinline]] void grow();

    Slots m_slots;
    std::size_t m_capacity = 0;
    std::size_t m_size = 0;
};

} // namespace assay::stats
