#include "version/dvc_layout.h"

#include "common/atomic_file.h"

namespace assay::version {

namespace {

constexpr std::string_view kDvcGitignore = "/config.local\n/tmp\n/cache\n";
constexpr std::string_view kDvcignore =
    "# Add patterns of files dvc should ignore, which could improve\n"
    "# the performance. Learn more at\n"
    "# https://dvc.org/doc/user-guide/dvcignore\n";

} // namespace

Result<std::vector<std::string>> ensureDvcLayout(const std::filesystem::path &root)
{
    std::vector<std::string> added;
    std::error_code error;
    std::filesystem::create_directories(root / ".dvc" / "tmp", error);
    if (error)
        return Error::io((root / ".dvc").string() + ": cannot create: " + error.message());

    const std::pair<std::string_view, std::string_view> files[] = {
        {".dvc/config", ""},
        {".dvc/.gitignore", kDvcGitignore},
        {".dvcignore", kDvcignore},
    };
    for (const auto &[relative, content] : files) {
        const auto path = root / relative;
        if (std::filesystem::exists(path))
            continue;
        ASSAY_TRY(writeFileAtomically(path, content));
        added.emplace_back(relative);
    }
    return added;
}

std::filesystem::path cacheObjectPath(const std::filesystem::path &root, const std::string &md5)
{
    return root / ".dvc" / "cache" / "files" / "md5" / md5.substr(0, 2) / md5.substr(2);
}

} // namespace assay::version
