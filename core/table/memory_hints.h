#pragma once

#include <cstddef>
#include <vector>

namespace assay::table {

// Asks the kernel to fault in the pages of [data, data + bytes) for writing in one call.
// Page faults taken one 4 KiB page at a time are a large part of filling a big table
// (and much slower still under virtualisation); batching them is several times cheaper.
// Only whole pages inside the range are touched, so the resident size does not grow
// beyond what is about to be written anyway. A no-op where unsupported.
void prefaultForWrite(void *data, std::size_t bytes);

// Asks for transparent huge pages over [data, data + bytes): one fault per 2 MiB instead of
// per 4 KiB when a big column is filled. A no-op where unsupported or too small.
void adviseHugePages(void *data, std::size_t bytes);

template <typename T>
void adviseHugePages(std::vector<T> &values)
{
    adviseHugePages(values.data(), values.capacity() * sizeof(T));
}

// Prefaults the storage that the next `count` push_backs/inserts of `values` will use.
template <typename T>
void prefaultAppend(std::vector<T> &values, std::size_t count)
{
    const std::size_t room = values.capacity() - values.size();
    if (count > room)
        count = room;
    prefaultForWrite(values.data() + values.size(), count * sizeof(T));
}

} // namespace assay::table
