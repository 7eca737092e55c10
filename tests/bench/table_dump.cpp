// table_dump FILE [--threads N] [--block BYTES] [--header auto|present|absent] [--lenient]
// Reads FILE with assay::table::readTable and prints it as one JSON document:
// {"rows":N,"delimiter":",","header":true,"badRows":0,
//  "columns":[{"name":..,"type":..,"missing":K,"values":[...]}]}
// Missing values are null; datetimes are int64 nanoseconds since the epoch (UTC).
// Used by tests/oracles/test_table_reader_pandas.py. Exit code 2 with the message on stderr
// when the read fails.
#include "table/reader.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

namespace {

using assay::table::Column;
using assay::table::ColumnType;

void putJsonString(std::string &out, std::string_view text)
{
    out += '"';
    for (const char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escape[8];
                std::snprintf(escape, sizeof escape, "\\u%04x", c);
                out += escape;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void putValue(std::string &out, const Column &column, std::size_t row)
{
    if (column.isMissing(row)) {
        out += "null";
        return;
    }
    char buffer[40];
    switch (column.type()) {
    case ColumnType::Bool:
        out += column.bools()[row] ? "true" : "false";
        return;
    case ColumnType::Int:
    case ColumnType::Datetime:
        out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, column.ints()[row]).ptr);
        return;
    case ColumnType::Float: {
        const double value = column.floats()[row];
        if (std::isinf(value)) {
            out += value > 0 ? "\"inf\"" : "\"-inf\"";
            return;
        }
        out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
        return;
    }
    case ColumnType::String:
        putJsonString(out, column.text(row));
        return;
    }
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: table_dump FILE [--threads N] [--block BYTES] "
                             "[--header auto|present|absent] [--lenient]\n");
        return 2;
    }
    assay::table::ReadOptions options;
    for (int i = 2; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--threads" && hasValue)
            options.threads = static_cast<unsigned>(std::stoul(argv[++i]));
        else if (arg == "--block" && hasValue)
            options.blockBytes = std::stoul(argv[++i]);
        else if (arg == "--lenient")
            options.lenient = true;
        else if (arg == "--header" && hasValue) {
            const std::string_view mode = argv[++i];
            options.header = mode == "present"  ? assay::table::HeaderMode::Present
                             : mode == "absent" ? assay::table::HeaderMode::Absent
                                                : assay::table::HeaderMode::Auto;
        } else {
            std::fprintf(stderr, "table_dump: unknown argument %s\n", argv[i]);
            return 2;
        }
    }

    const auto outcome = assay::table::readTable(argv[1], options);
    if (!outcome) {
        std::fprintf(stderr, "%s\n", outcome.error().message.c_str());
        return 2;
    }
    const auto &table = outcome->table;
    std::string out;
    out += "{\"rows\":" + std::to_string(table.rowCount());
    out += ",\"delimiter\":";
    putJsonString(out, std::string(1, outcome->report.delimiter));
    out += ",\"header\":";
    out += outcome->report.headerDetected ? "true" : "false";
    out += ",\"badRows\":" + std::to_string(outcome->report.badRowCount);
    out += ",\"columns\":[";
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        const Column &column = table.column(c);
        if (c > 0)
            out += ',';
        out += "\n{\"name\":";
        putJsonString(out, column.name());
        out += ",\"type\":";
        putJsonString(out, assay::table::typeName(column.type()));
        out += ",\"missing\":" + std::to_string(column.missingCount());
        out += ",\"values\":[";
        for (std::size_t row = 0; row < column.size(); ++row) {
            if (row > 0)
                out += ',';
            putValue(out, column, row);
        }
        out += "]}";
    }
    out += "]}\n";
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
