#include "explain/truncated_normal.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace assay::explain {

namespace {

double normalCdf(double z)
{
    return 0.5 * std::erfc(-z / std::numbers::sqrt2);
}

// Acklam's rational approximation (relative error 1.15e-9), refined below.
double acklamQuantile(double p)
{
    static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                                   -2.759285104469687e+02, 1.383577518672690e+02,
                                   -3.066479806614716e+01, 2.506628277459239e+00};
    static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                                   -1.556989798598866e+02, 6.680131188771972e+01,
                                   -1.328068155288572e+01};
    static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                                   -2.400758277161838e+00, -2.549732539343734e+00,
                                   4.374664141464968e+00,  2.938163982698783e+00};
    static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                                   2.445134137142996e+00, 3.754408661907416e+00};
    constexpr double lowTail = 0.02425;
    if (p < lowTail) {
        const double q = std::sqrt(-2 * std::log(p));
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - lowTail) {
        const double q = std::sqrt(-2 * std::log1p(-p));
        return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    const double q = p - 0.5;
    const double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
           (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

} // namespace

double normalQuantile(double p)
{
    double z = acklamQuantile(p);
    // One Halley step on Φ(z) − p brings the error to machine precision.
    const double error = normalCdf(z) - p;
    const double step = error * std::sqrt(2 * std::numbers::pi) * std::exp(z * z / 2);
    z -= step / (1 + z * step / 2);
    return z;
}

double truncatedNormal(Random &random, double mean, double sd, double low, double high)
{
    const double u = random.uniform();
    if (!(low < high) || !(sd > 0))
        return std::clamp(mean, low, high);
    double a = (low - mean) / sd;
    double b = (high - mean) / sd;
    // Both bounds in the upper tail: work in the mirrored lower tail, where Φ keeps precision.
    const bool mirrored = a > 0;
    if (mirrored) {
        const double lowerBound = -b;
        b = -a;
        a = lowerBound;
    }
    const double pa = normalCdf(a);
    const double pb = normalCdf(b);
    if (!(pb > pa))
        return low + (high - low) * u;
    const double p = std::clamp(pa + (pb - pa) * u, pa, pb);
    double z = p > 0 && p < 1 ? std::clamp(normalQuantile(p), a, b) : a;
    if (mirrored)
        z = -z;
    return std::clamp(mean + sd * z, low, high);
}

} // namespace assay::explain
