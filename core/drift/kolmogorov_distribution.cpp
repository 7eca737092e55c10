#include "drift/kolmogorov_distribution.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <numbers>
#include <vector>

namespace assay::drift {

namespace {

using std::numbers::pi;

double clip01(double p)
{
    return std::clamp(p, 0.0, 1.0);
}

// n! / n^n, in logs beyond where the product would lose too much.
double factorialOverPower(std::uint64_t n, double base)
{
    // (n!/n^n) * base^n, as Ruben-Gambino's lower tail needs it.
    if (n <= 140) {
        double p = 1.0;
        for (std::uint64_t i = 1; i <= n; ++i)
            p *= double(i) / double(n) * base;
        return p;
    }
    const double dn = double(n);
    return std::exp(std::lgamma(dn + 1) - dn * std::log(dn) + dn * std::log(base));
}

// A square matrix with a separate power-of-two exponent, so H^n neither overflows nor
// underflows.
struct ScaledMatrix {
    std::size_t size = 0;
    std::vector<double> cells;
    long exponent = 0;

    double &at(std::size_t r, std::size_t c) { return cells[r * size + c]; }
    double at(std::size_t r, std::size_t c) const { return cells[r * size + c]; }
};

ScaledMatrix multiply(const ScaledMatrix &a, const ScaledMatrix &b)
{
    ScaledMatrix out{a.size, std::vector<double>(a.size * a.size, 0.0), a.exponent + b.exponent};
    for (std::size_t r = 0; r < a.size; ++r) {
        for (std::size_t k = 0; k < a.size; ++k) {
            const double left = a.at(r, k);
            if (left == 0.0)
                continue;
            for (std::size_t c = 0; c < a.size; ++c)
                out.at(r, c) += left * b.at(k, c);
        }
    }
    const double largest = *std::max_element(out.cells.begin(), out.cells.end());
    if (largest > 0x1p128 || (largest > 0 && largest < 0x1p-128)) {
        int shift = 0;
        std::frexp(largest, &shift);
        for (double &cell : out.cells)
            cell = std::ldexp(cell, -shift);
        out.exponent += shift;
    }
    return out;
}

// Terms of the Birnbaum-Tingey sum, C(n,j) (1-d-j/n)^(n-j) (d+j/n)^(j-1), for j from 0
// while 1-d-j/n > 0, summed in logs; the sum stops once the rest cannot matter.
double smirnovLowerSum(std::uint64_t n, double d)
{
    const double dn = double(n);
    const double nd = dn * d;
    const double logN = std::log(dn);
    double logBinomial = 0.0;
    double sum = 0.0;
    double previous = 0.0;
    for (std::uint64_t j = 0; j < n; ++j) {
        const double dj = double(j);
        const double rest = (dn - dj) - nd; // n * (1 - d - j/n)
        if (rest <= 0)
            break;
        const double logTerm = logBinomial + (dn - dj) * (std::log(rest) - logN) +
                               (dj - 1) * (std::log(nd + dj) - logN);
        const double term = std::exp(logTerm);
        sum += term;
        const double remaining = dn - nd - dj;
        if (j > 0 && term < previous && term * 4 * remaining < DBL_EPSILON * sum)
            break;
        previous = term;
        logBinomial += std::log(dn - dj) - std::log(dj + 1);
    }
    return sum;
}

} // namespace

double smirnovSf(std::uint64_t n, double d)
{
    if (!(d > 0))
        return 1.0;
    if (d >= 1)
        return 0.0;
    if (n == 1)
        return 1 - d;
    const double dn = double(n);
    const double nd = dn * d;
    if (nd <= 1) // d <= 1/n: P(D+ < d) = d (1+d)^(n-1)
        return clip01(1 - d * std::pow(1 + d, dn - 1));
    if (-2 * dn * d * d < std::log(DBL_MIN))
        return 0.0;
    if (std::floor(nd) >= dn - 1)
        return clip01(std::pow(1 - d, dn));
    if (n > 1'000'000) {
        const double logP = -std::pow(6 * nd + 1, 2) / 18 / dn;
        return clip01(std::exp(logP));
    }
    return clip01(d * smirnovLowerSum(n, d));
}

double kolmogorovCdfDurbin(std::uint64_t n, double d)
{
    if (d >= 1)
        return 1.0;
    const double nd = double(n) * d;
    if (nd <= 0.5)
        return 0.0;
    const auto k = std::size_t(std::ceil(nd));
    const double h = double(k) - nd;
    const std::size_t m = 2 * k - 1;

    // H[r][c] = 1/(r-c+1)! on and below the superdiagonal, with the first column and last
    // row corrected by the h-terms (Durbin 1968).
    ScaledMatrix H{m, std::vector<double>(m * m, 0.0), 0};
    std::vector<double> inverseFactorial(m + 1, 1.0);
    for (std::size_t i = 1; i <= m; ++i)
        inverseFactorial[i] = inverseFactorial[i - 1] / double(i);
    for (std::size_t r = 0; r < m; ++r) {
        for (std::size_t c = 0; c < m; ++c) {
            if (r + 1 >= c)
                H.at(r, c) = inverseFactorial[r + 1 - c];
        }
    }
    for (std::size_t i = 0; i < m; ++i) {
        const double edge = (1 - std::pow(h, double(i + 1))) * inverseFactorial[i + 1];
        H.at(i, 0) = edge;
        H.at(m - 1, m - 1 - i) = edge;
    }
    H.at(m - 1, 0) = (1 - 2 * std::pow(h, double(m)) + std::pow(std::max(0.0, 2 * h - 1), double(m))) *
                     inverseFactorial[m];

    ScaledMatrix power{m, std::vector<double>(m * m, 0.0), 0};
    for (std::size_t i = 0; i < m; ++i)
        power.at(i, i) = 1.0;
    for (std::uint64_t e = n; e > 0; e >>= 1) {
        if (e & 1)
            power = multiply(power, H);
        if (e > 1)
            H = multiply(H, H);
    }
    // Multiply by n!/n^n one factor at a time, keeping the scale in the exponent.
    double p = power.at(k - 1, k - 1);
    long exponent = power.exponent;
    for (std::uint64_t i = 1; i <= n; ++i) {
        p = p * double(i) / double(n);
        if (p != 0 && p < 0x1p-128) {
            p = std::ldexp(p, 128);
            exponent -= 128;
        }
    }
    return clip01(std::ldexp(p, int(std::clamp<long>(exponent, -4000, 4000))));
}

double kolmogorovCdfPelzGood(std::uint64_t n, double d)
{
    if (d <= 0)
        return 0.0;
    if (d >= 1)
        return 1.0;
    const double z = std::sqrt(double(n)) * d;
    const double z2 = z * z, z4 = z2 * z2, z6 = z4 * z2, z8 = z4 * z4;
    if (-pi * pi / 8 / z2 < -708)
        return 0.0;
    const double pi2 = pi * pi, pi4 = pi2 * pi2, pi6 = pi4 * pi2;

    // Sums over odd m = 2k-1 of polynomial(m) * exp(-pi^2 m^2 / (8 z^2)).
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    // And over all k of polynomial(k) * exp(-pi^2 k^2 / (2 z^2)).
    double t2 = 0, t3 = 0;
    const auto terms = std::uint64_t(std::ceil(16 * z / pi));
    for (std::uint64_t k = terms; k >= 1; --k) {
        const double m = double(2 * k - 1);
        const double m2 = m * m, m4 = m2 * m2, m6 = m4 * m2;
        const double w = std::exp(-pi2 * m2 / (8 * z2));
        s0 += w;
        s1 += (-z2 + pi2 * m2 / 4) * w;
        s2 += (6 * z6 + 2 * z4 + (2 * z4 - 5 * z2) * pi2 * m2 / 4 + pi4 * (1 - 2 * z2) * m4 / 16) * w;
        s3 += (-30 * z6 - 90 * z8 + pi2 * (135 * z4 - 96 * z6) * m2 / 4 +
               pi4 * (-60 * z2 + 212 * z4) * m4 / 16 + pi6 * (5 - 30 * z2) * m6 / 64) *
              w;
        const double kk = double(k) * double(k);
        const double v = std::exp(-pi2 * kk / (2 * z2));
        t2 += kk * v;
        t3 += (3 * z2 - pi2 * kk) * kk * v;
    }
    const double root2pi = std::sqrt(2 * pi);
    const double k0 = root2pi * s0 / z;
    const double k1 = root2pi * s1 / (6 * z4);
    const double k2 = root2pi * s2 / (72 * z6 * z) - pi2 * root2pi * t2 / (36 * z2 * z);
    const double k3 = root2pi * s3 / (6480 * z8 * z2) + pi2 * root2pi * t3 / (216 * z6);
    const double dn = double(n);
    return k0 + k1 / std::sqrt(dn) + k2 / dn + k3 / (dn * std::sqrt(dn));
}

double kolmogorovSf(std::uint64_t n, double d)
{
    if (n == 0 || std::isnan(d))
        return std::nan("");
    if (d >= 1)
        return 0.0;
    if (d <= 0)
        return 1.0;
    const double dn = double(n);
    const double t = dn * d;
    if (t <= 1) { // Ruben-Gambino: P(D_n <= d) = n!/n^n (2nd - 1)^n for 1/2n <= d <= 1/n
        if (t <= 0.5)
            return 1.0;
        return clip01(1 - factorialOverPower(n, 2 * t - 1));
    }
    if (t >= dn - 1)
        return clip01(2 * std::pow(1 - d, dn));
    if (d >= 0.5) // the two one-sided tails cannot both be exceeded
        return clip01(2 * smirnovSf(n, d));
    const double nd2 = t * d;
    if (n <= 140) {
        if (nd2 <= 4)
            return clip01(1 - kolmogorovCdfDurbin(n, d));
        return clip01(2 * smirnovSf(n, d));
    }
    if (nd2 >= 370)
        return 0.0;
    if (nd2 >= 2.2)
        return clip01(2 * smirnovSf(n, d));
    if (n <= 100'000 && dn * std::pow(d, 1.5) <= 1.4)
        return clip01(1 - kolmogorovCdfDurbin(n, d));
    return clip01(1 - kolmogorovCdfPelzGood(n, d));
}

} // namespace assay::drift
