#include "version/dvc_add.h"

#include "common/atomic_file.h"
#include "version/dvc_layout.h"
#include "version/file_hash.h"
#include "version/gitignore.h"

#include <unistd.h>

namespace assay::version {

namespace {

namespace fs = std::filesystem;

// Copies `source` into the cache under a temporary name, then renames it into place, so a
// killed process never leaves a truncated object behind.
Status storeInCache(const fs::path &source, const fs::path &object)
{
    if (fs::exists(object))
        return {};
    std::error_code error;
    fs::create_directories(object.parent_path(), error);
    if (error)
        return Error::io(object.parent_path().string() + ": cannot create: " + error.message());
    fs::path temporary = object;
    temporary += ".tmp-" + std::to_string(::getpid());
    fs::copy_file(source, temporary, fs::copy_options::overwrite_existing, error);
    if (error)
        return Error::io(source.string() + ": cannot copy into the cache: " + error.message());
    fs::permissions(temporary, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read,
                    error);
    fs::rename(temporary, object, error);
    if (error) {
        fs::remove(temporary);
        return Error::io(object.string() + ": cannot store: " + error.message());
    }
    return {};
}

std::string relativeTo(const fs::path &path, const fs::path &root)
{
    return fs::relative(path, root).generic_string();
}

} // namespace

Result<AddedOutput> addFile(const fs::path &root, const std::string &relativePath,
                            const Progress &progress)
{
    const fs::path target = root / relativePath;
    std::error_code error;
    if (!fs::is_regular_file(target, error))
        return Error::notFound(relativePath + ": not a file");

    auto md5 = md5OfFile(target, progress);
    if (!md5)
        return md5.error();
    ASSAY_TRY(storeInCache(target, cacheObjectPath(root, *md5)));

    AddedOutput added;
    added.output.md5 = *md5;
    added.output.size = fs::file_size(target);
    added.output.isExecutable =
        (fs::status(target).permissions() & fs::perms::owner_exec) != fs::perms::none;
    added.output.path = target.filename().generic_string();

    fs::path pointer = target;
    pointer += ".dvc";
    ASSAY_TRY(writeFileAtomically(pointer, serializeDvcFile(added.output)));
    added.changedFiles.push_back(relativeTo(pointer, root));

    auto ignored = ignoreInGit(target);
    if (!ignored)
        return ignored.error();
    added.changedFiles.push_back(relativeTo(target.parent_path() / ".gitignore", root));
    return added;
}

} // namespace assay::version
