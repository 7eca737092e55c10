#pragma once

#include "common/random.h"
#include "common/result.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace assay::govern {

// The additive noise a private release uses.
//   Laplace:  noise ~ Laplace(0, b) with b = Δ1 / ε; pure ε-differential privacy (δ = 0).
//   Gaussian: noise ~ N(0, σ²) with σ = Δ2 · √(2 ln(1.25 / δ)) / ε; (ε, δ)-differential
//             privacy, proven for 0 < ε < 1 only (Dwork & Roth 2014, Theorem A.1).
// Δ1 and Δ2 are the L1 and L2 sensitivities of the released vector.
enum class NoiseMechanism { Laplace, Gaussian };

std::string_view mechanismName(NoiseMechanism mechanism); // "laplace", "gaussian"
Result<NoiseMechanism> parseMechanism(std::string_view text);

// InvalidInput naming the bad value: ε must be finite and > 0; Laplace takes δ = 0;
// Gaussian needs 0 < δ < 1 and ε < 1.
Status checkPrivacyParameters(NoiseMechanism mechanism, double epsilon, double delta);

// Laplace's b or Gaussian's σ for the given sensitivities (checks the parameters first).
Result<double> noiseScale(NoiseMechanism mechanism, double l1Sensitivity, double l2Sensitivity,
                          double epsilon, double delta);

// One draw of zero-mean noise with the scale noiseScale returned.
double sampleNoise(NoiseMechanism mechanism, Random &random, double scale);
double sampleLaplace(Random &random, double scale);
double sampleGaussian(Random &random, double sigma);

// A generator seeded with `seed`, or from the operating system's entropy when there is none.
Random noiseSource(const std::optional<std::uint64_t> &seed);

} // namespace assay::govern
