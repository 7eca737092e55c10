#pragma once

#include "stats/profile.h"
#include "validate/schema.h"

#include <cstddef>

namespace assay::validate {

struct InferenceOptions {
    // A string column gets a domain when it has at most this many distinct values...
    std::size_t maxDomainSize = 20;
    // ...and each value appears on average at least this often, so a column of names or
    // ids in a small file does not become a category list.
    double minMeanCountPerValue = 2.0;
};

// A conservative schema that the profiled data itself satisfies (in TFDV's spirit):
// - type: the profiled type;
// - required when no value is missing; otherwise optional with min_presence = observed
//   presence rounded down to 2 decimals;
// - int/float: range = observed [min, max];
// - string: domain = the observed values (sorted), under the options' limits and only when
//   the profile counted values exactly;
// - row count: at least 1 row (unless the profiled data had none), no maximum.
Schema inferSchema(const stats::DatasetProfile &profile, const InferenceOptions &options = {});

} // namespace assay::validate
