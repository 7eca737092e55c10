#include "json_writer.h"

#include <charconv>
#include <cmath>

namespace assay::cli {

void JsonWriter::newline()
{
    m_text += '\n';
    m_text.append(static_cast<std::size_t>(m_depth) * 4, ' ');
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_depth > 0) {
        if (!m_first)
            m_text += ',';
        newline();
    }
    m_first = false;
}

void JsonWriter::beginObject()
{
    beforeValue();
    m_text += '{';
    ++m_depth;
    m_first = true;
}

void JsonWriter::endObject()
{
    --m_depth;
    if (!m_first)
        newline();
    m_text += '}';
    m_first = false;
}

void JsonWriter::beginArray()
{
    beforeValue();
    m_text += '[';
    ++m_depth;
    m_first = true;
}

void JsonWriter::endArray()
{
    --m_depth;
    if (!m_first)
        newline();
    m_text += ']';
    m_first = false;
}

void JsonWriter::key(std::string_view name)
{
    beforeValue();
    appendQuoted(name);
    m_text += ": ";
    m_afterKey = true;
}

void JsonWriter::string(std::string_view text)
{
    beforeValue();
    appendQuoted(text);
}

void JsonWriter::appendQuoted(std::string_view text)
{
    m_text += '"';
    for (const char c : text) {
        switch (c) {
        case '"':
            m_text += "\\\"";
            break;
        case '\\':
            m_text += "\\\\";
            break;
        case '\n':
            m_text += "\\n";
            break;
        case '\r':
            m_text += "\\r";
            break;
        case '\t':
            m_text += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static const char hex[] = "0123456789abcdef";
                m_text += "\\u00";
                m_text += hex[(c >> 4) & 0xF];
                m_text += hex[c & 0xF];
            } else {
                m_text += c;
            }
        }
    }
    m_text += '"';
}

void JsonWriter::integer(std::int64_t value)
{
    beforeValue();
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    m_text.append(buffer, result.ptr);
}

void JsonWriter::number(double value)
{
    if (std::isnan(value))
        return string("NaN");
    if (std::isinf(value))
        return string(value > 0 ? "Infinity" : "-Infinity");
    beforeValue();
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    m_text.append(buffer, result.ptr);
}

void JsonWriter::null()
{
    beforeValue();
    m_text += "null";
}

} // namespace assay::cli
