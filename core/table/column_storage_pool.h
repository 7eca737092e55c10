#pragma once

#include "table/column.h"

#include <cstdint>
#include <mutex>
#include <vector>

namespace assay::table {

// Recycles the value vectors of chunk columns once they have been appended to the final
// table, so that the next chunks reuse memory whose pages are already resident instead of
// faulting in fresh pages for every chunk. Thread-safe; holds a bounded number of bytes.
class ColumnStoragePool {
public:
    explicit ColumnStoragePool(std::size_t maxBytes = std::size_t{32} << 20) : m_maxBytes(maxBytes) {}

    // An empty vector with at least `capacity` room when a recycled one fits, else a new one.
    template <typename T>
    std::vector<T> take(std::size_t capacity)
    {
        {
            std::lock_guard lock(m_mutex);
            auto &shelf = shelfFor<T>();
            for (std::size_t i = shelf.size(); i-- > 0;) {
                if (shelf[i].capacity() >= capacity) {
                    std::vector<T> values = std::move(shelf[i]);
                    shelf.erase(shelf.begin() + static_cast<std::ptrdiff_t>(i));
                    m_bytes -= values.capacity() * sizeof(T);
                    values.clear();
                    return values;
                }
            }
        }
        std::vector<T> values;
        values.reserve(capacity);
        return values;
    }

    // Takes back every vector of a column that is no longer needed.
    void recycle(Column &&column);

private:
    template <typename T>
    void give(std::vector<T> &&values)
    {
        const std::size_t bytes = values.capacity() * sizeof(T);
        if (bytes < 4096)
            return;
        std::lock_guard lock(m_mutex);
        if (m_bytes + bytes > m_maxBytes)
            return;
        m_bytes += bytes;
        shelfFor<T>().push_back(std::move(values));
    }

    template <typename T>
    std::vector<std::vector<T>> &shelfFor()
    {
        if constexpr (std::is_same_v<T, std::int64_t>)
            return m_ints;
        else if constexpr (std::is_same_v<T, double>)
            return m_floats;
        else if constexpr (std::is_same_v<T, std::uint32_t>)
            return m_codes;
        else
            return m_bytesShelf;
    }

    std::mutex m_mutex;
    std::size_t m_maxBytes;
    std::size_t m_bytes = 0;
    std::vector<std::vector<std::int64_t>> m_ints;
    std::vector<std::vector<double>> m_floats;
    std::vector<std::vector<std::uint32_t>> m_codes;
    std::vector<std::vector<std::uint8_t>> m_bytesShelf; // bools and missing flags
};

} // namespace assay::table
