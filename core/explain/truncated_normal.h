#pragma once

#include "common/random.h"

namespace assay::explain {

// The standard normal's quantile function Φ⁻¹(p) for p in (0, 1), to about 1e-15 relative.
double normalQuantile(double p);

// A draw from Normal(mean, sd) restricted to [low, high], by inverting the CDF on a uniform
// draw (one uniform per call, so a sequence is the same on every platform). Returns low when
// the interval is empty, and a uniform draw when its probability mass underflows.
double truncatedNormal(Random &random, double mean, double sd, double low, double high);

} // namespace assay::explain
