#include "arguments.h"

#include <algorithm>

namespace assay::cli {

std::optional<std::string> Arguments::value(const std::string &name) const
{
    const auto it = m_values.find(name);
    if (it == m_values.end())
        return std::nullopt;
    return it->second;
}

std::vector<std::string> Arguments::values(const std::string &name) const
{
    std::vector<std::string> all;
    for (const auto &[option, value] : m_allValues)
        if (option == name)
            all.push_back(value);
    return all;
}

Result<Arguments> Arguments::parse(const std::vector<std::string> &args,
                                   const std::vector<OptionSpec> &specs)
{
    Arguments parsed;
    bool onlyPositional = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (onlyPositional || arg.size() < 2 || !arg.starts_with("--")) {
            parsed.m_positional.push_back(arg);
            continue;
        }
        if (arg == "--") {
            onlyPositional = true;
            continue;
        }
        std::string name = arg.substr(2);
        std::optional<std::string> inlineValue;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name.resize(eq);
        }
        const auto spec = std::find_if(specs.begin(), specs.end(),
                                       [&](const OptionSpec &s) { return s.name == name; });
        if (spec == specs.end())
            return Error::invalidInput("unknown option --" + name);
        if (!spec->takesValue) {
            if (inlineValue)
                return Error::invalidInput("option --" + name + " takes no value");
            parsed.m_flags[name] = true;
            continue;
        }
        if (inlineValue) {
            parsed.m_values[name] = *inlineValue;
        } else if (i + 1 < args.size()) {
            parsed.m_values[name] = args[++i];
        } else {
            return Error::invalidInput("option --" + name + " needs a value (" +
                                       spec->valueName + ")");
        }
        parsed.m_allValues.emplace_back(name, parsed.m_values[name]);
    }
    return parsed;
}

} // namespace assay::cli
