#include "explain/feature_csv.h"

#include <charconv>
#include <cmath>

namespace assay::explain {

namespace {

void appendField(std::string &out, const std::string &text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        out += text;
        return;
    }
    out += '"';
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

void appendValue(std::string &out, const model::FeatureSpec &feature, double value)
{
    if (model::isMissing(value))
        return;
    if (feature.kind == model::FeatureKind::Categorical) {
        if (value >= 0 && value < double(feature.categories.size()) && value == std::floor(value))
            appendField(out, feature.categories[std::size_t(value)]);
        return;
    }
    char buffer[32];
    const auto written = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, written.ptr);
}

} // namespace

std::string featureRowsCsv(const model::FeatureMatrix &x, std::size_t begin, std::size_t end)
{
    std::string csv;
    csv.reserve((end - begin + 1) * x.columns() * 12);
    for (std::size_t c = 0; c < x.columns(); ++c) {
        if (c > 0)
            csv += ',';
        appendField(csv, x.features[c].name);
    }
    csv += '\n';
    for (std::size_t r = begin; r < end; ++r) {
        for (std::size_t c = 0; c < x.columns(); ++c) {
            if (c > 0)
                csv += ',';
            appendValue(csv, x.features[c], x.at(r, c));
        }
        csv += '\n';
    }
    return csv;
}

} // namespace assay::explain
