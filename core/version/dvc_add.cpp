#include "version/dvc_add.h"

#include "common/atomic_file.h"
#include "govern/access_audit.h"
#include "govern/access_control.h"
#include "version/cache_index.h"
#include "version/cache_object.h"
#include "version/dvc_layout.h"
#include "version/file_hash.h"
#include "version/gitignore.h"
#include "version/output_hash.h"

namespace assay::version {

namespace {

namespace fs = std::filesystem;

bool objectsPresent(const fs::path &root, const HashedOutput &hashed)
{
    CacheIndex cache(root);
    if (!cache.contains(hashed.output.md5))
        return false;
    for (const auto &[path, md5] : hashed.files) {
        if (!cache.contains(md5))
            return false;
    }
    return true;
}

} // namespace

Result<std::string> workspaceRelative(const fs::path &root, const fs::path &path)
{
    std::error_code error;
    const fs::path base = fs::weakly_canonical(fs::absolute(root), error);
    const fs::path full = fs::weakly_canonical(path.is_absolute() ? path : root / path, error);
    const fs::path relative = full.lexically_relative(base);
    const std::string text = relative.generic_string();
    if (relative.empty() || text == "." || text == ".." || text.starts_with("../"))
        return Error::invalidInput(path.string() + ": outside the workspace " + base.string());
    const std::string first = text.substr(0, text.find('/'));
    if (first == ".git" || first == ".dvc" || first == ".assay")
        return Error::invalidInput(path.string() + ": inside " + first +
                                   "/, which Assay does not track");
    return text;
}

Result<AddedOutput> addFile(const fs::path &root, const std::string &relativePath,
                            const Progress &progress)
{
    std::error_code error;
    if (!fs::is_regular_file(root / relativePath, error))
        return Error::notFound(relativePath + ": not a file");
    HashState noState;
    return addPath(root, relativePath, noState, progress);
}

Result<AddedOutput> addPath(const fs::path &root, const fs::path &path, HashState &state,
                            const Progress &progress)
{
    auto relative = workspaceRelative(root, path);
    if (!relative)
        return relative.error();
    auto actor = govern::authorizeAt(root, govern::Action::ChangeData, *relative, "data.add");
    if (!actor)
        return actor.error();
    const fs::path target = root / *relative;
    std::error_code error;
    if (!fs::exists(target, error))
        return Error::notFound(*relative + ": no such file or folder");
    if (!fs::is_regular_file(target, error) && !fs::is_directory(target, error))
        return Error::invalidInput(*relative + ": not a regular file or folder");
    ASSAY_TRY(state.load());

    fs::path pointer = target;
    pointer += ".dvc";
    AddedOutput added;
    added.pointerPath = *relative + ".dvc";

    // A legacy (DVC 2) output stays legacy while its content is unchanged, as in DVC 3.
    std::optional<DvcOutput> previous;
    if (fs::exists(pointer, error)) {
        if (auto read = readDvcFile(pointer))
            previous = *read;
    }
    if (previous && previous->hashName == kMd5Dos2Unix) {
        auto legacy = hashOutput(root, *relative, std::string(kMd5Dos2Unix), state, progress);
        if (!legacy)
            return legacy.error();
        if (legacy->output.md5 == previous->md5 && objectsPresent(root, *legacy)) {
            ASSAY_TRY(state.save());
            added.output = *previous;
            added.unchanged = true;
            return added;
        }
    }

    auto hashed = hashOutput(root, *relative, std::string(kMd5), state, progress);
    if (!hashed)
        return hashed.error();
    ASSAY_TRY(state.save());
    added.output = hashed->output;
    if (previous && previous->md5 == hashed->output.md5 && previous->hashName == kMd5 &&
        objectsPresent(root, *hashed)) {
        added.output = *previous;
        added.unchanged = true;
        return added;
    }

    std::size_t stored = 0;
    for (const auto &[file, md5] : hashed->files) {
        if (progress.isCancelled())
            return Error::cancelled();
        auto wrote = storeObject(root / file, cacheObjectPath(root, md5));
        if (!wrote)
            return wrote.error();
        if (++stored % 64 == 0)
            progress.report(static_cast<double>(stored) / double(hashed->files.size()), "storing");
    }
    if (hashed->output.nfiles)
        ASSAY_TRY(storeObjectBytes(hashed->manifest, cacheObjectPath(root, hashed->output.md5)));

    ASSAY_TRY(writeFileAtomically(pointer, serializeDvcFile(hashed->output)));
    added.changedFiles.push_back(added.pointerPath);
    auto ignored = ignoreInGit(target);
    if (!ignored)
        return ignored.error();
    const fs::path gitignore = fs::path(*relative).parent_path() / ".gitignore";
    if (*ignored)
        added.changedFiles.push_back(gitignore.generic_string());
    QJsonObject details{{QStringLiteral("md5"), QString::fromStdString(added.output.md5)},
                        {QStringLiteral("size"), static_cast<qint64>(added.output.size)}};
    if (added.output.nfiles)
        details.insert(QStringLiteral("nfiles"), static_cast<qint64>(*added.output.nfiles));
    ASSAY_TRY(govern::appendAuditAt(root, {.actor = actor->name,
                                           .action = "data.add",
                                           .object = *relative,
                                           .refused = false,
                                           .detailsJson = govern::auditDetails(details)}));
    return added;
}

} // namespace assay::version
