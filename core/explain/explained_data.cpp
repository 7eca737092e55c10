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

} // namespace assay::explain
