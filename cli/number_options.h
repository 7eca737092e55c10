#pragma once

#include "arguments.h"
#include "common/result.h"

#include <cstdint>
#include <optional>
#include <string>

namespace assay::cli {

// The value of --NAME as a finite number; nothing when the option is absent, InvalidInput
// naming the option when it is not a number.
Result<std::optional<double>> numberOption(const Arguments &arguments, const std::string &name);
// The same for a non-negative integer (seeds, counts).
Result<std::optional<std::uint64_t>> unsignedOption(const Arguments &arguments,
                                                    const std::string &name);

} // namespace assay::cli
