#include "workspace/workspace.h"

#include "common/atomic_file.h"
#include "version/dvc_layout.h"
#include "version/git_repository.h"

namespace assay::workspace {

namespace {

namespace fs = std::filesystem;

// The database and its WAL files are local state: git never sees them.
constexpr std::string_view kAssayGitignore = "/assay.db\n/assay.db-wal\n/assay.db-shm\n/tmp\n";

fs::path absoluteClean(const fs::path &dir)
{
    std::error_code error;
    fs::path absolute = fs::weakly_canonical(fs::absolute(dir), error);
    return error ? fs::absolute(dir).lexically_normal() : absolute;
}

} // namespace

Workspace::Workspace(fs::path root, std::unique_ptr<Database> database)
    : m_root(std::move(root)), m_database(std::move(database))
{
}

Result<Workspace> Workspace::init(const fs::path &dir, InitReport *report)
{
    InitReport local;
    InitReport &out = report ? *report : local;
    const fs::path root = absoluteClean(dir);

    std::error_code error;
    if (fs::exists(root) && !fs::is_directory(root))
        return Error::invalidInput(root.string() + ": exists and is not a folder");
    fs::create_directories(root / ".assay", error);
    if (error)
        return Error::io(root.string() + ": cannot create .assay: " + error.message());

    std::vector<std::string> toStage;
    if (!version::GitRepository::exists(root)) {
        auto repo = version::GitRepository::init(root);
        if (!repo)
            return repo.error();
        out.createdGitRepository = true;
    }

    out.createdDvcLayout = !fs::exists(root / ".dvc");
    auto dvcFiles = version::ensureDvcLayout(root);
    if (!dvcFiles)
        return dvcFiles.error();
    for (const auto &file : *dvcFiles) {
        out.addedFiles.push_back(file);
        toStage.push_back(file);
    }

    if (!fs::exists(root / ".assay" / ".gitignore")) {
        ASSAY_TRY(writeFileAtomically(root / ".assay" / ".gitignore", kAssayGitignore));
        out.addedFiles.emplace_back(".assay/.gitignore");
        toStage.emplace_back(".assay/.gitignore");
    }

    out.createdDatabase = !fs::exists(root / ".assay" / "assay.db");
    auto database = Database::open(root / ".assay" / "assay.db");
    if (!database)
        return database.error();
    ASSAY_TRY((*database)->migrate());
    if (out.createdDatabase)
        out.addedFiles.emplace_back(".assay/assay.db");

    // Like `dvc init`, stage the new configuration files; committing stays the user's call.
    // The repository may be a parent folder's, so paths are made relative to its work tree.
    if (!toStage.empty()) {
        auto repo = version::GitRepository::discover(root);
        if (!repo)
            return repo.error();
        const fs::path workdir = fs::canonical(repo->workdir());
        for (auto &file : toStage)
            file = fs::relative(root / file, workdir).generic_string();
        ASSAY_TRY(repo->stage(toStage));
    }
    return Workspace(root, std::move(*database));
}

Result<Workspace> Workspace::open(const fs::path &dir)
{
    const fs::path root = absoluteClean(dir);
    if (!fs::is_directory(root / ".assay"))
        return Error::notFound(root.string() + ": not an Assay workspace (no .assay/ folder); "
                                               "create one with `assay init`");
    auto database = Database::open(root / ".assay" / "assay.db");
    if (!database)
        return database.error();
    ASSAY_TRY((*database)->migrate());
    return Workspace(root, std::move(*database));
}

std::optional<fs::path> Workspace::discover(const fs::path &start)
{
    std::error_code error;
    for (fs::path dir = absoluteClean(start); !dir.empty(); dir = dir.parent_path()) {
        if (fs::is_directory(dir / ".assay", error))
            return dir;
        if (dir == dir.parent_path())
            break;
    }
    return std::nullopt;
}

} // namespace assay::workspace
