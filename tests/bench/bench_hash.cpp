// Hashes one file (md5OfFile) or every file of a folder (hashFiles, all cores) and prints
// {"seconds": ..., "bytes": ..., "md5": ...} for tests/bench/bench_hash.py.
#include "version/directory_files.h"
#include "version/file_hash.h"
#include "version/parallel_hash.h"

#include <chrono>
#include <cstdio>
#include <string>

using namespace assay;

int main(int argc, char **argv)
{
    if (argc != 3 || (std::string(argv[1]) != "file" && std::string(argv[1]) != "dir")) {
        std::fprintf(stderr, "usage: bench_hash file PATH | dir PATH\n");
        return 2;
    }
    const std::filesystem::path path = argv[2];
    const auto start = std::chrono::steady_clock::now();
    std::string md5;
    std::uint64_t bytes = 0;
    if (std::string(argv[1]) == "file") {
        auto hashed = version::md5OfFile(path);
        if (!hashed) {
            std::fprintf(stderr, "%s\n", hashed.error().message.c_str());
            return 2;
        }
        md5 = *hashed;
        bytes = std::filesystem::file_size(path);
    } else {
        const auto root = path.parent_path();
        const auto name = path.filename().string();
        auto files = version::listTrackedFolder(root, name);
        if (!files)
            return 2;
        std::vector<std::string> fromRoot;
        for (const auto &file : *files)
            fromRoot.push_back(name + "/" + file.path);
        version::HashState noState;
        auto hashed = version::hashFiles(root, fromRoot, version::kMd5, noState);
        if (!hashed)
            return 2;
        for (const auto &file : *hashed)
            bytes += file.size;
        md5 = std::to_string(hashed->size()) + " files";
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("{\"seconds\": %.6f, \"bytes\": %llu, \"md5\": \"%s\"}\n", seconds,
                static_cast<unsigned long long>(bytes), md5.c_str());
    return 0;
}
