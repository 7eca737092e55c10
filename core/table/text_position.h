#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace assay::table {

// Where a byte offset lies in a chunk of text.
struct TextPosition {
    std::uint64_t lineOffset = 0; // newlines before the offset (0 = the chunk's first line)
    std::uint32_t column = 1;     // 1-based, counted in UTF-8 characters
};

// Position of `offset`, scanning only from `lineStart` (an offset where a line begins,
// preceded by `newlinesBefore` newlines) so that callers pay for one row, not the chunk.
TextPosition positionOf(std::string_view chunk, std::size_t lineStart,
                        std::uint64_t newlinesBefore, std::size_t offset);


// "FILE:LINE:COL: reason", the shape of every reader error.
inline std::string locatedMessage(std::string_view file, std::uint64_t line, std::uint32_t column,
                                  std::string_view reason)
{
    std::string message(file);
    message += ':';
    message += std::to_string(line);
    message += ':';
    message += std::to_string(column);
    message += ": ";
    message += reason;
    return message;
}

} // namespace assay::table
