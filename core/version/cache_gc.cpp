#include "version/cache_gc.h"

#include "common/atomic_file.h"
#include "govern/access_audit.h"
#include "govern/access_control.h"
#include "version/cache_object.h"
#include "version/dir_manifest.h"
#include "version/tracked_outputs.h"

#include <QJsonObject>

#include <set>

namespace assay::version {

namespace fs = std::filesystem;

namespace {

bool isHex(std::string_view text)
{
    return !text.empty() && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

void keepOutput(const fs::path &root, const DvcOutput &output, std::set<std::string> &kept)
{
    kept.insert(output.md5);
    if (!isDirectoryOid(output.md5))
        return;
    const auto object = findCacheObject(root, output.md5, output.hashName);
    if (!object)
        return;
    auto bytes = readFile(*object);
    if (!bytes)
        return;
    if (auto entries = parseManifest(*bytes, object->string())) {
        for (const ManifestEntry &entry : *entries)
            kept.insert(entry.md5);
    }
}

// Objects of one layout: `<folder>/<2 hex>/<rest>`; temporary files are left alone.
void sweepLayout(const fs::path &root, const fs::path &folder, const std::set<std::string> &kept,
                 GcReport &report)
{
    std::error_code error;
    for (fs::directory_iterator prefix(folder, error), end; !error && prefix != end;
         prefix.increment(error)) {
        const std::string two = prefix->path().filename().string();
        if (two.size() != 2 || !isHex(two) || !prefix->is_directory(error))
            continue;
        for (fs::directory_iterator it(prefix->path(), error); !error && it != end;
             it.increment(error)) {
            const std::string rest = it->path().filename().string();
            if (rest.find(".tmp-") != std::string::npos || !it->is_regular_file(error))
                continue;
            if (kept.count(two + rest) != 0) {
                ++report.kept;
                continue;
            }
            report.bytesFreed += it->file_size(error);
            report.removed.push_back(fs::relative(it->path(), root).generic_string());
        }
    }
}

} // namespace

Result<GcReport> collectGarbage(const fs::path &root, bool dryRun, const Progress &progress)
{
    auto workTree = findTrackedOutputs(root, progress);
    if (!workTree)
        return workTree.error();
    auto history = outputsInGitRefs(root);
    if (!history)
        return history.error();
    std::set<std::string> kept;
    for (const TrackedOutput &tracked : *workTree)
        keepOutput(root, tracked.output, kept);
    for (const DvcOutput &output : *history)
        keepOutput(root, output, kept);

    GcReport report;
    report.dryRun = dryRun;
    const fs::path cache = root / ".dvc" / "cache";
    sweepLayout(root, cache / "files" / "md5", kept, report);
    sweepLayout(root, cache, kept, report);
    if (dryRun || report.removed.empty())
        return report;
    auto actor = govern::authorizeAt(root, govern::Action::ChangeData, "", "data.gc");
    if (!actor)
        return actor.error();
    for (std::size_t i = 0; i < report.removed.size(); ++i) {
        if (progress.isCancelled())
            return Error::cancelled();
        std::error_code error;
        if (!fs::remove(root / report.removed[i], error) && error)
            return Error::io(report.removed[i] + ": cannot remove: " + error.message());
    }
    const QJsonObject details{
        {QStringLiteral("removed"), static_cast<qint64>(report.removed.size())},
        {QStringLiteral("bytes"), static_cast<qint64>(report.bytesFreed)}};
    ASSAY_TRY(govern::appendAuditAt(root, {.actor = actor->name,
                                           .action = "data.gc",
                                           .object = "",
                                           .refused = false,
                                           .detailsJson = govern::auditDetails(details)}));
    return report;
}

} // namespace assay::version
