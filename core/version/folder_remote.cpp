#include "version/folder_remote.h"

#include "common/atomic_file.h"
#include "version/cache_object.h"
#include "version/dir_manifest.h"
#include "version/dvc_layout.h"
#include "version/dvc_remote_config.h"
#include "version/file_hash.h"

namespace assay::version {

namespace fs = std::filesystem;

namespace {

constexpr fs::perms kReadOnly =
    fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read;

bool isLegacy(const std::string &hashName)
{
    return hashName == kMd5Dos2Unix;
}

fs::path remoteObjectPath(const fs::path &remote, const std::string &oid, bool legacy)
{
    const fs::path base = legacy ? remote : remote / "files" / "md5";
    return base / oid.substr(0, 2) / oid.substr(2);
}

std::optional<fs::path> findRemoteObject(const fs::path &remote, const std::string &oid,
                                         bool legacy)
{
    std::error_code error;
    for (const bool layout : {legacy, !legacy}) {
        const fs::path candidate = remoteObjectPath(remote, oid, layout);
        if (fs::is_regular_file(candidate, error))
            return candidate;
    }
    return std::nullopt;
}

fs::path localObjectPath(const fs::path &root, const std::string &oid, bool legacy)
{
    return legacy ? legacyCacheObjectPath(root, oid) : cacheObjectPath(root, oid);
}

// The file oids of a folder output, read from a verified `.dir` object.
Result<std::vector<std::string>> folderFiles(const fs::path &manifestObject)
{
    auto bytes = readFile(manifestObject);
    if (!bytes)
        return bytes.error();
    auto entries = parseManifest(*bytes, manifestObject.string());
    if (!entries)
        return entries.error();
    std::vector<std::string> oids;
    for (const ManifestEntry &entry : *entries)
        oids.push_back(entry.md5);
    return oids;
}

class Transfer {
public:
    Transfer(const fs::path &root, const fs::path &remote, bool push, const Progress &progress)
        : m_root(root), m_remote(remote), m_push(push), m_progress(progress)
    {
    }

    // Copies one object if the destination lacks it; returns where it now is, if anywhere.
    Result<std::optional<fs::path>> copy(const std::string &oid, const std::string &hashName)
    {
        const bool legacy = isLegacy(hashName);
        const auto local = findCacheObject(m_root, oid, hashName);
        const auto remote = findRemoteObject(m_remote, oid, legacy);
        const auto &source = m_push ? local : remote;
        const auto &existing = m_push ? remote : local;
        if (existing) {
            ++m_report.alreadyThere;
            return existing;
        }
        if (!source) {
            m_report.problems.push_back({oid, m_push ? "not in the local cache"
                                                     : "not in the remote " + m_remote.string()});
            return std::optional<fs::path>();
        }
        auto matches = objectMatchesName(*source, oid, hashName, m_progress);
        if (!matches)
            return matches.error();
        if (!*matches) {
            m_report.problems.push_back({oid, source->string() +
                                                  " is corrupted (content does "
                                                  "not match its name); not copied"});
            return std::optional<fs::path>();
        }
        const fs::path target =
            m_push ? remoteObjectPath(m_remote, oid, legacy) : localObjectPath(m_root, oid, legacy);
        ASSAY_TRY(copyFileAtomically(*source, target, kReadOnly));
        std::error_code error;
        m_report.bytes += fs::file_size(target, error);
        m_report.transferred.push_back(oid);
        return std::optional<fs::path>(target);
    }

    Status transferOutput(const DvcOutput &output)
    {
        auto top = copy(output.md5, output.hashName);
        if (!top)
            return top.error();
        if (!isDirectoryOid(output.md5) || !*top)
            return {};
        auto files = folderFiles(**top);
        if (!files) {
            m_report.problems.push_back({output.md5, files.error().message});
            return {};
        }
        for (const std::string &oid : *files) {
            if (m_progress.isCancelled())
                return Error::cancelled();
            auto copied = copy(oid, output.hashName);
            if (!copied)
                return copied.error();
        }
        return {};
    }

    TransferReport &report() { return m_report; }

private:
    const fs::path &m_root;
    const fs::path &m_remote;
    bool m_push;
    const Progress &m_progress;
    TransferReport m_report;
};

Result<TransferReport> transferAll(const fs::path &root, const fs::path &remote, bool push,
                                   const std::vector<TrackedOutput> &outputs,
                                   const Progress &progress)
{
    std::error_code error;
    if (!push && !fs::is_directory(remote, error))
        return Error::notFound(remote.string() + ": the remote folder does not exist");
    Transfer transfer(root, remote, push, progress);
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        if (progress.isCancelled())
            return Error::cancelled();
        ASSAY_TRY(transfer.transferOutput(outputs[i].output));
        progress.report(double(i + 1) / double(outputs.size()), push ? "pushing" : "pulling");
    }
    return std::move(transfer.report());
}

} // namespace

Result<fs::path> resolveRemote(const fs::path &root, const std::optional<std::string> &remoteDir)
{
    std::string url;
    fs::path base = fs::current_path();
    if (remoteDir) {
        url = *remoteDir;
    } else {
        auto configured = defaultRemoteUrl(root);
        if (!configured)
            return configured.error();
        url = *configured;
        base = root / ".dvc";
    }
    if (url.starts_with("file://"))
        url = url.substr(7);
    else if (url.find("://") != std::string::npos)
        return Error::invalidInput("remote " + url +
                                   ": only local folder remotes are supported "
                                   "(give a folder path, or push with DVC itself)");
    const fs::path path(url);
    return (path.is_absolute() ? path : base / path).lexically_normal();
}

Result<TransferReport> pushObjects(const fs::path &root, const fs::path &remote,
                                   const std::vector<TrackedOutput> &outputs,
                                   const Progress &progress)
{
    return transferAll(root, remote, true, outputs, progress);
}

Result<TransferReport> pullObjects(const fs::path &root, const fs::path &remote,
                                   const std::vector<TrackedOutput> &outputs,
                                   const Progress &progress)
{
    return transferAll(root, remote, false, outputs, progress);
}

} // namespace assay::version
