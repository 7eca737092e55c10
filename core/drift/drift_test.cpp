#include "drift/drift_test.h"

#include <array>
#include <utility>

namespace assay::drift {

namespace {

constexpr std::array<std::pair<DriftTest, std::string_view>, 9> kNames = {{
    {DriftTest::Auto, "auto"},
    {DriftTest::None, "none"},
    {DriftTest::Ks, "ks"},
    {DriftTest::ChiSquare, "chi2"},
    {DriftTest::Z, "z"},
    {DriftTest::Wasserstein, "wasserstein"},
    {DriftTest::JensenShannon, "jensenshannon"},
    {DriftTest::Psi, "psi"},
    {DriftTest::Linf, "linf"},
}};

} // namespace

std::string_view testName(DriftTest test)
{
    for (const auto &[value, name] : kNames) {
        if (value == test)
            return name;
    }
    return "none";
}

std::optional<DriftTest> testFromName(std::string_view name)
{
    for (const auto &[value, text] : kNames) {
        if (text == name)
            return value;
    }
    return std::nullopt;
}

bool usesPValue(DriftTest test)
{
    return test == DriftTest::Ks || test == DriftTest::ChiSquare || test == DriftTest::Z;
}

double defaultThreshold(DriftTest test)
{
    return usesPValue(test) ? 0.05 : 0.1;
}

} // namespace assay::drift
