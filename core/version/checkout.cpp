#include "version/checkout.h"

#include "common/atomic_file.h"
#include "govern/access_audit.h"
#include "govern/access_control.h"
#include "version/cache_object.h"
#include "version/dir_manifest.h"
#include "version/parallel_hash.h"
#include "version/tracked_outputs.h"

#include <QJsonArray>

namespace assay::version {

namespace fs = std::filesystem;

namespace {

constexpr fs::perms kWritable =
    fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read;

// A verified object for `oid`, or the reason there is none.
Result<fs::path> verifiedObject(const fs::path &root, const std::string &oid,
                                const std::string &hashName, const Progress &progress)
{
    const auto object = findCacheObject(root, oid, hashName);
    if (!object)
        return Error::notFound("object " + oid + " is not in the cache (try `assay data pull`)");
    auto matches = objectMatchesName(*object, oid, hashName, progress);
    if (!matches)
        return matches.error();
    if (!*matches)
        return Error::invalidInput("cache object " + fs::relative(*object, root).string() +
                                   " is corrupted (its content does not match its name); not "
                                   "used. Remove it and pull it again, or re-add the data");
    return *object;
}

// Manifest paths come from files anyone can edit: refuse ones that would escape the folder.
bool isSafeRelativePath(const std::string &relpath)
{
    if (relpath.empty() || relpath.front() == '/')
        return false;
    for (const auto &part : fs::path(relpath)) {
        if (part == "..")
            return false;
    }
    return true;
}

class Restorer {
public:
    Restorer(const fs::path &root, HashState &state, CheckoutReport &report,
             const Progress &progress)
        : m_root(root), m_state(state), m_report(report), m_progress(progress)
    {
    }

    // Who restored files, once the first one needed writing: a checkout that finds the work
    // tree already right changes nothing, so anyone may run it.
    const std::optional<govern::Actor> &writer() const { return m_writer; }

    // Writes the object `oid` to `relative` unless the file already holds it.
    Status restoreFile(const std::string &relative, const std::string &oid,
                       const std::string &hashName, bool executable)
    {
        const fs::path target = m_root / relative;
        std::error_code error;
        if (fs::is_regular_file(target, error)) {
            auto current = hashFiles(m_root, {relative}, hashName, m_state);
            if (current && current->front().md5 == oid) {
                ++m_report.unchanged;
                return {};
            }
        }
        auto object = verifiedObject(m_root, oid, hashName, m_progress);
        if (!object) {
            if (object.error().kind == ErrorKind::Cancelled)
                return object.error();
            m_report.problems.push_back({relative, object.error().message});
            return {};
        }
        if (fs::is_directory(target, error)) {
            m_report.problems.push_back({relative, "a folder is in the way; not replaced"});
            return {};
        }
        if (!m_writer) {
            auto actor =
                govern::authorizeAt(m_root, govern::Action::ChangeData, relative, "data.checkout");
            if (!actor)
                return actor.error();
            m_writer = *actor;
        }
        const fs::perms mode = executable ? kWritable | fs::perms::owner_exec : kWritable;
        ASSAY_TRY(copyFileAtomically(*object, target, mode));
        if (auto stamp = stampOf(target))
            m_state.remember(relative, hashName, *stamp, oid);
        m_report.restored.push_back(relative);
        return {};
    }

    Status restoreFolder(const TrackedOutput &tracked)
    {
        const DvcOutput &output = tracked.output;
        auto object = verifiedObject(m_root, output.md5, output.hashName, m_progress);
        if (!object) {
            m_report.problems.push_back({tracked.outputPath, object.error().message});
            return {};
        }
        auto bytes = readFile(*object);
        if (!bytes)
            return bytes.error();
        auto entries = parseManifest(*bytes, object->string());
        if (!entries) {
            m_report.problems.push_back({tracked.outputPath, entries.error().message});
            return {};
        }
        std::size_t done = 0;
        for (const ManifestEntry &entry : *entries) {
            if (m_progress.isCancelled())
                return Error::cancelled();
            if (!isSafeRelativePath(entry.relpath)) {
                m_report.problems.push_back({tracked.outputPath + "/" + entry.relpath,
                                             "unsafe path in the manifest; skipped"});
                continue;
            }
            ASSAY_TRY(restoreFile(tracked.outputPath + "/" + entry.relpath, entry.md5,
                                  output.hashName, false));
            if (++done % 64 == 0)
                m_progress.report(double(done) / double(entries->size()), "checking out");
        }
        return {};
    }

private:
    const fs::path &m_root;
    HashState &m_state;
    CheckoutReport &m_report;
    const Progress &m_progress;
    std::optional<govern::Actor> m_writer;
};

Status auditCheckout(const fs::path &root, const govern::Actor &actor,
                     const std::vector<std::string> &paths, const CheckoutReport &report)
{
    QJsonArray requested;
    for (const std::string &path : paths)
        requested.append(QString::fromStdString(path));
    const QJsonObject details{
        {QStringLiteral("restored"), static_cast<qint64>(report.restored.size())},
        {QStringLiteral("paths"), requested}};
    std::string object = paths.size() == 1 ? paths.front() : std::string();
    return govern::appendAuditAt(root, {.actor = actor.name,
                                        .action = "data.checkout",
                                        .object = object,
                                        .refused = false,
                                        .detailsJson = govern::auditDetails(details)});
}

} // namespace

Result<CheckoutReport> checkout(const fs::path &root, HashState &state,
                                const std::vector<std::string> &paths, const Progress &progress)
{
    auto tracked = selectTrackedOutputs(root, paths, progress);
    if (!tracked)
        return tracked.error();
    ASSAY_TRY(state.load());
    CheckoutReport report;
    Restorer restorer(root, state, report, progress);
    for (const TrackedOutput &output : *tracked) {
        if (progress.isCancelled())
            return Error::cancelled();
        Status done =
            isDirectoryOid(output.output.md5)
                ? restorer.restoreFolder(output)
                : restorer.restoreFile(output.outputPath, output.output.md5, output.output.hashName,
                                       output.output.isExecutable);
        if (!done.ok()) {
            (void)state.save();
            if (restorer.writer() && !report.restored.empty())
                (void)auditCheckout(root, *restorer.writer(), paths, report);
            return done.error();
        }
    }
    ASSAY_TRY(state.save());
    if (restorer.writer() && !report.restored.empty())
        ASSAY_TRY(auditCheckout(root, *restorer.writer(), paths, report));
    return report;
}

} // namespace assay::version
