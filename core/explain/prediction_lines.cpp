#include "explain/prediction_lines.h"

#include <charconv>
#include <cmath>
#include <string>
#include <vector>

namespace assay::explain {

namespace {

std::string_view trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

std::vector<std::string_view> splitLines(std::string_view output)
{
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < output.size()) {
        const auto end = output.find('\n', start);
        if (end == std::string_view::npos) {
            lines.push_back(output.substr(start));
            break;
        }
        lines.push_back(output.substr(start, end - start));
        start = end + 1;
    }
    while (!lines.empty() && trimmed(lines.back()).empty())
        lines.pop_back();
    return lines;
}

std::string quoted(std::string_view text)
{
    constexpr std::size_t kShown = 60;
    return "'" + std::string(text.substr(0, kShown)) + (text.size() > kShown ? "…'" : "'");
}

} // namespace

Result<Predictions> parsePredictionLines(std::string_view output, std::size_t expectedRows,
                                         std::size_t firstRow)
{
    const std::vector<std::string_view> lines = splitLines(output);
    if (lines.size() != expectedRows)
        return Error::invalidInput(
            lines.empty() ? "printed nothing for " + std::to_string(expectedRows) + " rows"
                          : "printed " + std::to_string(lines.size()) + " lines for " +
                                std::to_string(expectedRows) + " rows");
    Predictions predictions{.rows = expectedRows, .outputs = 0, .values = {}};
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string where =
            "output line " + std::to_string(i + 1) + " (row " + std::to_string(firstRow + i) + ")";
        if (trimmed(lines[i]).empty())
            return Error::invalidInput(where + " is empty");
        std::size_t count = 0;
        std::size_t start = 0;
        for (;;) {
            const auto comma = lines[i].find(',', start);
            const std::string_view field = trimmed(lines[i].substr(
                start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
            // from_chars takes no leading '+', which printf("%+g") writes.
            const std::string_view number = field.starts_with('+') ? field.substr(1) : field;
            double value = 0;
            const auto parsed =
                std::from_chars(number.data(), number.data() + number.size(), value);
            if (number.empty() || parsed.ec != std::errc() ||
                parsed.ptr != number.data() + number.size())
                return Error::invalidInput(where + ": " + quoted(field) + " is not a number");
            if (!std::isfinite(value))
                return Error::invalidInput(where + ": " + quoted(field) +
                                           " is not a finite number");
            predictions.values.push_back(value);
            ++count;
            if (comma == std::string_view::npos)
                break;
            start = comma + 1;
        }
        if (i == 0)
            predictions.outputs = count;
        else if (count != predictions.outputs)
            return Error::invalidInput(where + " has " + std::to_string(count) +
                                       " values, line 1 has " +
                                       std::to_string(predictions.outputs));
    }
    return predictions;
}

} // namespace assay::explain
