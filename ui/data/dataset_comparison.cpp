#include "data/dataset_comparison.h"

#include "version/dataset_ref.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace assay::ui {

namespace {

bool looksLikeKey(const std::string &name)
{
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower == "id" || (lower.size() > 3 && lower.ends_with("_id"));
}

bool isUniqueKey(const table::Column &column)
{
    if (column.missingCount() > 0)
        return false;
    switch (column.type()) {
    case table::ColumnType::Int: {
        const std::unordered_set<std::int64_t> seen(column.ints().begin(), column.ints().end());
        return seen.size() == column.size();
    }
    case table::ColumnType::String: {
        const std::unordered_set<std::uint32_t> seen(column.codes().begin(), column.codes().end());
        return seen.size() == column.size();
    }
    default:
        return false;
    }
}

// Scales a sub-task's progress into [from, to] of the whole.
Progress slice(const Progress &progress, double from, double to)
{
    return Progress(
        [&progress, from, to](double fraction, std::string_view stage) {
            progress.report(from + fraction * (to - from), stage);
        },
        progress.token());
}

Result<std::shared_ptr<const table::Table>> readSide(const ComparisonRequest::Side &side,
                                                     const Progress &progress)
{
    if (side.cached)
        return side.cached;
    auto outcome = version::readDataset(side.ref, {}, progress);
    if (!outcome.ok())
        return outcome.error();
    return std::make_shared<const table::Table>(std::move(outcome->table));
}

} // namespace

std::vector<std::string> sharedColumnNames(const table::Table &a, const table::Table &b)
{
    std::vector<std::string> names;
    for (const table::Column &column : a.columns()) {
        if (b.indexOf(column.name()))
            names.push_back(column.name());
    }
    return names;
}

std::optional<std::string> defaultKeyColumn(const table::Table &a, const table::Table &b)
{
    for (const std::string &name : sharedColumnNames(a, b)) {
        if (!looksLikeKey(name))
            continue;
        if (isUniqueKey(a.column(*a.indexOf(name))) && isUniqueKey(b.column(*b.indexOf(name))))
            return name;
    }
    return std::nullopt;
}

Result<std::shared_ptr<const DatasetComparison>> compareDatasets(const ComparisonRequest &request,
                                                                 const Progress &progress)
{
    auto a = readSide(request.a, slice(progress, 0.0, 0.35));
    if (!a.ok())
        return a.error();
    auto b = readSide(request.b, slice(progress, 0.35, 0.7));
    if (!b.ok())
        return b.error();
    if (progress.isCancelled())
        return Error::cancelled();

    auto comparison = std::make_shared<DatasetComparison>();
    comparison->a = *a;
    comparison->b = *b;
    comparison->nameA = request.a.name;
    comparison->nameB = request.b.name;
    comparison->limit = request.limit;
    if (request.keys) {
        comparison->keyColumns = *request.keys;
    } else if (auto key = defaultKeyColumn(**a, **b)) {
        comparison->keyColumns = {*key};
    }
    auto diff = version::diffTables(**a, **b, {comparison->keyColumns, request.limit},
                                    slice(progress, 0.7, 1.0));
    if (!diff.ok())
        return diff.error();
    comparison->diff = std::move(*diff);
    return std::shared_ptr<const DatasetComparison>(std::move(comparison));
}

} // namespace assay::ui
