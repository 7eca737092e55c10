#pragma once

#include <cstdint>
#include <string>

namespace assay::cli {

// Bytes in decimal units as the workbench shows them: "512 B", "3.1 MB".
std::string humanSize(std::uint64_t bytes);

} // namespace assay::cli
