#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "table/column_type.h"
#include "table/reader.h"
#include "table/table.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay::version {
struct DatasetRef;
}

namespace assay::stats {

// The quantiles every numeric column reports, in this order.
inline constexpr std::array<double, 7> kProfileQuantiles = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};
inline constexpr std::size_t kHistogramBins = 20;
inline constexpr std::size_t kTopValues = 10;
// Distinct values are counted exactly (and their counts kept) up to this many per column;
// beyond it distinct is estimated (within 2%) and top values are approximate.
inline constexpr std::size_t kExactDistinctLimit = 100'000;

struct Histogram {
    std::vector<double> edges;          // kHistogramBins + 1 equal-width edges, min..max
    std::vector<std::uint64_t> counts;  // kHistogramBins counts; the last bin includes max
};

struct ValueCount {
    std::string value; // as Column::format() writes it ("true", "3", "2024-01-05T00:00:00Z", ...)
    std::uint64_t count = 0;
};

// What one column looks like. Fields that do not apply to the column's type stay empty.
// Exact whatever the size: count, missing, mean/std (up to rounding), min, max, zeros,
// avgLength, datetimeMin/Max. Exact while distinct <= kExactDistinctLimit, estimated beyond:
// distinct (HyperLogLog, within 2%), quantiles and histogram (sketch, rank error <= 0.005),
// top (Misra-Gries heavy hitters: counts are lower bounds, off by at most count / 4097).
// The type is the widest over all chunks: int + float -> float, any other mix -> string, a
// chunk without values changes nothing; values of a narrower type count as Column::format()
// writes them (3 -> "3", 2.50 -> "2.5").
struct ColumnProfile {
    std::string name;
    table::ColumnType type = table::ColumnType::String;
    std::uint64_t count = 0;   // non-missing values
    std::uint64_t missing = 0;

    // Numbers (int, float; bool: mean is the share of true) and datetimes (min/max only, in ns).
    std::optional<double> mean;
    std::optional<double> std;  // sample standard deviation (n - 1); empty when count < 2
    std::optional<double> min;
    std::optional<double> max;
    std::optional<std::uint64_t> zeros;
    std::vector<double> quantiles; // empty, or one value per kProfileQuantiles entry
    Histogram histogram;           // empty edges when the column has no numeric values
    // True when quantiles and histogram come from every value (distinct <= kExactDistinctLimit);
    // false when they come from the quantile sketch (rank error <= 0.005).
    bool quantilesExact = true;
    // Datetimes: min and max exactly, in ns since the Unix epoch (min/max above are rounded).
    std::optional<std::int64_t> datetimeMin;
    std::optional<std::int64_t> datetimeMax;

    // Every type: distinct non-missing values; exact when distinctExact.
    std::uint64_t distinct = 0;
    bool distinctExact = true;
    // Strings: mean length in characters (code points, as pandas' str.len()).
    // Strings and bools: the most frequent values.
    std::optional<double> avgLength;
    std::vector<ValueCount> top; // at most kTopValues, by count descending then value (bytewise)

    // Every value with its count, when distinct <= kExactDistinctLimit (else empty);
    // validation uses it for domains and unexpected values. Numbers and datetimes in
    // ascending order; strings and bools most frequent first, ties by value (top is a prefix).
    std::vector<ValueCount> valueCounts;
};

struct DatasetProfile {
    std::string source; // display name of what was profiled
    std::uint64_t rows = 0;
    std::vector<ColumnProfile> columns;

    const ColumnProfile *column(std::string_view name) const;
};

// Accumulates a profile chunk by chunk with memory that does not grow with rows. Two
// builders over consecutive parts of the same data merge into the builder of the whole.
class ProfileBuilder {
public:
    ProfileBuilder();
    ~ProfileBuilder();
    ProfileBuilder(ProfileBuilder &&) noexcept;
    ProfileBuilder &operator=(ProfileBuilder &&) noexcept;

    // Adds a chunk; its columns must have the names (in order) of the first chunk added.
    Status add(const table::Table &chunk);
    // Folds `other` (the profile of the rows after this builder's) into this one.
    Status merge(ProfileBuilder &&other);
    DatasetProfile finish(std::string source) const;

    // Columns that became strings only after more than kExactDistinctLimit distinct numbers
    // or datetimes: their earlier values are no longer all known, so their string profile
    // would be approximate. profileFile() reads the data again with them in textColumns.
    std::vector<std::string> columnsNeedingText() const;
    // A builder that profiles the named columns as text from the first chunk on.
    static ProfileBuilder withTextColumns(std::vector<std::string> textColumns);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

DatasetProfile profileTable(const table::Table &table, std::string source = {});
Result<DatasetProfile> profileFile(const std::filesystem::path &path,
                                   const table::ReadOptions &options = {},
                                   const Progress &progress = {});
// A file or a tracked dataset at a git revision ("data/credit.csv@HEAD~1").
Result<DatasetProfile> profileDataset(const version::DatasetRef &ref,
                                      const table::ReadOptions &options = {},
                                      const Progress &progress = {});

} // namespace assay::stats
