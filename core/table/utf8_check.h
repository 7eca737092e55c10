#pragma once

#include <cstddef>

namespace assay::table {

// Offset of the first byte that is not part of valid UTF-8 (overlong forms, surrogates and
// code points above U+10FFFF are invalid), or `size` when all of it is valid.
std::size_t findInvalidUtf8(const char *data, std::size_t size);

} // namespace assay::table
