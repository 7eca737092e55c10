#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace assay::table {

enum class JsonKind : std::uint8_t { Null, True, False, Number, String, Nested };

// Text that lives either in the scanned line or in the scanner's arena (decoded strings,
// compacted nested values); resolve with JsonLineScanner::view().
struct JsonText {
    std::uint32_t offset = 0;
    std::uint32_t size = 0;
    bool inArena = false;
};

struct JsonMember {
    std::uint32_t keyOffset = 0; // where the key's opening quote is in the line
    JsonText key;
    JsonKind kind = JsonKind::Null;
    JsonText value; // number: its source text; string: decoded; nested: compact JSON
};

// Scans one JSON Lines row: a single object whose members become cells. Strict JSON
// (RFC 8259); nested objects and arrays are validated and kept as compact text.
class JsonLineScanner {
public:
    // On failure returns false; errorOffset() is a byte offset in `line`.
    bool scanObject(std::string_view line, std::vector<JsonMember> &members);

    std::string_view view(const JsonText &text) const
    {
        return text.inArena ? std::string_view(m_arena).substr(text.offset, text.size)
                            : m_line.substr(text.offset, text.size);
    }
    std::size_t errorOffset() const { return m_errorOffset; }
    const std::string &errorReason() const { return m_errorReason; }

private:
    bool fail(std::size_t offset, std::string reason);
    void skipSpace();
    bool scanString(JsonText &out);
    bool scanNumber(JsonText &out);
    bool scanLiteral(std::string_view word);
    bool scanNested(int depth);

    std::string_view m_line;
    std::size_t m_pos = 0;
    std::string m_arena;
    std::size_t m_errorOffset = 0;
    std::string m_errorReason;
};

} // namespace assay::table
