#include "number_options.h"

#include <charconv>
#include <cmath>

namespace assay::cli {

Result<std::optional<double>> numberOption(const Arguments &arguments, const std::string &name)
{
    const auto text = arguments.value(name);
    if (!text)
        return std::optional<double>();
    double value = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (text->empty() || error != std::errc() || end != text->data() + text->size() ||
        !std::isfinite(value))
        return Error::invalidInput("--" + name + " " + *text + ": expected a number");
    return std::optional<double>(value);
}

Result<std::optional<std::uint64_t>> unsignedOption(const Arguments &arguments,
                                                    const std::string &name)
{
    const auto text = arguments.value(name);
    if (!text)
        return std::optional<std::uint64_t>();
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (text->empty() || error != std::errc() || end != text->data() + text->size())
        return Error::invalidInput("--" + name + " " + *text + ": expected a whole number ≥ 0");
    return std::optional<std::uint64_t>(value);
}

} // namespace assay::cli
