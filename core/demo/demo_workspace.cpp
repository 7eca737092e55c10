#include "demo/demo_workspace.h"

#include "common/atomic_file.h"
#include "demo/demo_card.h"
#include "demo/credit_data.h"
#include "demo/demo_explanations.h"
#include "demo/demo_models.h"
#include "demo/demo_monitoring.h"
#include "demo/demo_registry.h"
#include "demo/demo_sweep.h"
#include "stats/profile.h"
#include "validate/schema_inference.h"
#include "validate/schema_json.h"
#include "version/dvc_add.h"
#include "version/dvc_pointer.h"
#include "version/git_repository.h"
#include "version/table_shape_cache.h"
#include "workspace/workspace.h"

namespace assay::demo {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kReadme = R"(# Assay demo workspace

A credit-risk example made by `assay demo`. `data/credit.csv` holds loan applications with
a binary target `defaulted`; it is tracked DVC-style (`data/credit.csv.dvc`) and has two
versions in git history: the applications of January to March, and the window moved on to
March to May — the March applications stay (some loans have defaulted since), and two months
of a changed population arrive (older applicants, lower incomes, higher rates, a new purpose).

A schema inferred from the first quarter sits beside the data (data/credit.schema.json).

The tracking store holds a hyper-parameter sweep of a gradient-boosting model on the first
quarter: 64 runs (experiment `credit-default-gbm`, a few diverged and failed) and a five-fold
cross-validation (`credit-default-cv`, folds nested under their parent). Their learning curves
are simulated from the hyper-parameters, so the runs explorer has something realistic to show.

The model registry holds `credit-risk`: the boosted model (version 1, in production, alias
champion) and the logistic regression (version 2, alias challenger), whose promotion the gate
refused once the data had drifted: `assay registry show credit-risk`.

`monitoring/logs/` holds eight weeks of the production model's prediction logs (2026-W01 to
W08), in the shapes serving systems write them (flat JSON records, Fluentd lines, CloudEvents,
KServe V2, MLflow batches). The applicants drift from week 5 on; the true outcomes arrive as
separate label records days later, for the first six weeks. They are ingested into the monitor
`credit-risk` (weekly windows), whose reference is `monitoring/reference.csv`: the two weeks of
applications before go-live, held out from training. `assay monitor status`, or the Monitor
area of the workbench.

Open it with `assay-workbench .`, or try
`assay diff data/credit.csv@HEAD~1 data/credit.csv --key application_id`,
`assay drift data/credit.csv@HEAD~1 data/credit.csv` and
`assay validate data/credit.csv --schema data/credit.schema.json` and
`assay runs list --experiment credit-default-gbm --sort metrics.val_auc --desc`.
)";

// Fixed author and dates so the demo's commits have the same ids on every machine.
version::GitIdentity demoAuthor(std::int64_t time)
{
    return {"Assay Demo", "demo@assay.invalid", time, 0};
}

constexpr std::int64_t kFirstCommitTime = 1743465600;  // 2025-04-01T00:00:00Z
constexpr std::int64_t kSchemaCommitTime = 1743552000; // 2025-04-02T00:00:00Z
constexpr std::int64_t kSweepStartTime = 1743584400;  // 2025-04-02T09:00:00Z
constexpr std::int64_t kSecondCommitTime = 1751328000; // 2025-07-01T00:00:00Z

// The schema of the data as it is now, inferred from its profile, committed on its own.
Status commitSchema(const fs::path &root, version::GitRepository &repo, const Progress &progress)
{
    auto profile = stats::profileFile(root / "data/credit.csv", {}, progress);
    if (!profile)
        return profile.error();
    ASSAY_TRY(validate::saveSchema(validate::inferSchema(*profile), root / "data/credit.schema.json"));
    ASSAY_TRY(repo.stage({"data/credit.schema.json"}));
    auto commit = repo.commit("Add the schema of the credit applications", demoAuthor(kSchemaCommitTime));
    if (!commit)
        return commit.error();
    return {};
}

Status commitVersion(const fs::path &root, version::GitRepository &repo, CreditVintage vintage,
                     const DemoOptions &options, const std::string &message, std::int64_t time,
                     std::vector<std::string> extraFiles)
{
    const std::string dataset = "data/credit.csv";
    ASSAY_TRY(writeFileAtomically(root / dataset,
                                  generateCreditCsv(vintage, options.rows, options.seed)));
    auto added = version::addFile(root, dataset);
    if (!added)
        return added.error();
    if (auto shapes = version::TableShapeCache::near(root))
        shapes->remember(added->output.md5, options.rows, kCreditColumns);
    std::vector<std::string> toStage = std::move(extraFiles);
    toStage.insert(toStage.end(), added->changedFiles.begin(), added->changedFiles.end());
    ASSAY_TRY(repo.stage(toStage));
    auto commit = repo.commit(message, demoAuthor(time));
    if (!commit)
        return commit.error();
    return {};
}

