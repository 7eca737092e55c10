#include "track/write_retry.h"

#include "workspace/database.h"

#include <algorithm>
#include <chrono>
#include <thread>

namespace assay::track {

namespace {

constexpr int kAttempts = 20;

bool isBusy(const Error &error)
{
    return error.kind == ErrorKind::Database &&
           (error.message.find("database is locked") != std::string::npos ||
            error.message.find("database is busy") != std::string::npos ||
            error.message.find("database table is locked") != std::string::npos);
}

} // namespace

Status writeWithRetry(workspace::Database &database, const std::function<Status()> &work)
{
    int pauseMs = 5;
    for (int attempt = 1;; ++attempt) {
        Status status = database.transaction(work);
        if (status.ok() || !isBusy(status.error()) || attempt == kAttempts)
            return status;
        std::this_thread::sleep_for(std::chrono::milliseconds(pauseMs));
        pauseMs = std::min(pauseMs * 2, 500);
    }
}

} // namespace assay::track
