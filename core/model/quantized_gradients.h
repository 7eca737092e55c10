#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace assay::model {

class WorkerPool;

// A gradient and hessian (or a sum of them) in fixed point. Integer sums do not depend on
// the order of addition, so histograms summed by any number of threads are bit-identical and
// a sibling's histogram (parent minus child) is exact.
struct GradientSum {
    std::int64_t grad = 0;
    std::int64_t hess = 0;

    GradientSum &operator+=(const GradientSum &other)
    {
        grad += other.grad;
        hess += other.hess;
        return *this;
    }
    GradientSum &operator-=(const GradientSum &other)
    {
        grad -= other.grad;
        hess -= other.hess;
        return *this;
    }
    friend GradientSum operator+(GradientSum a, const GradientSum &b) { return a += b; }
    friend GradientSum operator-(GradientSum a, const GradientSum &b) { return a -= b; }
};

// One tree's gradients in fixed point; a unit is a power of two chosen so that the sum over
// all rows cannot overflow (2^62), which leaves about 40 bits below the largest gradient.
struct QuantizedGradients {
    std::vector<GradientSum> rows;
    double gradUnit = 1;
    double hessUnit = 1;

    double grad(const GradientSum &sum) const { return static_cast<double>(sum.grad) * gradUnit; }
    double hess(const GradientSum &sum) const { return static_cast<double>(sum.hess) * hessUnit; }
};

// Quantizes one output's gradients and hessians (equal lengths) into `out`.
void quantizeGradients(std::span<const double> grad, std::span<const double> hess,
                       QuantizedGradients &out, WorkerPool &pool);

} // namespace assay::model
