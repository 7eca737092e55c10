#include "model/quantized_gradients.h"

#include "model/worker_pool.h"

#include <algorithm>
#include <cmath>

namespace assay::model {

namespace {

constexpr std::size_t kRowsPerTask = 16384;

double largestMagnitude(std::span<const double> values, WorkerPool &pool)
{
    const std::size_t tasks = (values.size() + kRowsPerTask - 1) / kRowsPerTask;
    std::vector<double> largest(tasks, 0.0);
    pool.run(tasks, [&](std::size_t task, unsigned) {
        const std::size_t end = std::min(values.size(), (task + 1) * kRowsPerTask);
        double top = 0;
        for (std::size_t i = task * kRowsPerTask; i < end; ++i)
            top = std::max(top, std::abs(values[i]));
        largest[task] = top;
    });
    return largest.empty() ? 0.0 : *std::max_element(largest.begin(), largest.end());
}

// The exponent e of the unit 2^e: the largest magnitude times the row count stays below 2^62.
int unitExponent(double largest, std::size_t rows)
{
    if (!(largest > 0) || !std::isfinite(largest))
        return 0;
    const double bound = largest * static_cast<double>(std::max<std::size_t>(rows, 1));
    return std::ilogb(bound) + 1 - 62;
}

// Half away from zero, like llround, but inline (llround is a libm call).
std::int64_t roundToInteger(double value)
{
    return static_cast<std::int64_t>(value + std::copysign(0.5, value));
}

} // namespace

void quantizeGradients(std::span<const double> grad, std::span<const double> hess,
                       QuantizedGradients &out, WorkerPool &pool)
{
    const std::size_t rows = grad.size();
    const int gradExponent = unitExponent(largestMagnitude(grad, pool), rows);
    const int hessExponent = unitExponent(largestMagnitude(hess, pool), rows);
    out.gradUnit = std::ldexp(1.0, gradExponent);
    out.hessUnit = std::ldexp(1.0, hessExponent);
    // Powers of two: multiplying by their inverses is exact.
    const double gradScale = std::ldexp(1.0, -gradExponent);
    const double hessScale = std::ldexp(1.0, -hessExponent);
    out.rows.resize(rows);
    const std::size_t tasks = (rows + kRowsPerTask - 1) / kRowsPerTask;
    pool.run(tasks, [&](std::size_t task, unsigned) {
        const std::size_t end = std::min(rows, (task + 1) * kRowsPerTask);
        for (std::size_t i = task * kRowsPerTask; i < end; ++i)
            out.rows[i] = {roundToInteger(grad[i] * gradScale),
                           roundToInteger(hess[i] * hessScale)};
    });
}

} // namespace assay::model
