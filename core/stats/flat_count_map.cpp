#include "stats/flat_count_map.h"

#include <cstdlib>
#include <cstring>
#include <new>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace assay::stats {

namespace {
constexpr std::size_t kHugePage = std::size_t(1) << 21;
}

void FlatCountMap::FreeSlots::operator()(Slot *slots) const
{
    std::free(slots);
}

FlatCountMap::Slots FlatCountMap::allocateSlots(std::size_t count)
{
    const std::size_t bytes = count * sizeof(Slot);
    void *memory = bytes >= kHugePage ? std::aligned_alloc(kHugePage, bytes) : std::malloc(bytes);
    if (!memory)
        throw std::bad_alloc();
#ifdef __linux__
    if (bytes >= kHugePage)
        madvise(memory, bytes, MADV_HUGEPAGE); // a hint: without huge pages it still works
#endif
    std::memset(memory, 0, bytes);
    return Slots(static_cast<Slot *>(memory));
}

void FlatCountMap::grow()
{
    Slots old = allocateSlots(m_capacity * 2);
    std::swap(old, m_slots);
    const std::size_t oldCapacity = m_capacity;
    m_capacity *= 2;
    m_size = 0;
    for (std::size_t i = 0; i < oldCapacity; ++i)
        if (old[i].count != 0)
            add(old[i].key, old[i].count);
}

} // namespace assay::stats
