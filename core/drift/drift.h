#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "drift/drift_test.h"
#include "table/column_type.h"
#include "table/reader.h"
#include "table/table.h"
#include "version/dataset_ref.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace assay::drift {

struct DriftOptions {
    DriftTest test = DriftTest::Auto;  // one test for every column, or Auto to choose per column
    std::optional<double> threshold;   // overrides the chosen test's default (0.05 p / 0.1 distance)
    double driftShare = 0.5;           // the dataset drifts when this share of tested columns drift
    std::vector<std::string> columns;  // compare only these (empty: every shared column)
    table::ReadOptions read;           // how both files are read
};

// What the Drift view overlays for one column, reference against current.
struct DriftDistribution {
    enum class Kind { None, Histogram, Categories };
    Kind kind = Kind::None;
    // Histogram: kHistogramBins + 1 shared equal-width edges spanning both samples (the
    // last bin includes the maximum); datetimes in ns.
    std::vector<double> edges;
    // Categories: most frequent first (reference + current counts), at most
    // kDistributionCategories; when there are more, the rest are summed into a last entry
    // labelled "(other)" and otherCategories says how many it holds.
    std::vector<std::string> categories;
    std::size_t otherCategories = 0;
    // Counts per bin or per category, the same length as the bins or categories.
    std::vector<std::uint64_t> reference;
    std::vector<std::uint64_t> current;
};

inline constexpr std::size_t kDistributionCategories = 20;

struct ColumnDrift {
    std::string name;
    table::ColumnType type = table::ColumnType::Float; // widened over both sides
    DriftTest test = DriftTest::None;  // None: not tested, `detail` says why
    double statistic = 0;              // the test's statistic or distance (may be +inf for chi2)
    std::optional<double> pValue;      // for ks, chi2 and z; empty for the distances or when undefined
    double threshold = 0;
    bool drifted = false;
    std::string detail;                // e.g. "exact p", "'north' 0.25 → 0.4", "no values in current"
    double referenceMissingShare = 0;  // missing / rows on each side; missing values are never tested
    double currentMissingShare = 0;
    std::uint64_t referenceValues = 0; // non-missing values compared
    std::uint64_t currentValues = 0;
    DriftDistribution distribution;

    // How strongly the column drifts on one scale for sorting: statistic / threshold for
    // the distances, threshold / p for the p-value tests (> 1 roughly when drifted); 0 untested.
    double severity() const;
};

struct DatasetDrift {
    std::string reference; // display names ("data/credit.csv@HEAD~1")
    std::string current;
    std::uint64_t referenceRows = 0;
    std::uint64_t currentRows = 0;
    std::vector<ColumnDrift> columns;       // shared columns in reference order
    std::vector<std::string> referenceOnly; // columns only the reference has (not tested)
    std::vector<std::string> currentOnly;
    std::size_t testedColumns = 0;          // columns whose test is not None
    std::size_t driftedColumns = 0;
    double driftShare = 0.5;                // the share that makes the dataset drift
    double shareOfDriftedColumns = 0;       // driftedColumns / testedColumns (0 when none tested)
    bool datasetDrift = false;              // testedColumns > 0 and share >= driftShare
};

// Compares every column both datasets share, streaming each side (file or PATH@REV) chunk
// by chunk. Errors (exit 2 in the CLI): either side unreadable or empty; no shared column;
// an option's column in neither side; a column numeric on one side and text on the other
// (the message names the column, both sides and both types); cancelled.
Result<DatasetDrift> computeDrift(const version::DatasetRef &reference, const version::DatasetRef &current,
                                  const DriftOptions &options, const Progress &progress = {});

// The same over tables already in memory (tests, the GUI); options.read is not used.
Result<DatasetDrift> computeDrift(const table::Table &reference, const table::Table &current,
                                  const DriftOptions &options, const Progress &progress = {});

} // namespace assay::drift
