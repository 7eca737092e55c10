#include "govern/privacy_noise.h"

#include <cmath>
#include <cstdio>
#include <optional>
#include <random>
#include <string>

namespace assay::govern {

namespace {

std::string number(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

} // namespace

std::string_view mechanismName(NoiseMechanism mechanism)
{
    return mechanism == NoiseMechanism::Laplace ? "laplace" : "gaussian";
}

Result<NoiseMechanism> parseMechanism(std::string_view text)
{
    if (text == "laplace")
        return NoiseMechanism::Laplace;
    if (text == "gaussian")
        return NoiseMechanism::Gaussian;
    return Error::invalidInput("mechanism '" + std::string(text) +
                               "': expected laplace or gaussian");
}

Status checkPrivacyParameters(NoiseMechanism mechanism, double epsilon, double delta)
{
    if (!std::isfinite(epsilon) || epsilon <= 0)
        return Error::invalidInput("epsilon " + number(epsilon) +
                                   ": expected a number greater than 0");
    if (mechanism == NoiseMechanism::Laplace) {
        if (delta != 0)
            return Error::invalidInput(
                "delta " + number(delta) +
                ": the Laplace mechanism spends no delta; leave it out or use "
                "--mechanism gaussian");
        return {};
    }
    if (!(delta > 0 && delta < 1))
        return Error::invalidInput(
            "delta " + number(delta) +
            ": the Gaussian mechanism needs a delta between 0 and 1 (e.g. 1e-6)");
    if (epsilon >= 1)
        return Error::invalidInput(
            "epsilon " + number(epsilon) +
            ": the Gaussian mechanism's calibration σ = Δ2·√(2 ln(1.25/δ))/ε holds "
            "only for epsilon < 1; use a smaller epsilon or the Laplace mechanism");
    return {};
}

Result<double> noiseScale(NoiseMechanism mechanism, double l1Sensitivity, double l2Sensitivity,
                          double epsilon, double delta)
{
    ASSAY_TRY(checkPrivacyParameters(mechanism, epsilon, delta));
    if (mechanism == NoiseMechanism::Laplace)
        return l1Sensitivity / epsilon;
    return l2Sensitivity * std::sqrt(2.0 * std::log(1.25 / delta)) / epsilon;
}

double sampleLaplace(Random &random, double scale)
{
    // A Laplace draw is an exponential one with a random sign; 1 - uniform() lies in (0, 1],
    // so the logarithm stays finite.
    const double magnitude = -std::log(1.0 - random.uniform());
    return random.chance(0.5) ? scale * magnitude : -scale * magnitude;
}

double sampleGaussian(Random &random, double sigma)
{
    return random.normal(0.0, sigma);
}

double sampleNoise(NoiseMechanism mechanism, Random &random, double scale)
{
    return mechanism == NoiseMechanism::Laplace ? sampleLaplace(random, scale)
                                                : sampleGaussian(random, scale);
}

Random noiseSource(const std::optional<std::uint64_t> &seed)
{
    if (seed)
        return Random(*seed);
    std::random_device device;
    const std::uint64_t high = device();
    const std::uint64_t low = device();
    return Random((high << 32) ^ low);
}

} // namespace assay::govern
