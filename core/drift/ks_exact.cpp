#include "drift/ks_exact.h"

#include <algorithm>
#include <numeric>
#include <vector>

namespace assay::drift {

namespace {

// 2 * sum_{k>=1} (-1)^(k-1) C(2n, n-kh) / C(2n, n), written as
// 2 * A0 (1 - A1 (1 - A2 (...))) with A_k = C(2n, n-(k+1)h) / C(2n, n-kh), so that no
// binomial coefficient is ever formed and nothing cancels.
double equalSizes(std::uint64_t n, std::uint64_t h)
{
    double nested = 0.0;
    for (std::int64_t k = std::int64_t(n / h); k >= 0; --k) {
        double ratio = 1.0;
        const double kh = double(k) * double(h);
        for (std::uint64_t j = 0; j < h; ++j)
            ratio *= (double(n) - kh - double(j)) / (double(n) + kh + double(j) + 1);
        nested = ratio * (1.0 - nested);
    }
    return 2 * nested;
}

// A(x, y) = share of the paths to (x, y) that stayed strictly inside |x n - y m| < h g;
// A(x, y) = (x A(x-1, y) + y A(x, y-1)) / (x + y) keeps every value in [0, 1].
double unequalSizes(std::uint64_t m, std::uint64_t n, std::uint64_t h)
{
    if (m < n)
        std::swap(m, n);
    const std::uint64_t g = std::gcd(m, n);
    const auto bound = std::int64_t(h * g); // inside: |x*n - y*m| < bound
    const auto M = std::int64_t(m), N = std::int64_t(n);
    std::vector<double> previous(n + 1, 0.0), current(n + 1, 0.0);
    const auto inside = [&](std::int64_t x, std::int64_t y) {
        const std::int64_t diff = x * N - y * M;
        return diff < bound && -diff < bound;
    };
    // Column x = 0: only the moves up the y axis.
    for (std::int64_t y = 0; y <= N; ++y) {
        if (!inside(0, y))
            break;
        previous[std::size_t(y)] = 1.0;
    }
    for (std::int64_t x = 1; x <= M; ++x) {
        // y in (x n - bound) / m .. (x n + bound) / m, exclusive.
        const std::int64_t low = std::max<std::int64_t>(0, (x * N - bound) / M);
        const std::int64_t high = std::min<std::int64_t>(N, (x * N + bound) / M + 1);
        std::fill(current.begin(), current.end(), 0.0);
        for (std::int64_t y = low; y <= high; ++y) {
            if (!inside(x, y))
                continue;
            const double fromLeft = previous[std::size_t(y)];
            const double fromBelow = y > 0 ? current[std::size_t(y - 1)] : 0.0;
            current[std::size_t(y)] =
                (double(x) * fromLeft + double(y) * fromBelow) / double(x + y);
        }
        previous.swap(current);
    }
    return 1.0 - previous[std::size_t(N)];
}

} // namespace

double ksTwoSampleExactSf(std::uint64_t m, std::uint64_t n, std::uint64_t h)
{
    if (h == 0)
        return 1.0;
    const double p = m == n ? equalSizes(n, h) : unequalSizes(m, n, h);
    return std::clamp(p, 0.0, 1.0);
}

} // namespace assay::drift
