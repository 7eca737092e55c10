// bench_table_read FILE [--threads N]
// Reads FILE with assay::table::readTable and prints
// {"rows":..,"cols":..,"seconds":..,"peak_rss_kb":..,"file_bytes":..} on stdout.
// Driven by tests/bench/bench_table_read.py, which compares it with pandas.read_csv.
#include "table/reader.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <sys/resource.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_table_read FILE [--threads N]\n");
        return 2;
    }
    assay::table::ReadOptions options;
    if (argc >= 4 && std::string_view(argv[2]) == "--threads")
        options.threads = static_cast<unsigned>(std::stoul(argv[3]));

    const auto start = std::chrono::steady_clock::now();
    const auto outcome = assay::table::readTable(argv[1], options);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!outcome) {
        std::fprintf(stderr, "%s\n", outcome.error().message.c_str());
        return 2;
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("{\"rows\":%zu,\"cols\":%zu,\"seconds\":%.4f,\"peak_rss_kb\":%ld,"
                "\"file_bytes\":%llu}\n",
                outcome->table.rowCount(), outcome->table.columnCount(), seconds,
                usage.ru_maxrss,
                static_cast<unsigned long long>(std::filesystem::file_size(argv[1])));
    return 0;
}
