#include "drift/incomplete_gamma.h"

#include <cfloat>
#include <cmath>
#include <limits>

namespace assay::drift {

namespace {

constexpr int kMaxIterations = 100'000;

// x^a e^-x / Gamma(a), in logs so that large a and x do not overflow.
double prefactor(double a, double x)
{
    return std::exp(a * std::log(x) - x - std::lgamma(a));
}

double lowerBySeries(double a, double x)
{
    double term = 1.0 / a;
    double sum = term;
    for (int n = 1; n < kMaxIterations; ++n) {
        term *= x / (a + n);
        sum += term;
        if (std::abs(term) < std::abs(sum) * DBL_EPSILON)
            break;
    }
    return sum * prefactor(a, x);
}

double upperByContinuedFraction(double a, double x)
{
    constexpr double tiny = 1e-300;
    double b = x + 1 - a;
    double c = 1 / tiny;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < kMaxIterations; ++i) {
        const double an = -i * (i - a);
        b += 2;
        d = an * d + b;
        if (std::abs(d) < tiny)
            d = tiny;
        c = b + an / c;
        if (std::abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        const double delta = d * c;
        h *= delta;
        if (std::abs(delta - 1) < DBL_EPSILON)
            break;
    }
    return h * prefactor(a, x);
}

} // namespace

double regularizedGammaQ(double a, double x)
{
    if (std::isnan(a) || std::isnan(x) || a <= 0 || x < 0)
        return std::numeric_limits<double>::quiet_NaN();
    if (std::isinf(x))
        return 0.0;
    if (x == 0)
        return 1.0;
    if (x < a + 1)
        return 1.0 - lowerBySeries(a, x);
    return upperByContinuedFraction(a, x);
}

double chiSquareSf(double x, double dof)
{
    if (!(dof > 0))
        return std::numeric_limits<double>::quiet_NaN();
    return regularizedGammaQ(dof / 2, x / 2);
}

} // namespace assay::drift
