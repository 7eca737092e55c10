#include "table/csv_writer.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace assay::table {

namespace {

void appendField(std::string &out, std::string_view field)
{
    const bool quote = field.find_first_of(",\"\r\n") != std::string_view::npos
                       || (!field.empty() && (field.front() == ' ' || field.back() == ' '));
    if (!quote) {
        out += field;
        return;
    }
    out += '"';
    for (const char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

void appendValue(std::string &out, const Column &column, std::size_t row)
{
    if (column.isMissing(row))
        return;
    if (column.type() == ColumnType::String) {
        appendField(out, column.text(row));
        return;
    }
    std::string text = column.format(row);
    if (column.type() == ColumnType::Float && std::isfinite(column.floats()[row])
        && text.find_first_of(".eE") == std::string::npos)
        text += ".0";
    out += text;
}

void appendRow(std::string &out, const Table &table, std::size_t row)
{
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        if (c > 0)
            out += ',';
        appendValue(out, table.column(c), row);
    }
    out += '\n';
}

void appendHeader(std::string &out, const Table &table)
{
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        if (c > 0)
            out += ',';
        appendField(out, table.column(c).name());
    }
    out += '\n';
}

} // namespace

std::string toCsv(const Table &table)
{
    std::string out;
    appendHeader(out, table);
    for (std::size_t row = 0; row < table.rowCount(); ++row)
        appendRow(out, table, row);
    return out;
}

Status writeCsv(const Table &table, const std::filesystem::path &path)
{
    const std::filesystem::path temporary =
        path.string() + ".tmp-" + std::to_string(static_cast<long>(::getpid()));
    std::FILE *file = std::fopen(temporary.c_str(), "wb");
    if (!file)
        return Error::io(temporary.string() + ": " + std::strerror(errno));

    constexpr std::size_t kFlushBytes = std::size_t{1} << 20;
    std::string buffer;
    buffer.reserve(kFlushBytes + 4096);
    bool ok = true;
    const auto flush = [&] {
        if (!buffer.empty() && std::fwrite(buffer.data(), 1, buffer.size(), file) != buffer.size())
            ok = false;
        buffer.clear();
    };
    appendHeader(buffer, table);
    for (std::size_t row = 0; row < table.rowCount() && ok; ++row) {
        appendRow(buffer, table, row);
        if (buffer.size() >= kFlushBytes)
            flush();
    }
    flush();
    const int savedErrno = errno;
    if (std::fflush(file) != 0 || ::fsync(::fileno(file)) != 0)
        ok = false;
    if (std::fclose(file) != 0)
        ok = false;
    if (!ok) {
        std::remove(temporary.c_str());
        return Error::io(path.string() + ": " + std::strerror(savedErrno ? savedErrno : errno));
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) {
        std::remove(temporary.c_str());
        return Error::io(path.string() + ": " + error.message());
    }
    return {};
}

} // namespace assay::table
