#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "table/reader.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace assay::version {

// A dataset as the user names it: a path, optionally at a git revision ("data/credit.csv@HEAD~1",
// "data/credit.csv@v1.0", "data/credit.csv@3f2a9c1").
struct DatasetRef {
    std::string path;                    // as given (relative to the working directory or absolute)
    std::optional<std::string> revision; // any git revision git rev-parse accepts

    std::string display() const { return revision ? path + "@" + *revision : path; }
};

// Splits at the last '@' unless a file with the whole name exists.
DatasetRef parseDatasetRef(std::string_view text);

// Where the bytes of a dataset version are, ready to read: the working-tree file, or the
// DVC cache object named by `PATH.dvc` at the revision (verified against its md5), or the
// blob of a file git itself tracks at the revision (held in memory).
struct ResolvedDataset {
    std::filesystem::path file;  // read this file, unless it is empty
    std::string bytes;           // otherwise these bytes (a git blob)
    std::string displayName;     // "data/credit.csv@HEAD~1", for messages
    table::FileFormat format = table::FileFormat::Auto; // from the dataset's own extension
    std::string md5;             // empty when not known
};

// Resolves `ref` inside the git work tree that contains it. Errors name the path, the
// revision and what is missing (no such revision, no pointer at that revision, object not
// in the cache, object corrupted).
Result<ResolvedDataset> resolveDataset(const DatasetRef &ref, const Progress &progress = {});

// Reads a resolved dataset version into a Table.
Result<table::ReadOutcome> readResolvedDataset(const ResolvedDataset &resolved,
                                               table::ReadOptions options = {},
                                               const Progress &progress = {});

// Reads a dataset version into a Table (resolveDataset, then readResolvedDataset).
Result<table::ReadOutcome> readDataset(const DatasetRef &ref, table::ReadOptions options = {},
                                       const Progress &progress = {});

} // namespace assay::version
