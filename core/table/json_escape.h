#pragma once

#include <cstdint>
#include <string>

namespace assay::table {

// What JSON string readers share: the value of one hex digit of a \uXXXX escape (-1 when it is
// not one), and a code point appended as UTF-8.
int hexDigitValue(char c);
void appendUtf8(std::string &out, std::uint32_t codePoint);

} // namespace assay::table
