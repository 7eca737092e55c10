#include "explain/explained_data.h"

#include "version/file_hash.h"

namespace assay::explain {

Result<std::string> explainedDataMd5(const version::ResolvedDataset &resolved,
                                     const Progress &progress)
{
    if (!resolved.md5.empty())
        return resolved.md5;
    if (resolved.file.empty())
        return version::md5OfBytes(resolved.bytes);
    return version::md5OfFile(resolved.file, progress);
}

Result<ExplainedData> readExplainedData(const std::string &source, table::ReadOptions options,
                                        const Progress &progress)
{
    auto resolved = version::resolveDataset(version::parseDatasetRef(source), progress);
    if (!resolved)
        return resolved.error();
    auto md5 = explainedDataMd5(*resolved, progress);
    if (!md5)
        return md5.error();
    auto read = version::readResolvedDataset(*resolved, std::move(options), progress);
    if (!read)
        return read.error();
    return ExplainedData{std::move(read->table), std::move(*md5)};
}

} // namespace assay::explain
