#include "command_registry.h"
#include "output.h"
#include "profile_json.h"
#include "read_options.h"
#include "stats/profile.h"
#include "stats/value_format.h"
#include "table/datetime_parse.h"
#include "text_format.h"
#include "version/dataset_ref.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace assay::cli {

namespace {

using table::ColumnType;

std::string fit(std::string text, std::size_t width)
{
    text = shortened(std::move(text), width);
    text.resize(std::max(text.size(), width), ' ');
    return text;
}

std::string describe(const stats::ColumnProfile &c)
{
    if (c.count == 0)
        return "no values";
    switch (c.type) {
    case ColumnType::Int:
    case ColumnType::Float: {
        std::ostringstream out;
        out << fit(compactNumber(*c.mean), 10) << " " << fit(c.std ? compactNumber(*c.std) : "-", 10)
            << " " << fit(compactNumber(*c.min), 10) << " " << fit(compactNumber(c.quantiles[3]), 10)
            << " " << compactNumber(*c.max);
        return out.str();
    }
    case ColumnType::Datetime:
        return table::formatIsoDatetime(*c.datetimeMin) + " .. " + table::formatIsoDatetime(*c.datetimeMax);
    case ColumnType::Bool:
    case ColumnType::String: {
        std::string text = (c.distinctExact ? "" : "~") + std::to_string(c.distinct) + " distinct";
        if (!c.top.empty())
            text += ", top " + shortened(c.top.front().value, 24) + " (" + std::to_string(c.top.front().count) + ")";
        return text;
    }
    }
    return {};
}

void printHuman(const stats::DatasetProfile &profile)
{
    std::size_t nameWidth = 6;
    for (const auto &c : profile.columns)
        nameWidth = std::max(nameWidth, std::min<std::size_t>(c.name.size(), 20));
    std::ostringstream out;
    out << profile.source << ": " << profile.rows << " rows × " << profile.columns.size() << " columns\n";
    out << "  " << fit("column", nameWidth) << "  type      missing  "
        << "mean       std        min        median     max  |  distinct, top\n";
    for (const auto &c : profile.columns) {
        const std::uint64_t total = c.count + c.missing;
        char missing[16];
        std::snprintf(missing, sizeof missing, "%6.1f%%", total ? 100.0 * double(c.missing) / double(total) : 0.0);
        out << "  " << fit(c.name, nameWidth) << "  " << fit(std::string(table::typeName(c.type)), 8)
            << "  " << missing << "  " << describe(c) << "\n";
    }
    std::string text = out.str();
    text.pop_back();
    printLine(text);
}

int runProfile(CommandContext &context)
{
    const Command &command = *findCommand("profile");
    const auto &positional = context.arguments.positional();
    if (positional.size() != 1)
        return usageError(command, "expected one data file or PATH@REV");
    auto options = readOptionsFrom(context.arguments);
    if (!options)
        return usageError(command, options.error().message);
    auto profile = stats::profileDataset(version::parseDatasetRef(positional.front()), *options,
                                         context.progress);
    if (!profile)
        return fail(profile.error());
    if (context.json)
        printJson(profileToJson(*profile));
    else
        printHuman(*profile);
    return ExitOk;
}

} // namespace

void addProfileCommands(std::vector<Command> &into)
{
    into.push_back(
        {"profile", "summarise every column of a dataset: missing, moments, quantiles, top values",
         "DATA [--json] [--lenient] [--format F] [--delimiter C] [--header H]",
         "Streams the file in chunks with bounded memory. Per column: type, count, missing;\n"
         "numbers: mean, std (n-1), min, max, zeros, quantiles 1/5/25/50/75/95/99% and a\n"
         "20-bin histogram; strings and bools: distinct and the 10 most frequent values\n"
         "(ties by value); strings: average length in characters; datetimes: min and max.\n"
         "Up to 100000 distinct values per column everything is exact (quantiles as pandas);\n"
         "beyond, distinct is estimated within 2% (\"distinct_exact\": false) and quantiles\n"
         "come from a sketch with rank error <= 0.005 (\"quantiles_exact\": false).\n"
         "DATA may be PATH@REV: a tracked dataset at any git revision.",
         "assay profile data/credit.csv --json", readOptionSpecs(), runProfile});
}

} // namespace assay::cli
