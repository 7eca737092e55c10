#include "version/dataset_ref.h"

#include "version/cache_object.h"
#include "version/dvc_pointer.h"
#include "version/git_repository.h"
#include "version/table_shape_cache.h"

namespace assay::version {

namespace {

namespace fs = std::filesystem;

// The folder holding `.dvc/` at or above `start`: where the cache of that dataset lives.
std::optional<fs::path> dvcRootOf(const fs::path &start)
{
    std::error_code error;
    for (fs::path dir = start; !dir.empty(); dir = dir.parent_path()) {
        if (fs::is_directory(dir / ".dvc", error))
            return dir;
        if (dir == dir.parent_path())
            break;
    }
    return std::nullopt;
}

// The verified cache object named by a pointer.
Result<fs::path> objectFor(const DvcOutput &output, const fs::path &datasetDir,
                           const std::string &display, const Progress &progress)
{
    if (output.nfiles || output.md5.ends_with(".dir"))
        return Error::invalidInput(display + ": is a tracked folder, not a table file");
    const auto root = dvcRootOf(datasetDir);
    if (!root)
        return Error::notFound(display + ": no .dvc folder above " + datasetDir.string());
    const auto object = findCacheObject(*root, output.md5, output.hashName);
    if (!object)
        return Error::notFound(display + ": object " + output.md5 +
                               " is not in the cache; fetch it with `assay data pull`");
    auto matches = objectMatchesName(*object, output.md5, output.hashName, progress);
    if (!matches)
        return matches.error();
    if (!*matches)
        return Error::invalidInput(display + ": cache object " + object->string() +
                                   " is corrupted (its content does not hash to its name)");
    return *object;
}

Result<ResolvedDataset> resolveWorkingCopy(const DatasetRef &ref, const Progress &progress)
{
    ResolvedDataset resolved;
    resolved.displayName = ref.path;
    resolved.format = table::formatFromName(ref.path);
    const fs::path path = fs::absolute(ref.path);
    std::error_code error;
    if (fs::is_regular_file(path, error)) {
        resolved.file = path;
        return resolved;
    }
    fs::path pointer = path;
    pointer += ".dvc";
    if (!fs::exists(pointer, error))
        return Error::notFound(ref.path + ": no such file");
    // Tracked but not checked out: read the version the pointer names from the cache.
    auto output = readDvcFile(pointer);
    if (!output)
        return output.error();
    auto object = objectFor(*output, path.parent_path(), ref.path, progress);
    if (!object)
        return object.error();
    resolved.file = *object;
    resolved.md5 = output->md5;
    return resolved;
}

Result<ResolvedDataset> resolveAtRevision(const DatasetRef &ref, const Progress &progress)
{
    const fs::path path = fs::absolute(ref.path).lexically_normal();
    auto repo = GitRepository::discover(path.parent_path());
    if (!repo)
        return Error::notFound(ref.display() + ": not inside a git repository");
    const fs::path workdir = fs::weakly_canonical(repo->workdir());
    const std::string relative =
        fs::weakly_canonical(path).lexically_relative(workdir).generic_string();
    if (relative.empty() || relative.starts_with(".."))
        return Error::invalidInput(ref.display() + ": outside the git work tree " + workdir.string());

    ResolvedDataset resolved;
    resolved.displayName = ref.display();
    resolved.format = table::formatFromName(ref.path);
    if (auto commit = repo->resolveCommit(*ref.revision); !commit)
        return Error::notFound(ref.display() + ": " + commit.error().message);

    auto pointerText = repo->readFileAt(*ref.revision, relative + ".dvc");
    if (pointerText) {
        auto output = parseDvcText(*pointerText, relative + ".dvc@" + *ref.revision);
        if (!output)
            return output.error();
        auto object = objectFor(*output, workdir / fs::path(relative).parent_path(),
                                ref.display(), progress);
        if (!object)
            return object.error();
        resolved.file = *object;
        resolved.md5 = output->md5;
        return resolved;
    }
    auto blob = repo->readFileAt(*ref.revision, relative);
    if (!blob)
        return Error::notFound(ref.display() + ": revision " + *ref.revision + " has neither " +
                               relative + ".dvc nor " + relative);
    resolved.bytes = std::move(*blob);
    return resolved;
}

} // namespace

DatasetRef parseDatasetRef(std::string_view text)
{
    const std::string whole(text);
    const auto at = whole.rfind('@');
    std::error_code error;
    if (at == std::string::npos || at == 0 || at + 1 == whole.size() || fs::exists(whole, error))
        return {whole, std::nullopt};
    return {whole.substr(0, at), whole.substr(at + 1)};
}

Result<ResolvedDataset> resolveDataset(const DatasetRef &ref, const Progress &progress)
{
    return ref.revision ? resolveAtRevision(ref, progress) : resolveWorkingCopy(ref, progress);
}

Result<table::ReadOutcome> readResolvedDataset(const ResolvedDataset &resolved,
                                               table::ReadOptions options, const Progress &progress)
{
    if (options.format == table::FileFormat::Auto)
        options.format = resolved.format;
    return resolved.file.empty()
               ? table::readTableFromBuffer(resolved.bytes, resolved.displayName, options, progress)
               : table::readTable(resolved.file, options, progress);
}

Result<table::ReadOutcome> readDataset(const DatasetRef &ref, table::ReadOptions options,
                                       const Progress &progress)
{
    auto resolved = resolveDataset(ref, progress);
    if (!resolved)
        return resolved.error();
    auto outcome = readResolvedDataset(*resolved, options, progress);
    if (!outcome)
        return outcome.error();
    if (!resolved->md5.empty()) {
        if (auto shapes = TableShapeCache::near(fs::absolute(ref.path).parent_path()))
            shapes->remember(resolved->md5, outcome->table.rowCount(), outcome->table.columnCount());
    }
    return outcome;
}

} // namespace assay::version
