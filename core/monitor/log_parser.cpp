#include "monitor/log_parser.h"

#include "monitor/log_extract.h"

namespace assay::monitor {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int base64Value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+' || c == '-')
        return 62;
    if (c == '/' || c == '_')
        return 63;
    return -1;
}

// Standard or URL-safe alphabet, padding optional; false on any other character.
bool decodeBase64(std::string_view text, std::string &out)
{
    out.clear();
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const char c : text) {
        if (c == '=')
            break;
        const int value = base64Value(c);
        if (value < 0)
            return false;
        buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xFF);
        }
    }
    return true;
}

std::string_view jsonTypeName(JsonType type)
{
    switch (type) {
    case JsonType::Array:
        return "an array";
    case JsonType::String:
        return "a string";
    case JsonType::Number:
        return "a number";
    case JsonType::Null:
        return "null";
    default:
        return "true/false";
    }
}

} // namespace

LogLineParser::LogLineParser(Options options) : m_options(std::move(options)) {}

bool LogLineParser::parse(std::string_view line, std::vector<LogRecord> &out, LineError &error)
{
    std::size_t start = 0;
    while (start < line.size() && isSpace(line[start]))
        ++start;
    std::size_t end = line.size();
    while (end > start && isSpace(line[end - 1]))
        --end;
    if (start == end)
        return true;
    const std::string_view text = line.substr(start, end - start);
    const std::size_t before = out.size();

    bool ok = false;
    if (text.front() == '{') {
        ok = parseRecord(text, start, std::nullopt, out, error);
    } else {
        // Fluentd's out_file: TIME<TAB>TAG<TAB>RECORD.
        const std::size_t firstTab = text.find('\t');
        const std::size_t secondTab =
            firstTab == std::string_view::npos ? firstTab : text.find('\t', firstTab + 1);
        if (secondTab == std::string_view::npos) {
            error = {.column = start + 1,
                     .reason = text.front() == '['
                                   ? "expected a JSON object per line, found an array"
                                   : firstTab != std::string_view::npos
                                         ? "bad Fluentd line: expected TIME<TAB>TAG<TAB>{json}"
                                         : "expected a JSON object"};
            return false;
        }
        const std::string_view time = text.substr(0, firstTab);
        const auto timestamp = parseLogTimestamp(time);
        if (!timestamp) {
            error = {.column = start + 1,
                     .reason = "bad Fluentd line: time '" + std::string(time) + "' is not a timestamp"};
            return false;
        }
        std::size_t json = secondTab + 1;
        while (json < text.size() && isSpace(text[json]))
            ++json;
        if (json >= text.size() || text[json] != '{') {
            error = {.column = start + json + 1, .reason = "bad Fluentd line: the record is not a JSON object"};
            return false;
        }
        ok = parseRecord(text.substr(json), start + json, timestamp, out, error);
    }
    if (!ok)
        out.resize(before);
    return ok;
}

bool LogLineParser::parseRecord(std::string_view json, std::size_t base,
                                std::optional<std::int64_t> envelopeTime, std::vector<LogRecord> &out,
                                LineError &error)
{
    if (!m_json.parse(json)) {
        error = {.column = base + m_json.errorOffset() + 1, .reason = m_json.errorReason()};
        return false;
    }
    if (m_json.node(0).type != JsonType::Object) {
        error = {.column = base + 1,
                 .reason = "expected a JSON object, found " + std::string(jsonTypeName(m_json.node(0).type))};
        return false;
    }
    const std::uint32_t specversion = m_json.member(0, "specversion");
    if (!specversion) {
        RecordExtractor extractor(m_json, m_options, {.base = base, .fixedColumn = 0}, out);
        extractor.fallbackTimestamp = envelopeTime;
        return extractor.extract(0, error);
    }

    // A CloudEvent: the record is its data; its time and id stand in for the record's own.
    std::string_view eventId;
    if (const std::uint32_t id = m_json.member(0, "id"); id && m_json.node(id).type == JsonType::String)
        eventId = m_json.node(id).text;
    if (const std::uint32_t time = m_json.member(0, "time"); time && m_json.node(time).type != JsonType::Null) {
        const auto parsed = parseLogTimestamp(m_json.node(time).text);
        if (!parsed) {
            error = {.column = base + m_json.node(time).offset + 1,
                     .reason = "CloudEvent time '" + std::string(m_json.node(time).text) + "' is not a timestamp"};
            return false;
        }
        envelopeTime = parsed;
    }
    const std::uint32_t data = m_json.member(0, "data");
    if (data && m_json.node(data).type == JsonType::Object) {
        RecordExtractor extractor(m_json, m_options, {.base = base, .fixedColumn = 0}, out);
        extractor.fallbackTimestamp = envelopeTime;
        extractor.fallbackId = eventId;
        return extractor.extract(data, error);
    }
    // data as a JSON string, or data_base64: decode, then read the payload as its own document.
    const std::uint32_t encoded = m_json.member(0, "data_base64");
    const std::uint32_t payloadNode = data && m_json.node(data).type == JsonType::String ? data : encoded;
    if (!payloadNode || m_json.node(payloadNode).type != JsonType::String) {
        error = {.column = base + 1, .reason = "CloudEvent without a JSON object in \"data\" or \"data_base64\""};
        return false;
    }
    const std::size_t column = base + m_json.node(payloadNode).offset + 1;
    if (payloadNode == encoded) {
        if (!decodeBase64(m_json.node(encoded).text, m_decoded)) {
            error = {.column = column, .reason = "CloudEvent data_base64 is not base64"};
            return false;
        }
    } else {
        m_decoded.assign(m_json.node(data).text);
    }
    if (!m_payload.parse(m_decoded)) {
        error = {.column = column, .reason = "CloudEvent data is not JSON: " + m_payload.errorReason()};
        return false;
    }
    if (m_payload.node(0).type != JsonType::Object) {
        error = {.column = column, .reason = "CloudEvent data is not a JSON object"};
        return false;
    }
    RecordExtractor extractor(m_payload, m_options, {.base = base, .fixedColumn = column}, out);
    extractor.fallbackTimestamp = envelopeTime;
    extractor.fallbackId = eventId;
    return extractor.extract(0, error);
}

} // namespace assay::monitor
