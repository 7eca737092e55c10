#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace assay::cli {

// Appends JSON text straight into a string, for documents too big to build as QJsonObject
// trees quickly (`assay runs list --json` over 10,000 runs). Output is indented like
// QJsonDocument::Indented; the caller nests begin/end calls correctly.
class JsonWriter {
public:
    explicit JsonWriter(std::size_t expectedBytes = 0) { m_text.reserve(expectedBytes); }

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(std::string_view name);
    void string(std::string_view text);
    void integer(std::int64_t value);
    // NaN and ±inf as the strings "NaN", "Infinity", "-Infinity"; others in the shortest
    // form that reads back as the same double.
    void number(double value);
    void null();

    const std::string &text() const & { return m_text; }
    std::string text() && { return std::move(m_text) + "\n"; }

private:
    void beforeValue();
    void newline();
    void appendQuoted(std::string_view text);

    std::string m_text;
    int m_depth = 0;
    bool m_first = true;     // no value yet at this depth
    bool m_afterKey = false; // the next value follows "key": on the same line
};

} // namespace assay::cli
