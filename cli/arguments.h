#pragma once

#include "common/result.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace assay::cli {

// Declares the options one command accepts: flags (`--lenient`) and valued options
// (`--format csv` or `--format=csv`). Everything else is positional.
struct OptionSpec {
    std::string name;     // without dashes
    bool takesValue = false;
    std::string valueName; // for help, e.g. "DIR"
    std::string help;
};

class Arguments {
public:
    // Parses `args` against `specs`; unknown options and missing values are usage errors
    // naming the option.
    static Result<Arguments> parse(const std::vector<std::string> &args,
                                   const std::vector<OptionSpec> &specs);

    bool flag(const std::string &name) const { return m_flags.count(name) != 0; }
    std::optional<std::string> value(const std::string &name) const;
    // Every value of an option given more than once (`--param a=1 --param b=2`), in order.
    std::vector<std::string> values(const std::string &name) const;
    const std::vector<std::string> &positional() const { return m_positional; }

private:
    std::map<std::string, std::string> m_values;
    std::vector<std::pair<std::string, std::string>> m_allValues;
    std::map<std::string, bool> m_flags;
    std::vector<std::string> m_positional;
};

} // namespace assay::cli
