#pragma once

#include "common/random.h"
#include "common/result.h"
#include "govern/privacy_noise.h"

#include <QJsonObject>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay::table {
class Table;
}

namespace assay::govern {

// Differentially private statistics of one dataset column.
//
// Neighbouring datasets differ by adding or removing one row (unbounded DP). Under that
// relation the sensitivities are:
//   count      how many rows (no column) or non-missing values (a column): Δ1 = Δ2 = 1.
//   histogram  counts of a numeric column's non-missing values in `bins` equal bins over
//              [lower, upper] (each bin [a, b) and the last [a, upper]; values outside the range
//              are not counted): one row changes one bin by one, so Δ1 = Δ2 = 1 for the whole
//              vector of counts. (Under replace-one neighbours it would be Δ1 = 2, Δ2 = √2.)
//   mean       values clamped to [lower, upper], missing ones left out. Two noisy parts, each
//              spending half of ε (and of δ): the sum of (x − m) with m = (lower + upper) / 2,
//              Δ1 = Δ2 = (upper − lower) / 2, and the count, Δ1 = Δ2 = 1. The release is
//              m + noisy sum / max(noisy count, 1), clamped to [lower, upper]; by sequential
//              composition the two parts cost ε and δ in total.
// Released values are raw noisy numbers (counts may be fractional or negative); rounding them
// is free post-processing the caller may do.
enum class PrivateStatistic { Count, Histogram, Mean };

std::string_view statisticName(PrivateStatistic statistic); // "count", "histogram", "mean"
Result<PrivateStatistic> parseStatistic(std::string_view text);

struct PrivateStatRequest {
    PrivateStatistic statistic = PrivateStatistic::Count;
    std::string column;          // count: optional (then rows are counted); others: required
    int bins = 10;               // histogram
    std::optional<double> lower; // histogram and mean: required
    std::optional<double> upper;
    double epsilon = 0;
    double delta = 0;
    NoiseMechanism mechanism = NoiseMechanism::Laplace;
    std::optional<std::uint64_t> seed; // none: noise from the operating system's entropy
};

// One noisy quantity and what it cost.
struct NoisyPart {
    std::string name; // "count", "counts", "sum"
    double epsilon = 0;
    double delta = 0;
    double l1Sensitivity = 0;
    double l2Sensitivity = 0;
    double noiseScale = 0; // Laplace b or Gaussian σ
};

struct PrivateStatResult {
    PrivateStatistic statistic = PrivateStatistic::Count;
    std::string column;
    NoiseMechanism mechanism = NoiseMechanism::Laplace;
    double epsilon = 0;
    double delta = 0;
    std::vector<NoisyPart> parts;
    std::vector<double> values;   // count: {count}; histogram: one count per bin; mean: {mean}
    std::vector<double> binEdges; // histogram: bins + 1 edges from lower to upper
    double lower = 0;             // histogram and mean: the range used
    double upper = 0;
    double noisyCount = std::numeric_limits<double>::quiet_NaN(); // mean: what it divided by
    bool seeded = false;

    // The sensitivity the ledger records: the first part's L1 (Laplace) or L2 (Gaussian).
    double recordedSensitivity() const;
};

// InvalidInput naming what is wrong: ε, δ and the mechanism (checkPrivacyParameters), a
// missing column, bins outside 1..10000, a missing or non-finite bound, lower ≥ upper.
Status checkPrivateStatRequest(const PrivateStatRequest &request);

// The noisy statistic of `data`, noise drawn from `random`. Also InvalidInput for a column
// `data` lacks (named with `dataName`) or a non-numeric column for histogram and mean.
Result<PrivateStatResult> computePrivateStatistic(const table::Table &data,
                                                  const PrivateStatRequest &request, Random &random,
                                                  std::string_view dataName);

// {"statistic", "column", "mechanism", "epsilon", "delta", "values", "bin_edges"?, "lower"?,
//  "upper"?, "noisy_count"?, "parts": [{"name", "epsilon", "delta", "l1_sensitivity",
//  "l2_sensitivity", "noise_scale"}], "seeded"}. The seed itself is never stored: with it,
// anyone could subtract the noise.
QJsonObject privateStatResultToJson(const PrivateStatResult &result);

} // namespace assay::govern
