#include "monitor/feature_codec.h"

#include <bit>
#include <cstring>

namespace assay::monitor {

namespace {

void writeVarint(std::uint64_t value, std::string &out)
{
    while (value >= 0x80) {
        out.push_back(static_cast<char>((value & 0x7f) | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<char>(value));
}

} // namespace

void encodeFeatures(const std::vector<std::pair<std::uint32_t, const LoggedValue *>> &values,
                    std::string &out)
{
    static_assert(std::endian::native == std::endian::little, "the codec writes native doubles");
    for (const auto &[position, value] : values) {
        writeVarint(position, out);
        out.push_back(static_cast<char>(value->kind));
        if (value->kind == LoggedValue::Kind::Number) {
            char bytes[sizeof(double)];
            std::memcpy(bytes, &value->number, sizeof bytes);
            out.append(bytes, sizeof bytes);
        } else if (value->kind == LoggedValue::Kind::Text) {
            writeVarint(value->text.size(), out);
            out += value->text;
        }
    }
}

namespace codec_detail {

bool readVarint(std::string_view blob, std::size_t &pos, std::uint64_t &value)
{
    value = 0;
    for (int shift = 0; shift < 64 && pos < blob.size(); shift += 7) {
        const auto byte = static_cast<unsigned char>(blob[pos++]);
        value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
        if ((byte & 0x80) == 0)
            return true;
    }
    return false;
}

bool readNumber(std::string_view blob, std::size_t &pos, double &value)
{
    if (blob.size() - pos < sizeof(double))
        return false;
    std::memcpy(&value, blob.data() + pos, sizeof(double));
    pos += sizeof(double);
    return true;
}

} // namespace codec_detail

} // namespace assay::monitor
