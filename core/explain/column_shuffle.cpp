#include "explain/column_shuffle.h"

#include "common/random.h"
#include "explain/seed_mix.h"

#include <numeric>
#include <utility>

namespace assay::explain {

std::vector<std::size_t> shuffledRowOrder(std::size_t rows, std::uint64_t seed, std::size_t feature,
                                          std::size_t repeat)
{
    std::vector<std::size_t> order(rows);
    std::iota(order.begin(), order.end(), std::size_t{0});
    Random random(deriveSeed(seed, feature, repeat));
    for (std::size_t i = rows; i > 1; --i) {
        const auto j = static_cast<std::size_t>(random.uniform() * static_cast<double>(i));
        std::swap(order[i - 1], order[j < i ? j : i - 1]);
    }
    return order;
}

} // namespace assay::explain
