#pragma once

#include "common/result.h"
#include "govern/private_stats.h"

#include <cstdint>
#include <string>
#include <vector>

namespace assay::workspace {
class Workspace;
}

namespace assay::govern {

// The privacy ledger: every noisy release of a dataset is charged to the dataset's (ε, δ)
// budget under basic sequential composition (spent ε = Σ ε, spent δ = Σ δ). The budget
// belongs to the dataset's path, whatever revision a release read: versions of one dataset
// describe the same people. Datasets are named as the CLI takes them ("data/credit.csv",
// "data/credit.csv@v1"), relative to the working directory; the ledger keys them by their
// path relative to the workspace root.
struct PrivacyBudget {
    std::string dataset; // the ledger key
    bool set = false;    // false: no budget yet, every release is refused
    double epsilon = 0;
    double delta = 0;
    double spentEpsilon = 0;
    double spentDelta = 0;
    std::int64_t releases = 0;
};

// One row of the ledger.
struct PrivacyReleaseRecord {
    std::int64_t id = 0;
    std::string dataset;
    std::string revision; // the revision the release read; empty for the working tree
    std::string dataMd5;
    std::string statistic;
    std::string column;
    std::string mechanism;
    double epsilon = 0;
    double delta = 0;
    double sensitivity = 0; // L1 for Laplace, L2 for Gaussian (the sum's for a mean)
    std::int64_t timeMs = 0;
    std::string actor;
    std::string resultJson; // privateStatResultToJson plus "revision"
};

struct PrivacyRelease {
    PrivacyReleaseRecord record;
    PrivateStatResult result;
    PrivacyBudget budget; // after this release
};

// The ledger key of a dataset as the user names it; InvalidInput when it lies outside the
// workspace.
Result<std::string> privacyDatasetKey(const workspace::Workspace &workspace,
                                      const std::string &dataset);

// The budget and what has been spent (set = false when no budget was set).
Result<PrivacyBudget> privacyBudget(workspace::Workspace &workspace, const std::string &dataset);

// Sets (or changes) the budget: ε > 0, 0 ≤ δ < 1, else InvalidInput. A budget lower than
// what is already spent is allowed and stops further releases. Needs ReleasePrivateStatistic;
// appends a "privacy.budget" audit entry with the old and new values.
Result<PrivacyBudget> setPrivacyBudget(workspace::Workspace &workspace, const std::string &dataset,
                                       double epsilon, double delta);

// Every release of the dataset, oldest first.
Result<std::vector<PrivacyReleaseRecord>> privacyLedger(workspace::Workspace &workspace,
                                                        const std::string &dataset);

// Computes the noisy statistic and records it. Needs ReleasePrivateStatistic. Refused
// (Error::refused, nothing recorded, nothing returned) when the dataset has no budget or
// the release would spend more ε or δ than is left (a relative slack of 1e-9 absorbs rounding
// in Σ ε). The budget check, the ledger insert and the "privacy.release" audit entry happen
// in one immediate transaction, so concurrent releases cannot overspend. Bad requests
// (checkPrivateStatRequest), unknown columns and unreadable data are InvalidInput/NotFound.
Result<PrivacyRelease> releasePrivateStatistic(workspace::Workspace &workspace,
                                               const std::string &dataset,
                                               const PrivateStatRequest &request);

} // namespace assay::govern
