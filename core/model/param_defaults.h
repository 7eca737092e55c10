#pragma once

#include "model/trainer.h"

#include <string>
#include <vector>

namespace assay::model {

// The value of numeric parameter `name`: as given in `values`, else the default in `specs`
// (so a trainer called with empty ParamValues, as tests do, uses its documented defaults).
inline double numberOrDefault(const ParamValues &values, const std::vector<ParamSpec> &specs,
                              const std::string &name)
{
    if (const auto found = values.numbers.find(name); found != values.numbers.end())
        return found->second;
    for (const auto &spec : specs)
        if (spec.name == name)
            return spec.defaultValue;
    return 0;
}

} // namespace assay::model
