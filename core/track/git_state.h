#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace assay::track {

// The git commit a run starts from and whether the work tree differed from it.
struct GitState {
    std::optional<std::string> commit; // unset outside a repository or before the first commit
    std::optional<bool> dirty;         // unset when it could not be determined
};

// Never fails: a folder outside git, or a git error, gives an empty state.
GitState gitStateOf(const std::filesystem::path &folder);

} // namespace assay::track
