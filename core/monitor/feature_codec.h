#pragma once

#include "monitor/log_record.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace assay::monitor {

// The compact bytes a logged row's features are stored as (monitor_rows.features): for each
// present feature, a varint position (monitor_features.position), a kind byte and the value:
// 8 little-endian bytes for a number, a varint length and UTF-8 bytes for a text. Missing
// features are written as kind Missing without a value, or left out.
void encodeFeatures(const std::vector<std::pair<std::uint32_t, const LoggedValue *>> &values,
                    std::string &out);

// Calls visit(position, value) for each feature in the blob; false when the blob is corrupt.
template <typename Visit>
bool decodeFeatures(std::string_view blob, Visit &&visit);

namespace codec_detail {
bool readVarint(std::string_view blob, std::size_t &pos, std::uint64_t &value);
bool readNumber(std::string_view blob, std::size_t &pos, double &value);
} // namespace codec_detail

template <typename Visit>
bool decodeFeatures(std::string_view blob, Visit &&visit)
{
    std::size_t pos = 0;
    while (pos < blob.size()) {
        std::uint64_t position = 0;
        if (!codec_detail::readVarint(blob, pos, position) || pos >= blob.size())
            return false;
        const auto kind = static_cast<LoggedValue::Kind>(blob[pos++]);
        switch (kind) {
        case LoggedValue::Kind::Missing:
            visit(static_cast<std::uint32_t>(position), LoggedValue::Kind::Missing, 0.0,
                  std::string_view());
            break;
        case LoggedValue::Kind::Number: {
            double number = 0;
            if (!codec_detail::readNumber(blob, pos, number))
                return false;
            visit(static_cast<std::uint32_t>(position), kind, number, std::string_view());
            break;
        }
        case LoggedValue::Kind::Text: {
            std::uint64_t size = 0;
            if (!codec_detail::readVarint(blob, pos, size) || size > blob.size() - pos)
                return false;
            visit(static_cast<std::uint32_t>(position), kind, 0.0, blob.substr(pos, size));
            pos += size;
            break;
        }
        default:
            return false;
        }
    }
    return true;
}

} // namespace assay::monitor