// The sweep trains on the first quarter, at the commit that added its schema.
Status recordSweep(workspace::Workspace &workspace, version::GitRepository &repo,
                   const DemoOptions &options)
{
    auto head = repo.head();
    if (!head)
        return head.error();
    auto pointer = version::readDvcFile(workspace.root() / "data/credit.csv.dvc");
    if (!pointer)
        return pointer.error();
    SweepContext context;
    context.gitCommit = head->commit;
    context.datasetMd5 = pointer->md5;
    context.startMs = kSweepStartTime * 1000;
    context.seed = options.seed;
    return recordDemoSweep(workspace, context);
}

Status buildDemo(const fs::path &dir, const DemoOptions &options, const Progress &progress)
{
    // The demo has its own repository even when made inside someone's git project.
    if (auto repo = version::GitRepository::init(dir); !repo)
        return repo.error();
    auto workspace = workspace::Workspace::init(dir);
    if (!workspace)
        return workspace.error();
    const fs::path root = workspace->root();
    std::error_code error;
    fs::create_directories(root / "data", error);
    if (error)
        return Error::io((root / "data").string() + ": cannot create: " + error.message());
    ASSAY_TRY(writeFileAtomically(root / "README.md", kReadme));

    auto repo = version::GitRepository::open(root);
    if (!repo)
        return repo.error();
    progress.report(0.1, "first version");
    if (progress.isCancelled())
        return Error::cancelled();
    ASSAY_TRY(commitVersion(root, *repo, CreditVintage::Reference, options,
                            "Add credit applications, first quarter", kFirstCommitTime,
                            {".dvc/config", ".dvc/.gitignore", ".dvcignore", ".assay/.gitignore",
                             "README.md"}));
    progress.report(0.45, "schema");
    ASSAY_TRY(commitSchema(root, *repo, {}));
    progress.report(0.5, "experiment runs");
    ASSAY_TRY(recordSweep(*workspace, *repo, options));
    progress.report(0.55, "models");
    if (progress.isCancelled())
        return Error::cancelled();
    const Progress modelsProgress(
        [&progress](double fraction, std::string_view) { progress.report(0.55 + 0.25 * fraction, "models"); },
        progress.token());
    ASSAY_TRY(recordDemoModels(*workspace, options.seed, modelsProgress));
    ASSAY_TRY(repo->stage({kDemoModelTestsPath}));
    ASSAY_TRY(recordDemoRegistry(*workspace));
    progress.report(0.75, "production logs");
    if (progress.isCancelled())
        return Error::cancelled();
    auto monitoringFiles = recordDemoMonitoring(*workspace, options.seed);
    if (!monitoringFiles)
        return monitoringFiles.error();
    progress.report(0.8, "drifted version");
    if (progress.isCancelled())
        return Error::cancelled();
    // The production logs and the monitor's reference are committed with the drifted version.
    ASSAY_TRY(commitVersion(root, *repo, CreditVintage::Drifted, options,
                            "Move the application window on to March–May", kSecondCommitTime,
                            std::move(*monitoringFiles)));
    ASSAY_TRY(recordDemoRefusal(*workspace));
    // The models are explained on the data as it is now, so `assay explain ... --data
    // data/credit.csv` and the workbench find these results in the cache.
    progress.report(0.85, "explanations");
    if (progress.isCancelled())
        return Error::cancelled();
    const Progress explanationsProgress(
        [&progress](double fraction, std::string_view) { progress.report(0.85 + 0.15 * fraction, "explanations"); },
        progress.token());
    ASSAY_TRY(recordDemoExplanations(*workspace, explanationsProgress));
    ASSAY_TRY(writeDemoCard(*workspace));
    progress.report(1.0, "done");
    return {};
}

} // namespace

Status createDemoWorkspace(const fs::path &dir, const DemoOptions &options,
                           const Progress &progress)
{
    std::error_code error;
    if (fs::exists(dir) && !fs::is_empty(dir, error))
        return Error::invalidInput(dir.string() + ": folder is not empty; the demo needs a new "
                                                  "or empty folder");
    const bool folderExisted = fs::exists(dir);
    Status built = buildDemo(dir, options, progress);
    if (!built.ok()) {
        // Leave no half-made workspace behind: the folder is as it was, new or empty.
        if (folderExisted) {
            for (const auto &entry : fs::directory_iterator(dir, error))
                fs::remove_all(entry.path(), error);
        } else {
            fs::remove_all(dir, error);
        }
    }
    return built;
}

} // namespace assay::demo
