#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace assay::version {

struct TableShape {
    std::uint64_t rows = 0;
    std::uint64_t columns = 0;
};

// Remembers, in the database of the workspace containing `near`, the shape of the table whose
// content has this md5. Best effort: outside a workspace, or when the database is busy, it
// does nothing (the shape is a convenience for history views, never needed for correctness).
void rememberTableShape(const std::filesystem::path &near, const std::string &md5,
                        std::uint64_t rows, std::uint64_t columns);

// The remembered shape of a content, if Assay has read it before.
std::optional<TableShape> knownTableShape(const std::filesystem::path &near, const std::string &md5);

} // namespace assay::version
