#include "read_options.h"

namespace assay::cli {

std::vector<OptionSpec> readOptionSpecs()
{
    return {
        {"format", true, "csv|tsv|jsonl", "file format (default: from the extension, else sniffed)"},
        {"delimiter", true, "CHAR", "field delimiter (default: sniffed among , tab ; |)"},
        {"header", true, "auto|yes|no", "whether the first row names the columns (default auto)"},
        {"lenient", false, "", "skip and count bad rows instead of failing"},
    };
}

Result<table::ReadOptions> readOptionsFrom(const Arguments &arguments)
{
    table::ReadOptions options;
    options.lenient = arguments.flag("lenient");
    if (auto format = arguments.value("format")) {
        if (*format == "csv")
            options.format = table::FileFormat::Csv;
        else if (*format == "tsv")
            options.format = table::FileFormat::Tsv;
        else if (*format == "jsonl")
            options.format = table::FileFormat::JsonLines;
        else
            return Error::invalidInput("--format: expected csv, tsv or jsonl, got '" + *format + "'");
    }
    if (auto delimiter = arguments.value("delimiter")) {
        const std::string d = *delimiter == "\\t" || *delimiter == "tab" ? "\t" : *delimiter;
        if (d.size() != 1)
            return Error::invalidInput("--delimiter: expected one character, got '" + *delimiter + "'");
        options.delimiter = d.front();
    }
    if (auto header = arguments.value("header")) {
        if (*header == "auto")
            options.header = table::HeaderMode::Auto;
        else if (*header == "yes")
            options.header = table::HeaderMode::Present;
        else if (*header == "no")
            options.header = table::HeaderMode::Absent;
        else
            return Error::invalidInput("--header: expected auto, yes or no, got '" + *header + "'");
    }
    return options;
}

std::string formatName(table::FileFormat format)
{
    switch (format) {
    case table::FileFormat::Tsv:
        return "tsv";
    case table::FileFormat::JsonLines:
        return "jsonl";
    default:
        return "csv";
    }
}

} // namespace assay::cli
