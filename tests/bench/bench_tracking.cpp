// Logs metric points through TrackingStore::logMetrics (the batch API, one transaction per
// batch) into a fresh workspace and prints {"points", "batch", "seconds", "points_per_second"}.
// Target: >= 200k points/s. No reference tool is run for comparison.
// usage: bench_tracking [POINTS [BATCH]]   (defaults 1000000 and 10000)
#include "track/tracking_store.h"
#include "workspace/workspace.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

using namespace assay;

int main(int argc, char **argv)
{
    const long points = argc > 1 ? std::atol(argv[1]) : 1000000;
    const long batchSize = argc > 2 ? std::atol(argv[2]) : 10000;
    if (points <= 0 || batchSize <= 0) {
        std::fprintf(stderr, "usage: bench_tracking [POINTS [BATCH]]\n");
        return 2;
    }
    const auto root = std::filesystem::temp_directory_path() /
                      ("assay-bench-tracking-" + std::to_string(::getpid()));
    std::filesystem::remove_all(root);
    auto ws = workspace::Workspace::init(root);
    if (!ws) {
        std::fprintf(stderr, "%s\n", ws.error().message.c_str());
        return 2;
    }
    auto store = track::TrackingStore::open(*ws);
    auto runId = store->startRun({});
    if (!runId) {
        std::fprintf(stderr, "%s\n", runId.error().message.c_str());
        return 2;
    }
    std::vector<track::MetricPoint> batch(static_cast<std::size_t>(batchSize));
    const auto start = std::chrono::steady_clock::now();
    long logged = 0;
    while (logged < points) {
        const long count = std::min(batchSize, points - logged);
        batch.resize(static_cast<std::size_t>(count));
        for (long i = 0; i < count; ++i)
            batch[static_cast<std::size_t>(i)] = {logged + i, 1700000000000 + logged + i,
                                                  1.0 / double(logged + i + 1)};
        if (Status status = store->logMetrics(*runId, "loss", batch); !status) {
            std::fprintf(stderr, "%s\n", status.error().message.c_str());
            return 2;
        }
        logged += count;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const auto stored = store->metricHistory(*runId, "loss");
    const bool complete = stored && static_cast<long>(stored->size()) == points;
    std::printf("{\"points\": %ld, \"batch\": %ld, \"seconds\": %.3f, \"points_per_second\": "
                "%.0f, \"all_stored\": %s}\n",
                points, batchSize, seconds, double(points) / seconds, complete ? "true" : "false");
    std::filesystem::remove_all(root);
    return complete ? 0 : 1;
}
