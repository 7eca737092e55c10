#pragma once

#include "common/result.h"
#include "workspace/database.h"

#include <filesystem>
#include <memory>
#include <optional>

namespace assay::workspace {

// What `init` found already there and what it added, for the CLI to report.
struct InitReport {
    bool createdGitRepository = false;
    bool createdDvcLayout = false;  // .dvc/ was missing
    bool createdDatabase = false;   // .assay/assay.db was missing
    std::vector<std::string> addedFiles; // relative to the workspace root
};

// One folder opened as a workspace: its paths and its database.
// Moves, does not copy; closing the last handle closes the database.
class Workspace {
public:
    // Makes DIR a workspace, adding only what is missing: the git repository (libgit2),
    // DVC's layout as `dvc init` writes it, and .assay/assay.db with every migration applied.
    static Result<Workspace> init(const std::filesystem::path &dir, InitReport *report = nullptr);
    // Opens an existing workspace (the folder holding .assay/) and migrates its database.
    static Result<Workspace> open(const std::filesystem::path &dir);
    // The nearest folder from `start` upward that holds .assay/, if any.
    static std::optional<std::filesystem::path> discover(const std::filesystem::path &start);

    const std::filesystem::path &root() const { return m_root; }
    std::filesystem::path assayDir() const { return m_root / ".assay"; }
    std::filesystem::path dvcCacheDir() const { return m_root / ".dvc" / "cache"; }
    Database &database() { return *m_database; }

private:
    Workspace(std::filesystem::path root, std::unique_ptr<Database> database);

    std::filesystem::path m_root;
    std::unique_ptr<Database> m_database;
};

} // namespace assay::workspace
