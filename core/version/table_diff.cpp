#include "version/table_diff.h"

#include "version/column_delta.h"
#include "version/row_hasher.h"
#include "version/row_index.h"

#include <algorithm>
#include <memory>
#include <unordered_set>

namespace assay::version {

namespace {

using table::Table;

constexpr std::size_t kCancelCheckRows = 1 << 16;

struct SharedColumns {
    std::vector<std::unique_ptr<SharedColumn>> owned; // in A's order
    std::vector<const SharedColumn *> all;
    std::vector<const SharedColumn *> hashable; // same type on both sides
};

SchemaDiff compareSchemas(const Table &a, const Table &b, SharedColumns &shared)
{
    SchemaDiff schema;
    for (const auto &column : a.columns()) {
        const auto inB = b.indexOf(column.name());
        if (!inB) {
            schema.removed.push_back(column.name());
            continue;
        }
        const auto &other = b.column(*inB);
        if (other.type() != column.type())
            schema.retyped.push_back({column.name(), column.type(), other.type()});
        shared.owned.push_back(std::make_unique<SharedColumn>(column, other));
        shared.all.push_back(shared.owned.back().get());
        if (other.type() == column.type())
            shared.hashable.push_back(shared.owned.back().get());
    }
    for (const auto &column : b.columns()) {
        if (!a.indexOf(column.name()))
            schema.added.push_back(column.name());
    }
    return schema;
}

std::string describeKey(const std::vector<const SharedColumn *> &keys, bool sideA, std::size_t row)
{
    std::string text;
    for (const SharedColumn *key : keys) {
        const auto &column = sideA ? key->a() : key->b();
        text += (text.empty() ? "" : ", ") + key->name() + "=" +
                (column.isMissing(row) ? std::string("<missing>") : column.format(row));
    }
    return text;
}

// Indexes one side's rows by key; the error names the first duplicate key.
Result<std::unique_ptr<RowIndex>> indexUniqueKeys(const std::vector<const SharedColumn *> &keys,
                                                  const std::vector<std::uint64_t> &hashes,
                                                  bool sideA, std::size_t rows,
                                                  const Progress &progress)
{
    // Comparators of each key column with itself, on the side being indexed.
    std::vector<SharedColumn> sameSide;
    sameSide.reserve(keys.size());
    for (const SharedColumn *key : keys)
        sameSide.emplace_back(sideA ? key->a() : key->b(), sideA ? key->a() : key->b());

    auto index = std::make_unique<RowIndex>(hashes, rows);
    for (std::size_t row = 0; row < rows; ++row) {
        if (row % kCancelCheckRows == 0 && progress.isCancelled())
            return Error::cancelled();
        const auto duplicate = index->find(hashes[row], [&](std::uint32_t other) {
            return std::all_of(sameSide.begin(), sameSide.end(),
                               [&](const SharedColumn &column) { return column.equal(other, row); });
        });
        if (duplicate) {
            return Error::invalidInput("key " + describeKey(keys, sideA, row) +
                                       " is not unique in " + (sideA ? "A" : "B") +
                                       ": data rows " + std::to_string(*duplicate + 1) + " and " +
                                       std::to_string(row + 1));
        }
        index->insert(static_cast<std::uint32_t>(row));
    }
    return index;
}

bool rowsEqual(const std::vector<const SharedColumn *> &columns, std::size_t rowA, std::size_t rowB)
{
    return std::all_of(columns.begin(), columns.end(),
                       [&](const SharedColumn *column) { return column->equal(rowA, rowB); });
}

void record(TableDiff &diff, const DiffOptions &options, RowChange change)
{
    if (diff.changes.size() < options.limit)
        diff.changes.push_back(std::move(change));
}

// Rows of A no row of B matched were removed.
void recordRemovals(const std::vector<bool> &matchedA, const DiffOptions &options, TableDiff &diff)
{
    for (std::size_t rowA = 0; rowA < matchedA.size(); ++rowA) {
        if (!matchedA[rowA]) {
            ++diff.removed;
            record(diff, options, {RowChange::Op::Remove, rowA, kNoRow, {}});
        }
    }
}

// Reports how far the pass over B got; false when the user cancelled.
bool reportComparing(const Progress &progress, std::size_t rowB, std::size_t rowsB)
{
    if (progress.isCancelled())
        return false;
    progress.report(0.3 + 0.6 * static_cast<double>(rowB) / static_cast<double>(rowsB),
                    "comparing rows");
    return true;
}

Status keyedDiff(const Table &a, const Table &b, const SharedColumns &shared,
                 const std::vector<const SharedColumn *> &keys, const DiffOptions &options,
                 const Progress &progress, TableDiff &diff)
{
    const auto hashesA = rowHashes(keys, true, a.rowCount());
    const auto hashesB = rowHashes(keys, false, b.rowCount());
    auto indexA = indexUniqueKeys(keys, hashesA, true, a.rowCount(), progress);
    if (!indexA)
        return indexA.error();
    auto indexB = indexUniqueKeys(keys, hashesB, false, b.rowCount(), progress);
    if (!indexB)
        return indexB.error();

    std::vector<bool> matchedA(a.rowCount(), false);
    for (std::size_t rowB = 0; rowB < b.rowCount(); ++rowB) {
        if (rowB % kCancelCheckRows == 0 && !reportComparing(progress, rowB, b.rowCount()))
            return Error::cancelled();
        const auto rowA = (*indexA)->find(hashesB[rowB], [&](std::uint32_t candidate) {
            return rowsEqual(keys, candidate, rowB);
        });
        if (!rowA) {
            ++diff.added;
            record(diff, options, {RowChange::Op::Add, kNoRow, rowB, {}});
            continue;
        }
        matchedA[*rowA] = true;
        if (diff.changes.size() >= options.limit) {
            // Past the listing limit only the count matters: stop at the first difference.
            rowsEqual(shared.all, *rowA, rowB) ? ++diff.unchanged : ++diff.modified;
            continue;
        }
        RowChange change{RowChange::Op::Modify, *rowA, rowB, {}};
        for (const SharedColumn *column : shared.all) {
            if (!column->equal(*rowA, rowB))
                change.changedColumns.push_back(column->name());
        }
        if (change.changedColumns.empty()) {
            ++diff.unchanged;
        } else {
            ++diff.modified;
            record(diff, options, std::move(change));
        }
    }
    recordRemovals(matchedA, options, diff);
    return {};
}

// Rows as multisets: each B row takes one equal, not yet taken A row; what is left over on
// either side was added or removed. Equal rows are grouped so duplicates cost nothing extra.
Status unkeyedDiff(const Table &a, const Table &b, const SharedColumns &shared,
                   const DiffOptions &options, const Progress &progress, TableDiff &diff)
{
    const auto hashesA = rowHashes(shared.hashable, true, a.rowCount());
    const auto hashesB = rowHashes(shared.hashable, false, b.rowCount());

    std::vector<SharedColumn> selfColumns;
    selfColumns.reserve(shared.all.size());
    for (const SharedColumn *column : shared.all)
        selfColumns.emplace_back(column->a(), column->a());

    // groupOf[row]: the first A row of its group of equal rows; nextInGroup chains the group.
    RowIndex distinctA(hashesA, a.rowCount());
    constexpr std::uint32_t kEnd = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> nextInGroup(a.rowCount(), kEnd);
    std::vector<std::uint32_t> groupTail(a.rowCount(), kEnd);
    std::vector<std::uint32_t> groupCursor(a.rowCount(), kEnd); // next unmatched row of a group
    for (std::size_t row = 0; row < a.rowCount(); ++row) {
        if (row % kCancelCheckRows == 0 && progress.isCancelled())
            return Error::cancelled();
        const auto head = distinctA.find(hashesA[row], [&](std::uint32_t other) {
            return std::all_of(selfColumns.begin(), selfColumns.end(),
                               [&](const SharedColumn &c) { return c.equal(other, row); });
        });
        const auto r = static_cast<std::uint32_t>(row);
        if (!head) {
            distinctA.insert(r);
            groupTail[r] = r;
            groupCursor[r] = r;
        } else {
            nextInGroup[groupTail[*head]] = r;
            groupTail[*head] = r;
        }
    }

    std::vector<bool> matchedA(a.rowCount(), false);
    for (std::size_t rowB = 0; rowB < b.rowCount(); ++rowB) {
        if (rowB % kCancelCheckRows == 0 && !reportComparing(progress, rowB, b.rowCount()))
            return Error::cancelled();
        const auto head = distinctA.find(hashesB[rowB], [&](std::uint32_t candidate) {
            return rowsEqual(shared.all, candidate, rowB);
        });
        if (head && groupCursor[*head] != kEnd) {
            matchedA[groupCursor[*head]] = true;
            groupCursor[*head] = nextInGroup[groupCursor[*head]];
            ++diff.unchanged;
        } else {
            ++diff.added;
            record(diff, options, {RowChange::Op::Add, kNoRow, rowB, {}});
        }
    }
    recordRemovals(matchedA, options, diff);
    return {};
}

} // namespace

Result<TableDiff> diffTables(const Table &a, const Table &b, const DiffOptions &options,
                             const Progress &progress)
{
    if (a.rowCount() >= std::numeric_limits<std::uint32_t>::max() ||
        b.rowCount() >= std::numeric_limits<std::uint32_t>::max())
        return Error::invalidInput("diff: tables over 4 billion rows are not supported");
    TableDiff diff;
    SharedColumns shared;
    diff.schema = compareSchemas(a, b, shared);

    std::vector<const SharedColumn *> keys;
    for (const std::string &name : options.keyColumns) {
        const auto it = std::find_if(shared.all.begin(), shared.all.end(),
                                     [&](const SharedColumn *c) { return c->name() == name; });
        if (it == shared.all.end()) {
            const char *side = a.indexOf(name) ? "B" : "A";
            return Error::invalidInput("key column '" + name + "' is not in " + side);
        }
        keys.push_back(*it);
    }
    progress.report(0.05, "indexing rows");
    Status compared = keys.empty() ? unkeyedDiff(a, b, shared, options, progress, diff)
                                   : keyedDiff(a, b, shared, keys, options, progress, diff);
    if (!compared.ok())
        return compared.error();

    progress.report(0.9, "column statistics");
    for (const SharedColumn *column : shared.all)
        diff.columns.push_back(columnDelta(column->a(), column->b()));
    progress.report(1.0, "done");
    return diff;
}

} // namespace assay::version
