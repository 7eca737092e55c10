#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "version/hash_state.h"
#include "version/tracked_outputs.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace assay::version {

enum class OutputState {
    Unchanged,      // the work tree matches the pointer and the cache holds the content
    Modified,       // the work tree differs from the pointer
    NotInWorkspace, // the data is missing from the work tree
    NotInCache,     // the work tree matches, but the cache lacks the object (or a file of it)
};

enum class FileChange { Added, Modified, Deleted };

struct FileStatus {
    std::string relativePath; // inside the tracked folder
    FileChange change = FileChange::Modified;
};

struct OutputStatus {
    TrackedOutput tracked;
    OutputState state = OutputState::Unchanged;
    std::string currentMd5;        // empty when the data is missing
    std::vector<FileStatus> files; // folders with `granular`, when the old manifest is cached
};

struct StatusReport {
    std::vector<OutputStatus> outputs;
    bool clean() const;
};

struct StatusOptions {
    bool granular = false;
    std::vector<std::string> paths; // empty: every tracked output
};

// "unchanged", "modified", "not in workspace", "not in cache".
std::string_view stateName(OutputState state);
std::string_view changeName(FileChange change);

// `dvc status` for the work tree: compares each output with its pointer, hashing only what
// `state` cannot vouch for; the learned hashes are saved to the state.
Result<StatusReport> dataStatus(const std::filesystem::path &root, HashState &state,
                                const StatusOptions &options = {}, const Progress &progress = {});

} // namespace assay::version
