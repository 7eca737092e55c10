#pragma once

#include <optional>
#include <string_view>

namespace assay::drift {

enum class DriftTest {
    Auto,          // chosen per column (see test_selection.h)
    None,          // the column was not tested (no values on a side, or the test does not apply)
    Ks,            // two-sample Kolmogorov-Smirnov, p-value
    ChiSquare,     // chi-square goodness of fit of current counts to reference shares, p-value
    Z,             // two-proportion z-test, p-value
    Wasserstein,   // normed Wasserstein distance
    JensenShannon, // Jensen-Shannon distance, bits
    Psi,           // population stability index
    Linf,          // L-infinity distance of category shares
};

// "auto", "none", "ks", "chi2", "z", "wasserstein", "jensenshannon", "psi", "linf".
std::string_view testName(DriftTest test);
std::optional<DriftTest> testFromName(std::string_view name);

// Tests whose verdict is p < threshold; the others drift when statistic >= threshold.
bool usesPValue(DriftTest test);
// 0.05 for the p-value tests, 0.1 for the distances.
double defaultThreshold(DriftTest test);

} // namespace assay::drift
