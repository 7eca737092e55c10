#pragma once

#include "common/result.h"

#include <filesystem>
#include <string>

namespace assay::version {

// The url of the default remote named in `.dvc/config.local` or `.dvc/config`
// (configobj INI: `[core]` `remote = NAME`, then `['remote "NAME"']` `url = URL`).
// Errors say which key is missing.
Result<std::string> defaultRemoteUrl(const std::filesystem::path &root);

} // namespace assay::version
