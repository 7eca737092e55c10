#include "workspace/dataset_catalog.h"

#include "table/reader.h"
#include "version/dvc_pointer.h"

#include <algorithm>
#include <map>

namespace assay::workspace {

namespace {

namespace fs = std::filesystem;

bool isTableFile(const fs::path &path)
{
    return table::formatFromName(path.filename().string()) != table::FileFormat::Auto;
}

bool isSkippedFolder(const fs::path &name)
{
    return name == ".git" || name == ".dvc" || name == ".assay" || name == ".hg" ||
           name == "node_modules" || name == "__pycache__";
}

} // namespace

std::vector<DatasetEntry> findDatasets(const fs::path &root)
{
    std::map<std::string, DatasetEntry> byPath;
    std::error_code error;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error);
    for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
        const fs::path &path = it->path();
        if (it->is_directory(error)) {
            if (isSkippedFolder(path.filename()))
                it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file(error))
            continue;
        const std::string relative = fs::relative(path, root).generic_string();
        if (path.extension() == ".dvc") {
            auto pointer = version::readDvcFile(path);
            if (!pointer || pointer->nfiles)
                continue;
            const fs::path target = path.parent_path() / pointer->path;
            if (!isTableFile(target))
                continue;
            DatasetEntry &entry = byPath[fs::relative(target, root).generic_string()];
            entry.tracked = true;
            entry.md5 = pointer->md5;
            if (entry.sizeBytes == 0)
                entry.sizeBytes = pointer->size;
            entry.presentInWorkspace = fs::exists(target);
        } else if (isTableFile(path)) {
            DatasetEntry &entry = byPath[relative];
            entry.sizeBytes = it->file_size(error);
        }
    }

    std::vector<DatasetEntry> entries;
    entries.reserve(byPath.size());
    for (auto &[relative, entry] : byPath) {
        entry.relativePath = relative;
        entries.push_back(std::move(entry));
    }
    return entries;
}

} // namespace assay::workspace
