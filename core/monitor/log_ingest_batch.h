#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace assay::monitor {

// One logged prediction ready to insert; its feature blob lives in IngestBatch::blobs.
struct PendingRow {
    std::int64_t timestampNs = 0;
    std::string id;
    std::optional<double> score;
    std::optional<std::string> predicted;
    std::uint32_t blobOffset = 0;
    std::uint32_t blobSize = 0;
    std::int64_t lineHash = 0;
    std::uint32_t item = 0;
    bool timed = true; // false: the time was borrowed from the previous row or the file
};

struct PendingLabel {
    std::string id;
    std::string label;
    std::optional<std::int64_t> timestampNs;
};

// What one transaction stores: parsed on the reading thread, written on the other.
struct IngestBatch {
    std::vector<PendingRow> rows;
    std::vector<PendingLabel> labels;
    std::string blobs;
    std::vector<std::pair<std::uint32_t, std::string>> newFeatures; // first used in this batch
    double fraction = 0; // of all input bytes read once this batch is stored

    std::size_t size() const { return rows.size() + labels.size(); }
    void clear()
    {
        rows.clear();
        labels.clear();
        blobs.clear();
        newFeatures.clear();
    }
};

} // namespace assay::monitor
