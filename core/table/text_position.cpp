#include "table/text_position.h"

#include <algorithm>

namespace assay::table {

TextPosition positionOf(std::string_view chunk, std::size_t lineStart,
                        std::uint64_t newlinesBefore, std::size_t offset)
{
    offset = std::min(offset, chunk.size());
    lineStart = std::min(lineStart, offset);
    TextPosition position;
    position.lineOffset = newlinesBefore;
    std::uint32_t characters = 0;
    for (std::size_t i = lineStart; i < offset; ++i) {
        const auto byte = static_cast<unsigned char>(chunk[i]);
        if (byte == '\n') {
            ++position.lineOffset;
            characters = 0;
        } else if ((byte & 0xC0) != 0x80) {
            ++characters;
        }
    }
    position.column = characters + 1;
    return position;
}

} // namespace assay::table
