#include "govern/promotion_gate_data.h"

#include "version/file_hash.h"

#include <algorithm>

namespace assay::govern {

namespace fs = std::filesystem;

namespace {

// The md5 of what `ref` reads; empty when it cannot be read.
std::string md5Of(const version::DatasetRef &ref)
{
    auto resolved = version::resolveDataset(ref);
    if (!resolved)
        return {};
    if (!resolved->md5.empty())
        return resolved->md5;
    if (resolved->file.empty())
        return version::md5OfBytes(resolved->bytes);
    auto md5 = version::md5OfFile(resolved->file);
    return md5 ? *md5 : std::string();
}

bool looksLikeCommitId(const std::string &text)
{
    return text.size() == 40 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

} // namespace

version::DatasetRef workspaceDatasetRef(const fs::path &root, const std::string &text)
{
    version::DatasetRef ref = version::parseDatasetRef(text);
    if (fs::path(ref.path).is_relative())
        ref.path = (root / ref.path).lexically_normal().string();
    return ref;
}

Result<version::DatasetRef> runDatasetRef(const fs::path &root, const track::RunRecord &run,
                                          std::string_view context)
{
    const auto input = std::find_if(run.datasets.begin(), run.datasets.end(),
                                    [&](const track::DatasetInput &d) { return d.context == context; });
    if (input == run.datasets.end())
        return Error::notFound("run " + run.info.runId.substr(0, 8) + " logged no " + std::string(context) +
                               " dataset");
    version::DatasetRef ref{.path = fs::path(input->path).is_relative()
                                        ? (root / input->path).lexically_normal().string()
                                        : input->path,
                            .revision = std::nullopt};
    if (input->md5.empty())
        return ref;
    if (!input->revision.empty()) {
        version::DatasetRef atRevision = ref;
        atRevision.revision = input->revision;
        if (md5Of(atRevision) == input->md5)
            return atRevision;
    }
    if (md5Of(ref) == input->md5)
        return ref;
    return Error::notFound("the " + std::string(context) + " data of run " + run.info.runId.substr(0, 8) +
                           " (" + input->path + ", md5 " + input->md5 + ") is neither at revision " +
                           (input->revision.empty() ? std::string("(none recorded)") : input->revision.substr(0, 7)) +
                           " nor in the working tree");
}

std::string datasetLabel(const fs::path &root, const version::DatasetRef &ref)
{
    const fs::path relative = fs::path(ref.path).lexically_relative(root);
    const bool inside = !relative.empty() && *relative.begin() != "..";
    std::string label = inside ? relative.generic_string() : ref.path;
    if (ref.revision)
        label += "@" + (looksLikeCommitId(*ref.revision) ? ref.revision->substr(0, 7) : *ref.revision);
    return label;
}

} // namespace assay::govern
