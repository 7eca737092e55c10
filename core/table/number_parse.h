#pragma once

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <system_error>

// Field-level scalar parsing shared by the CSV and JSON Lines readers. Inline because it
// runs once per field on the hot path.
namespace assay::table {

// Missing values: an empty field and exactly these spellings (a quoted empty string too).
inline bool isMissingToken(std::string_view text)
{
    switch (text.size()) {
    case 0:
        return true;
    case 2:
        return text == "NA";
    case 3:
        return text == "NaN";
    case 4:
        return text == "null" || text == "None";
    default:
        return false;
    }
}

// Surrounding spaces and a leading '+' are accepted around numbers.
inline std::string_view trimForNumber(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    if (text.size() > 1 && text.front() == '+' && text[1] != '-' && text[1] != '+')
        text.remove_prefix(1);
    return text;
}

enum class IntParse { Ok, Overflow, NotInt };

inline IntParse parseInt64(std::string_view text, std::int64_t &value)
{
    // Fast path: an optional '-' and up to 18 digits cannot overflow.
    if (!text.empty() && text.size() <= 19) {
        const char *p = text.data();
        const char *const end = p + text.size();
        const bool negative = *p == '-';
        if (negative)
            ++p;
        if (p < end && end - p <= 18) {
            std::int64_t result = 0;
            while (p < end && static_cast<unsigned>(*p - '0') < 10)
                result = result * 10 + (*p++ - '0');
            if (p == end) {
                value = negative ? -result : result;
                return IntParse::Ok;
            }
        }
    }
    text = trimForNumber(text);
    if (text.empty())
        return IntParse::NotInt;
    const char *end = text.data() + text.size();
    const auto [ptr, error] = std::from_chars(text.data(), end, value);
    if (ptr != end)
        return IntParse::NotInt;
    if (error == std::errc::result_out_of_range)
        return IntParse::Overflow;
    return error == std::errc() ? IntParse::Ok : IntParse::NotInt;
}

// Plain decimals such as -12.345 with at most 15 significant digits: the digits as an
// integer are exact in a double, and so is 10^k for k <= 22, so one IEEE division gives
// the correctly rounded value (Clinger's fast path). False when the text is not that form.
inline bool parseSimpleDecimal(std::string_view text, double &value)
{
    static constexpr double kPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                              1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                              1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    const char *p = text.data();
    const char *const end = p + text.size();
    const bool negative = p < end && *p == '-';
    if (negative)
        ++p;
    std::uint64_t digits = 0;
    int digitCount = 0;
    int fractionDigits = 0;
    const char *const start = p;
    while (p < end && static_cast<unsigned>(*p - '0') < 10) {
        digits = digits * 10 + static_cast<unsigned>(*p - '0');
        ++p;
    }
    digitCount = static_cast<int>(p - start);
    if (p < end && *p == '.') {
        ++p;
        const char *const fractionStart = p;
        while (p < end && static_cast<unsigned>(*p - '0') < 10) {
            digits = digits * 10 + static_cast<unsigned>(*p - '0');
            ++p;
        }
        fractionDigits = static_cast<int>(p - fractionStart);
        digitCount += fractionDigits;
    }
    if (p != end || digitCount == 0 || digitCount > 15)
        return false;
    const double magnitude = static_cast<double>(digits) / kPowersOfTen[fractionDigits];
    value = negative ? -magnitude : magnitude;
    return true;
}

// Decimal and exponent forms and inf/infinity; "nan" spellings are not numbers here
// (NaN itself is a missing token).
inline bool parseDouble(std::string_view text, double &value)
{
    if (parseSimpleDecimal(text, value))
        return true;
    text = trimForNumber(text);
    if (text.empty())
        return false;
    const char *end = text.data() + text.size();
    const auto [ptr, error] = std::from_chars(text.data(), end, value,
                                              std::chars_format::general);
    if (ptr != end)
        return false;
    if (error == std::errc::result_out_of_range) {
        // from_chars leaves the value unchanged on range errors; follow strtod instead.
        double sign = text.front() == '-' ? -1.0 : 1.0;
        const auto exponent = text.find_first_of("eE");
        const bool tiny = exponent != std::string_view::npos && text[exponent + 1] == '-';
        value = tiny ? sign * 0.0 : sign * HUGE_VAL;
        return true;
    }
    return error == std::errc() && !std::isnan(value);
}

inline bool parseBool(std::string_view text, bool &value)
{
    if (text == "true" || text == "True" || text == "TRUE") {
        value = true;
        return true;
    }
    if (text == "false" || text == "False" || text == "FALSE") {
        value = false;
        return true;
    }
    return false;
}

} // namespace assay::table
