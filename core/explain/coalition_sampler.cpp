#include "explain/coalition_sampler.h"

#include <cmath>
#include <numeric>
#include <string>
#include <unordered_map>

namespace assay::explain {

namespace {

double binomial(std::size_t n, std::size_t k)
{
    double result = 1;
    for (std::size_t i = 1; i <= k; ++i)
        result = result * double(n - k + i) / double(i);
    return std::round(result);
}

class CoalitionBuilder {
public:
    explicit CoalitionBuilder(std::size_t players) { m_set.players = players; }

    void add(const std::vector<std::uint8_t> &mask, double weight)
    {
        m_set.masks.insert(m_set.masks.end(), mask.begin(), mask.end());
        m_set.weights.push_back(weight);
    }
    // A sampled coalition: a new one with weight 1, a repeat adds 1 to its weight. True if new.
    bool addSampled(const std::vector<std::uint8_t> &mask)
    {
        const std::string key(mask.begin(), mask.end());
        const auto [found, inserted] = m_sampled.try_emplace(key, m_set.count());
        if (inserted)
            add(mask, 1.0);
        else
            m_set.weights[found->second] += 1.0;
        return inserted;
    }
    std::size_t count() const { return m_set.count(); }
    CoalitionSet &set() { return m_set; }

private:
    CoalitionSet m_set;
    std::unordered_map<std::string, std::size_t> m_sampled;
};

std::vector<std::uint8_t> complementOf(std::vector<std::uint8_t> mask)
{
    for (auto &bit : mask)
        bit = bit ? 0 : 1;
    return mask;
}

// Every coalition of `size` players (and each one's complement when `paired`), each weighted
// `weight`.
void enumerateSize(CoalitionBuilder &builder, std::size_t players, std::size_t size, bool paired,
                   double weight)
{
    std::vector<std::size_t> chosen(size);
    std::iota(chosen.begin(), chosen.end(), 0);
    for (;;) {
        std::vector<std::uint8_t> mask(players, 0);
        for (std::size_t player : chosen)
            mask[player] = 1;
        builder.add(mask, weight);
        if (paired)
            builder.add(complementOf(mask), weight);
        // The next combination in lexicographic order.
        std::size_t i = size;
        while (i > 0 && chosen[i - 1] == players - size + i - 1)
            --i;
        if (i == 0)
            return;
        ++chosen[i - 1];
        for (std::size_t j = i; j < size; ++j)
            chosen[j] = chosen[j - 1] + 1;
    }
}

std::vector<std::uint8_t> randomMask(std::size_t players, std::size_t size, Random &random)
{
    std::vector<std::size_t> order(players);
    std::iota(order.begin(), order.end(), 0);
    std::vector<std::uint8_t> mask(players, 0);
    for (std::size_t i = 0; i < size; ++i) {
        const auto j = std::size_t(random.integer(int(i), int(players - 1)));
        std::swap(order[i], order[j]);
        mask[order[i]] = 1;
    }
    return mask;
}

} // namespace

CoalitionSet sampleCoalitions(std::size_t players, std::size_t budget, Random &random)
{
    CoalitionBuilder builder(players);
    if (players < 2)
        return std::move(builder.set());
    if (players <= 30)
        budget = std::min<std::size_t>(budget, (std::size_t(1) << players) - 2);

    // Size s stands for s and players − s: their kernel weight (players − 1) / (s (players − s))
    // per size, doubled when the two differ.
    const std::size_t sizes = players / 2;             // ceil((players − 1) / 2)
    const std::size_t pairedSizes = (players - 1) / 2; // sizes whose complement differs
    std::vector<double> sizeWeights(sizes);
    for (std::size_t s = 1; s <= sizes; ++s)
        sizeWeights[s - 1] =
            double(players - 1) / double(s * (players - s)) * (s <= pairedSizes ? 2.0 : 1.0);
    const double totalWeight = std::accumulate(sizeWeights.begin(), sizeWeights.end(), 0.0);
    for (double &w : sizeWeights)
        w /= totalWeight;

    std::vector<double> remaining = sizeWeights;
    std::size_t fullSizes = 0;
    double samplesLeft = double(budget);
    for (std::size_t s = 1; s <= sizes; ++s) {
        const bool paired = s <= pairedSizes;
        const double subsets = binomial(players, s) * (paired ? 2.0 : 1.0);
        if (samplesLeft * remaining[s - 1] / subsets < 1.0 - 1e-8)
            break;
        ++fullSizes;
        samplesLeft -= subsets;
        if (remaining[s - 1] < 1.0) {
            const double share = remaining[s - 1];
            for (double &w : remaining)
                w /= 1.0 - share;
        }
        const double weight = sizeWeights[s - 1] / subsets;
        enumerateSize(builder, players, s, paired, weight);
    }

    const std::size_t enumerated = builder.count();
    if (fullSizes == sizes || budget <= enumerated)
        return std::move(builder.set());

    // Sample the other sizes in proportion to their kernel weight. A paired size's weight
    // covers s and players − s, and each of its draws adds the complement too, so it is drawn
    // at half its weight.
    std::vector<double> sampledSizeWeights(sizeWeights.begin() + std::ptrdiff_t(fullSizes),
                                           sizeWeights.end());
    const double weightLeft =
        std::accumulate(sampledSizeWeights.begin(), sampledSizeWeights.end(), 0.0);
    for (std::size_t s = fullSizes + 1; s <= pairedSizes; ++s)
        sampledSizeWeights[s - fullSizes - 1] /= 2.0;
    std::size_t toSample = budget - enumerated;
    for (std::size_t draws = 4 * toSample; toSample > 0 && draws > 0; --draws) {
        const std::size_t size = fullSizes + 1 + random.pick(sampledSizeWeights);
        const auto mask = randomMask(players, size, random);
        if (builder.addSampled(mask))
            --toSample;
        if (toSample > 0 && size <= pairedSizes && builder.addSampled(complementOf(mask)))
            --toSample;
    }

    // The sampled coalitions share the kernel weight the enumerated sizes left.
    CoalitionSet &set = builder.set();
    double sampledTotal = 0;
    for (std::size_t i = enumerated; i < set.count(); ++i)
        sampledTotal += set.weights[i];
    for (std::size_t i = enumerated; i < set.count(); ++i)
        set.weights[i] *= weightLeft / sampledTotal;
    return std::move(set);
}

} // namespace assay::explain
