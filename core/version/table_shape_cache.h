#pragma once

#include "workspace/workspace.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace assay::version {

struct TableShape {
    std::uint64_t rows = 0;
    std::uint64_t columns = 0;
};

// The shapes of table contents Assay has read, by content md5, in the database of the
// workspace around a path. A convenience for history views, never needed for correctness:
// outside a workspace, or when the database is busy, nothing is remembered or known.
class TableShapeCache {
public:
    // The cache of the workspace containing `near`; nullopt outside a workspace.
    static std::optional<TableShapeCache> near(const std::filesystem::path &near);

    void remember(const std::string &md5, std::uint64_t rows, std::uint64_t columns);
    std::optional<TableShape> known(const std::string &md5);

private:
    explicit TableShapeCache(workspace::Workspace workspace) : m_workspace(std::move(workspace)) {}
    workspace::Workspace m_workspace;
};

} // namespace assay::version
