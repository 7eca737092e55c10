#include "model/trainer.h"

#include <charconv>
#include <cmath>

namespace assay::model {

namespace {

std::string formatNumber(double value)
{
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    return {buffer, end};
}

std::string knownNames(const std::vector<ParamSpec> &specs)
{
    std::string names;
    for (const auto &spec : specs)
        names += (names.empty() ? "" : ", ") + spec.name;
    return names.empty() ? "none" : names;
}

Result<double> parseNumber(const ParamSpec &spec, const std::string &text)
{
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return Error::invalidInput("parameter '" + spec.name + "': '" + text + "' is not a number");
    if (spec.type == ParamSpec::Type::Int && value != std::floor(value))
        return Error::invalidInput("parameter '" + spec.name + "': '" + text +
                                   "' is not a whole number");
    if (value < spec.minimum || value > spec.maximum)
        return Error::invalidInput("parameter '" + spec.name + "': " + text + " is outside [" +
                                   formatNumber(spec.minimum) + ", " + formatNumber(spec.maximum) + "]");
    return value;
}

} // namespace

QJsonObject ParamValues::toJson() const
{
    QJsonObject object;
    for (const auto &[name, value] : numbers)
        object.insert(QString::fromStdString(name), value);
    for (const auto &[name, value] : choices)
        object.insert(QString::fromStdString(name), QString::fromStdString(value));
    return object;
}

Result<ParamValues> resolveParams(const std::vector<ParamSpec> &specs,
                                  const std::map<std::string, std::string> &given)
{
    for (const auto &[name, text] : given) {
        const bool known = std::any_of(specs.begin(), specs.end(),
                                       [&](const ParamSpec &spec) { return spec.name == name; });
        if (!known)
            return Error::invalidInput("unknown parameter '" + name + "' (known: " +
                                       knownNames(specs) + ")");
    }
    ParamValues values;
    for (const auto &spec : specs) {
        const auto found = given.find(spec.name);
        if (spec.type == ParamSpec::Type::Choice) {
            const std::string value = found == given.end() ? spec.choices.front() : found->second;
            if (std::find(spec.choices.begin(), spec.choices.end(), value) == spec.choices.end()) {
                std::string choices;
                for (const auto &choice : spec.choices)
                    choices += (choices.empty() ? "" : ", ") + choice;
                return Error::invalidInput("parameter '" + spec.name + "': '" + value +
                                           "' is not one of " + choices);
            }
            values.choices[spec.name] = value;
            continue;
        }
        if (found == given.end()) {
            values.numbers[spec.name] = spec.defaultValue;
            continue;
        }
        auto number = parseNumber(spec, found->second);
        if (!number)
            return number.error();
        values.numbers[spec.name] = *number;
    }
    return values;
}

} // namespace assay::model
