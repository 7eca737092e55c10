#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace assay::drift {

// Counts of the same categories on both sides (the union of both; a category one side
// lacks counts 0 there), in a fixed order: ascending value for numbers, byte order for text.
struct CategoryCounts {
    std::vector<std::string> labels;
    std::vector<std::uint64_t> reference;
    std::vector<std::uint64_t> current;

    std::size_t size() const { return labels.size(); }
    std::uint64_t referenceTotal() const;
    std::uint64_t currentTotal() const;
};

// What a test over category counts found.
struct CategoryTestResult {
    double statistic = 0;
    double pValue = 1;  // NaN when the test is undefined (e.g. chi-square over one category)
    std::string detail; // e.g. the category whose share changed most
};

} // namespace assay::drift
