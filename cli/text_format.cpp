#include "text_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace assay::cli {

std::string humanSize(std::uint64_t bytes)
{
    const char *units[] = {"B", "kB", "MB", "GB", "TB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (value >= 1000 && unit < 4) {
        value /= 1000;
        ++unit;
    }
    char text[32];
    std::snprintf(text, sizeof text, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    return text;
}

std::string compactNumber(double value)
{
    char buffer[32];
    const double magnitude = std::abs(value);
    if (magnitude >= 1e4 && magnitude < 1e9)
        std::snprintf(buffer, sizeof buffer, "%.0f", value);
    else
        std::snprintf(buffer, sizeof buffer, "%.4g", value);
    return buffer;
}

std::string padded(std::string text, std::size_t width)
{
    const auto characters = std::size_t(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
    if (characters < width)
        text.append(width - characters, ' ');
    return text;
}

std::string shortened(std::string text, std::size_t width)
{
    if (text.size() <= width)
        return text;
    std::size_t cut = width - 1;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut; // never split a UTF-8 sequence
    return text.substr(0, cut) + "…";
}

} // namespace assay::cli
