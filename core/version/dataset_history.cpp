#include "version/dataset_history.h"

#include "version/dvc_pointer.h"
#include "version/git_repository.h"
#include "version/table_shape_cache.h"

namespace assay::version {

namespace fs = std::filesystem;

Result<std::vector<DatasetVersion>> datasetHistory(const fs::path &datasetPath)
{
    const fs::path path = fs::absolute(datasetPath).lexically_normal();
    auto repo = GitRepository::discover(path.parent_path());
    if (!repo)
        return Error::notFound(datasetPath.string() + ": not inside a git repository");
    const fs::path workdir = fs::weakly_canonical(repo->workdir());
    const std::string relative = fs::weakly_canonical(path).lexically_relative(workdir).generic_string();
    if (relative.empty() || relative.starts_with(".."))
        return Error::invalidInput(datasetPath.string() + ": outside the git work tree " +
                                   workdir.string());

    const std::string pointer = relative + ".dvc";
    auto versions = repo->fileHistory(pointer);
    if (!versions)
        return versions.error();

    std::vector<DatasetVersion> history;
    auto shapes = TableShapeCache::near(path.parent_path()); // opened once for all versions
    for (const GitPathVersion &version : *versions) {
        auto output = parseDvcText(version.content, pointer + "@" + version.commit.id.substr(0, 7));
        if (!output)
            return output.error();
        DatasetVersion entry;
        entry.commit = version.commit.id;
        entry.time = version.commit.time;
        entry.author = version.commit.author;
        entry.email = version.commit.email;
        entry.message = version.commit.summary;
        entry.md5 = output->md5;
        entry.size = output->size;
        entry.nfiles = output->nfiles;
        if (const auto shape = shapes ? shapes->known(output->md5) : std::nullopt) {
            entry.rows = shape->rows;
            entry.columns = shape->columns;
        }
        history.push_back(std::move(entry));
    }
    if (history.empty() && !fs::exists(workdir / pointer))
        return Error::notFound(datasetPath.string() + ": not tracked (no " + pointer +
                               " in the work tree or its history)");
    return history;
}

} // namespace assay::version
