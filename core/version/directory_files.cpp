#include "version/directory_files.h"

#include "version/dvcignore.h"

#include <algorithm>

namespace assay::version {

namespace fs = std::filesystem;

Result<std::vector<std::string>> listTrackedFolder(const fs::path &root,
                                                   const std::string &relativeDir,
                                                   const Progress &progress)
{
    const fs::path parent = fs::path(relativeDir).parent_path();
    auto ignore = DvcIgnore::load(root, parent.generic_string());
    if (!ignore)
        return ignore.error();

    std::vector<std::string> files;
    std::vector<std::string> pending{""}; // folders below relativeDir still to read
    while (!pending.empty()) {
        if (progress.isCancelled())
            return Error::cancelled();
        const std::string below = std::move(pending.back());
        pending.pop_back();
        const fs::path folder = root / relativeDir / below;
        std::error_code error;
        for (fs::directory_iterator it(folder, error), end; it != end; it.increment(error)) {
            if (error)
                break;
            const std::string name = it->path().filename().string();
            const std::string inner = below.empty() ? name : below + "/" + name;
            const std::string fromRoot = relativeDir + "/" + inner;
            std::error_code typeError;
            const bool isDirectory = it->is_directory(typeError);
            if (ignore->isIgnored(fromRoot, isDirectory))
                continue;
            if (name == ".dvcignore")
                return Error::invalidInput(fromRoot + ": a .dvcignore inside a tracked folder is "
                                                      "not allowed (DVC refuses it too); move its "
                                                      "rules to a folder above");
            if (isDirectory)
                pending.push_back(inner);
            else if (it->is_regular_file(typeError))
                files.push_back(inner);
        }
        if (error)
            return Error::io(folder.string() + ": cannot list: " + error.message());
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace assay::version
