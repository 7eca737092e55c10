#include "version/output_hash.h"

#include "version/dir_manifest.h"
#include "version/directory_files.h"
#include "version/parallel_hash.h"

#include <QCryptographicHash>

#include <cstring>

namespace assay::version {

namespace fs = std::filesystem;

namespace {

// A digest of every file's path, inode, size and mtime, folded into a FileStamp-shaped key
// (63 + 63 bits and the file count) for the state table.
FileStamp listingStamp(const std::vector<ListedFile> &files)
{
    QCryptographicHash digest(QCryptographicHash::Md5);
    for (const ListedFile &file : files) {
        digest.addData(QByteArrayView(file.path.data(), qsizetype(file.path.size() + 1)));
        digest.addData(
            QByteArrayView(reinterpret_cast<const char *>(&file.stamp), sizeof file.stamp));
    }
    const QByteArray bytes = digest.result();
    std::uint64_t high = 0;
    std::uint64_t low = 0;
    std::memcpy(&high, bytes.constData(), 8);
    std::memcpy(&low, bytes.constData() + 8, 8);
    return {static_cast<std::int64_t>(high >> 1), static_cast<std::int64_t>(files.size()),
            static_cast<std::int64_t>(low >> 1)};
}

} // namespace

Result<HashedOutput> hashOutput(const fs::path &root, const std::string &relative,
                                const std::string &hashName, HashState &state,
                                const Progress &progress, bool folderShortcut)
{
    const fs::path target = root / relative;
    HashedOutput hashed;
    hashed.output.path = target.filename().generic_string();
    hashed.output.hashName = hashName;
    std::error_code error;
    if (!fs::is_directory(target, error)) {
        auto files = hashFiles(root, {relative}, hashName, state, progress);
        if (!files)
            return files.error();
        hashed.output.md5 = files->front().md5;
        hashed.output.size = files->front().size;
        hashed.output.isExecutable =
            (fs::status(target, error).permissions() & fs::perms::owner_exec) != fs::perms::none;
        hashed.files.emplace_back(relative, hashed.output.md5);
        return hashed;
    }
    auto inner = listTrackedFolder(root, relative, progress);
    if (!inner)
        return inner.error();
    const FileStamp listing = listingStamp(*inner);
    if (folderShortcut) {
        if (auto known = state.lookupFolder(relative, hashName, listing)) {
            hashed.output.md5 = std::move(*known);
            hashed.output.nfiles = inner->size();
            for (const ListedFile &file : *inner)
                hashed.output.size += static_cast<std::uint64_t>(file.stamp.size);
            hashed.fromFolderState = true;
            return hashed;
        }
    }
    std::vector<std::string> fromRoot;
    std::vector<FileStamp> stamps;
    fromRoot.reserve(inner->size());
    stamps.reserve(inner->size());
    for (const ListedFile &file : *inner) {
        fromRoot.push_back(relative + "/" + file.path);
        stamps.push_back(file.stamp);
    }
    auto files = hashFiles(root, fromRoot, hashName, state, progress, &stamps);
    if (!files)
        return files.error();
    std::vector<ManifestEntry> entries;
    entries.reserve(inner->size());
    for (std::size_t i = 0; i < inner->size(); ++i) {
        entries.push_back({(*files)[i].md5, std::move((*inner)[i].path)});
        hashed.output.size += (*files)[i].size;
        hashed.files.emplace_back(fromRoot[i], (*files)[i].md5);
    }
    sortManifest(entries);
    hashed.manifest = serializeManifest(entries);
    hashed.output.md5 = manifestHash(hashed.manifest);
    hashed.output.nfiles = entries.size();
    state.rememberFolder(relative, hashName, listing, hashed.output.md5);
    return hashed;
}

} // namespace assay::version
