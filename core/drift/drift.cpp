#include "drift/drift.h"

#include "common/parallel_for.h"
#include "drift/column_drift.h"
#include "drift/dataset_sample.h"

#include <algorithm>
#include <limits>

namespace assay::drift {

using table::ColumnType;

namespace {

// "numeric" (int, float), "datetime" or "categorical" (string, bool): the kinds that must agree.
const char *kindName(ColumnType type)
{
    switch (type) {
    case ColumnType::Int:
    case ColumnType::Float:
        return "numeric";
    case ColumnType::Datetime:
        return "datetime";
    default:
        return "categorical";
    }
}

bool contains(const std::vector<std::string> &names, const std::string &name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

Progress scaled(const Progress &outer, double from, double to)
{
    return Progress([outer, from, to](double fraction, std::string_view stage) {
        outer.report(from + (to - from) * fraction, stage);
    }, outer.token());
}

Status checkRequestedColumns(const DatasetSample &ref, const DatasetSample &cur, const DriftOptions &options)
{
    for (const auto &name : options.columns) {
        if (!contains(ref.columnNames, name) && !contains(cur.columnNames, name))
            return Error::invalidInput("unknown column '" + name + "': not in " + ref.displayName +
                                       " nor in " + cur.displayName);
    }
    return {};
}

Status checkKinds(const ColumnSample &a, const ColumnSample &b, const DatasetSample &ref,
                  const DatasetSample &cur)
{
    if (!a.type() || !b.type())
        return {};
    if (std::string_view(kindName(*a.type())) == kindName(*b.type()))
        return {};
    return Error::invalidInput("column '" + a.name() + "' is " + kindName(*a.type()) + " (" +
                               std::string(table::typeName(*a.type())) + ") in " + ref.displayName +
                               " but " + kindName(*b.type()) + " (" +
                               std::string(table::typeName(*b.type())) + ") in " + cur.displayName +
                               "; drift compares one kind per column");
}

} // namespace

Result<DatasetDrift> compareSamples(DatasetSample &ref, DatasetSample &cur, const DriftOptions &options,
                                    const Progress &progress)
{
    ASSAY_TRY(checkRequestedColumns(ref, cur, options));
    const auto wanted = [&](const std::string &name) {
        return options.columns.empty() || contains(options.columns, name);
    };
    DatasetDrift result;
    result.reference = ref.displayName;
    result.current = cur.displayName;
    result.referenceRows = ref.rows;
    result.currentRows = cur.rows;
    result.driftShare = options.driftShare;

    std::vector<std::pair<ColumnSample *, ColumnSample *>> shared;
    for (const auto &name : ref.columnNames) {
        if (!wanted(name))
            continue;
        if (contains(cur.columnNames, name))
            shared.emplace_back(ref.sample(name), cur.sample(name));
        else
            result.referenceOnly.push_back(name);
    }
    for (const auto &name : cur.columnNames) {
        if (wanted(name) && !contains(ref.columnNames, name))
            result.currentOnly.push_back(name);
    }
    if (shared.empty())
        return Error::invalidInput("no column to compare: " + ref.displayName + " and " + cur.displayName +
                                   " share no column" + (options.columns.empty() ? "" : " among --columns"));
    for (const auto &[a, b] : shared)
        ASSAY_TRY(checkKinds(*a, *b, ref, cur));

    progress.report(0, "testing columns");
    result.columns.resize(shared.size());
    std::atomic<std::size_t> done{0};
    parallelFor(shared.size(), [&](std::size_t i) {
        if (progress.isCancelled())
            return;
        result.columns[i] = compareColumn(*shared[i].first, *shared[i].second, options);
        progress.report(double(++done) / double(shared.size()), "testing columns");
    });
    if (progress.isCancelled())
        return Error::cancelled();

    for (const auto &column : result.columns) {
        result.testedColumns += column.test != DriftTest::None;
        result.driftedColumns += column.drifted;
    }
    if (result.testedColumns > 0)
        result.shareOfDriftedColumns = double(result.driftedColumns) / double(result.testedColumns);
    result.datasetDrift = result.testedColumns > 0 && result.shareOfDriftedColumns >= options.driftShare;
    return result;
}

double ColumnDrift::severity() const
{
    if (test == DriftTest::None)
        return 0;
    if (usesPValue(test)) {
        if (!pValue)
            return 0;
        return *pValue > 0 ? threshold / *pValue : std::numeric_limits<double>::infinity();
    }
    return threshold > 0 ? statistic / threshold : statistic;
}

Result<DatasetDrift> computeDrift(const version::DatasetRef &reference, const version::DatasetRef &current,
                                  const DriftOptions &options, const Progress &progress)
{
    progress.report(0, "reading reference");
    auto ref = sampleDataset(reference, options.read, options.columns, scaled(progress, 0.0, 0.45));
    if (!ref)
        return ref.error();
    progress.report(0.45, "reading current");
    auto cur = sampleDataset(current, options.read, options.columns, scaled(progress, 0.45, 0.9));
    if (!cur)
        return cur.error();
    return compareSamples(*ref, *cur, options, scaled(progress, 0.9, 1.0));
}

Result<DatasetDrift> computeDrift(const table::Table &reference, const table::Table &current,
                                  const DriftOptions &options, const Progress &progress)
{
    DatasetSample ref = sampleTable(reference, "reference", options.columns);
    DatasetSample cur = sampleTable(current, "current", options.columns);
    return compareSamples(ref, cur, options, progress);
}

} // namespace assay::drift
