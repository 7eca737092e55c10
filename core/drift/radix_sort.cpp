#include "drift/radix_sort.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <utility>

namespace assay::drift {

namespace {

constexpr int kDigitBits = 11;
constexpr std::size_t kBuckets = std::size_t(1) << kDigitBits;
constexpr int kPasses = (64 + kDigitBits - 1) / kDigitBits;

// Maps a double's bits to an unsigned key whose order is the numeric order: negative
// numbers have every bit flipped, positive ones only the sign bit.
std::uint64_t orderedKey(double value)
{
    const auto bits = std::bit_cast<std::uint64_t>(value);
    return (bits >> 63) ? ~bits : bits | (std::uint64_t(1) << 63);
}

double fromOrderedKey(std::uint64_t key)
{
    const std::uint64_t bits = (key >> 63) ? key & ~(std::uint64_t(1) << 63) : ~key;
    return std::bit_cast<double>(bits);
}

} // namespace

void radixSortInto(std::span<const std::span<const double>> pieces, std::vector<double> &out)
{
    std::size_t n = 0;
    for (const auto &piece : pieces)
        n += piece.size();
    out.clear();
    if (n < 512) {
        for (const auto &piece : pieces)
            out.insert(out.end(), piece.begin(), piece.end());
        std::sort(out.begin(), out.end());
        return;
    }
    // Each thread keeps its two key buffers for the next sort: fresh pages for every
    // column would cost more in page faults than the sort itself.
    thread_local std::vector<std::uint64_t> keyBuffer, scratchBuffer;
    if (keyBuffer.size() < n) {
        keyBuffer = std::vector<std::uint64_t>(n);
        scratchBuffer = std::vector<std::uint64_t>(n);
    }
    std::uint64_t *keys = keyBuffer.data();
    std::uint64_t *scratch = scratchBuffer.data();
    std::vector<std::array<std::uint32_t, kBuckets>> counts(kPasses);
    for (auto &c : counts)
        c.fill(0);
    std::size_t i = 0;
    for (const auto &piece : pieces) {
        for (double value : piece) {
            const std::uint64_t key = orderedKey(value);
            keys[i++] = key;
            for (int p = 0; p < kPasses; ++p)
                ++counts[p][(key >> (p * kDigitBits)) & (kBuckets - 1)];
        }
    }
    for (int p = 0; p < kPasses; ++p) {
        auto &count = counts[p];
        // A digit every key shares does not reorder anything: skip the pass.
        if (std::any_of(count.begin(), count.end(), [n](std::uint32_t c) { return c == n; }))
            continue;
        std::uint32_t offset = 0;
        for (auto &c : count) {
            const std::uint32_t here = c;
            c = offset;
            offset += here;
        }
        const int shift = p * kDigitBits;
        for (std::size_t k = 0; k < n; ++k) {
            const std::uint64_t key = keys[k];
            scratch[count[(key >> shift) & (kBuckets - 1)]++] = key;
        }
        std::swap(keys, scratch);
    }
    out.resize(n);
    for (std::size_t k = 0; k < n; ++k)
        out[k] = fromOrderedKey(keys[k]);
}

void radixSort(std::vector<double> &values)
{
    if (values.size() < 512) {
        std::sort(values.begin(), values.end());
        return;
    }
    const std::vector<double> unsorted = std::move(values);
    const std::span<const double> whole(unsorted);
    radixSortInto({&whole, 1}, values);
}

} // namespace assay::drift
