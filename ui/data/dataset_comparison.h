#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "table/table.h"
#include "version/dataset_ref.h"
#include "version/table_diff.h"

#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace assay::ui {

// Two tables and what diffTables() found between them: what the diff view shows.
// Immutable once built (off the GUI thread), so models share it without copying.
struct DatasetComparison {
    std::shared_ptr<const table::Table> a;
    std::shared_ptr<const table::Table> b;
    QString nameA; // "data/credit.csv@3f2a9c1"
    QString nameB;
    std::vector<std::string> keyColumns; // empty: whole rows compared as multisets
    std::size_t limit = 0;               // the DiffOptions::limit the diff ran with
    version::TableDiff diff;

    std::uint64_t changeCount() const { return diff.added + diff.removed + diff.modified; }
    bool isTruncated() const { return diff.changes.size() < changeCount(); }
};

// What to compare. A side whose table is already loaded passes it as `cached` and is not
// read again (changing the key only reruns the diff).
struct ComparisonRequest {
    struct Side {
        version::DatasetRef ref;
        QString name;
        std::shared_ptr<const table::Table> cached;
    };
    Side a;
    Side b;
    std::optional<std::vector<std::string>> keys; // nullopt: defaultKeyColumn()
    std::size_t limit = 200'000;
};

// Reads both sides (unless cached) and diffs them; runs on a worker thread.
Result<std::shared_ptr<const DatasetComparison>> compareDatasets(const ComparisonRequest &request,
                                                                 const Progress &progress = {});

// The columns of `a` that `b` has too, in A's order.
std::vector<std::string> sharedColumnNames(const table::Table &a, const table::Table &b);

// The key a user would pick: the first shared column named "id" or "*_id" whose values
// are present and unique in both tables (int or string); nullopt when there is none.
std::optional<std::string> defaultKeyColumn(const table::Table &a, const table::Table &b);

} // namespace assay::ui
