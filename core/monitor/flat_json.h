#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace assay::monitor {

enum class JsonType : std::uint8_t { Null, False, True, Number, String, Object, Array };

// One value of a parsed document. Nodes are stored in document order, so a container's first
// child is the next node and `end` skips its whole subtree.
struct JsonNode {
    JsonType type = JsonType::Null;
    std::uint32_t end = 0;    // index one past this node's subtree
    std::uint32_t count = 0;  // members of an object, elements of an array
    std::uint32_t offset = 0; // byte offset of the value in the parsed text (for errors)
    std::string_view key;     // the member's key when the parent is an object
    std::string_view text;    // a number's source text or a string's decoded value
};

// A strict JSON (RFC 8259) parser into a flat node array, reused line after line so that
// parsing allocates nothing once its buffers have grown. Strings without escapes are views of
// the parsed text, so that text must outlive the nodes.
class FlatJson {
public:
    // On failure returns false with errorOffset() (0-based in `text`) and errorReason().
    bool parse(std::string_view text);

    const std::vector<JsonNode> &nodes() const { return m_nodes; }
    const JsonNode &node(std::uint32_t index) const { return m_nodes[index]; }
    std::size_t errorOffset() const { return m_errorOffset; }
    const std::string &errorReason() const { return m_errorReason; }

    // The member of object `index` called `key`, or 0 (never a member: the root is node 0).
    std::uint32_t member(std::uint32_t index, std::string_view key) const;
    // Calls visit(childIndex) for each member or element of container `index`.
    template <typename Visit>
    void forEachChild(std::uint32_t index, Visit &&visit) const
    {
        const std::uint32_t end = m_nodes[index].end;
        for (std::uint32_t child = index + 1; child < end; child = m_nodes[child].end)
            visit(child);
    }
    // The i-th child of container `index` (i < count).
    std::uint32_t child(std::uint32_t index, std::uint32_t position) const;

private:
    bool fail(std::size_t offset, const char *reason);
    bool parseValue(int depth);
    bool parseString(std::string_view &out);
    bool parseNumber();
    bool parseLiteral(std::string_view word, JsonType type);
    void skipSpace()
    {
        while (m_pos < m_text.size() &&
               (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\r' || m_text[m_pos] == '\n'))
            ++m_pos;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    std::string_view m_pendingKey;
    std::vector<JsonNode> m_nodes;
    std::string m_arena; // decoded strings; reserved to the text's size so views stay valid
    std::size_t m_errorOffset = 0;
    std::string m_errorReason;
};

} // namespace assay::monitor
