#include "workspace/migrations.h"

#include <array>

namespace assay::workspace {

namespace {

constexpr std::string_view kSettings = R"sql(
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
INSERT INTO settings(key, value) VALUES
    ('workspace_id', lower(hex(randomblob(16)))),
    ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
)sql";

// Shape of table contents Assay has read, keyed by the content's md5, so history views can
// show rows and columns without reading every version again.
constexpr std::string_view kTableShapes = R"sql(
CREATE TABLE table_shapes (
    md5          TEXT PRIMARY KEY NOT NULL,
    row_count    INTEGER NOT NULL,
    column_count INTEGER NOT NULL
);
)sql";

// DVC-style state: the hash of a file as it was when its inode, size and mtime were these, so
// status and add never re-hash a file that did not change. One row per path and hash name.
constexpr std::string_view kHashState = R"sql(
CREATE TABLE hash_state (
    path      TEXT NOT NULL,
    hash_name TEXT NOT NULL,
    inode     INTEGER NOT NULL,
    size      INTEGER NOT NULL,
    mtime_ns  INTEGER NOT NULL,
    md5       TEXT NOT NULL,
    PRIMARY KEY (path, hash_name)
) WITHOUT ROWID;
)sql";

// Experiment tracking: experiments, runs and what they logged. Run ids are 32 hex digits
// (MLflow's are kept on import). SQLite stores a NaN double as NULL, so metric values keep
// NaN in `is_nan` (value 0 then), as MLflow's own schema does; ±inf are stored as they are.
constexpr std::string_view kTracking = R"sql(
CREATE TABLE experiments (
    experiment_id INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    created_ms    INTEGER NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE runs (
    run_id        TEXT PRIMARY KEY NOT NULL,
    experiment_id INTEGER NOT NULL REFERENCES experiments(experiment_id) ON DELETE CASCADE,
    name          TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL CHECK (status IN ('RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED')),
    start_ms      INTEGER,
    end_ms        INTEGER,
    user          TEXT NOT NULL DEFAULT '',
    git_commit    TEXT,
    git_dirty     INTEGER,
    command       TEXT,
    parent_run_id TEXT REFERENCES runs(run_id) ON DELETE SET NULL,
    deleted       INTEGER NOT NULL DEFAULT 0,
    origin        TEXT NOT NULL DEFAULT 'assay' -- 'assay', or 'mlflow' when imported
);
CREATE INDEX runs_by_experiment ON runs(experiment_id, start_ms);
CREATE INDEX runs_by_parent ON runs(parent_run_id);
CREATE TABLE params (
    run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
    key    TEXT NOT NULL,
    value  TEXT NOT NULL,
    PRIMARY KEY (run_id, key)
) WITHOUT ROWID;
CREATE TABLE tags (
    run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
    key    TEXT NOT NULL,
    value  TEXT NOT NULL,
    PRIMARY KEY (run_id, key)
) WITHOUT ROWID;
CREATE TABLE metrics (
    run_id       TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
    key          TEXT NOT NULL,
    step         INTEGER NOT NULL,
    timestamp_ms INTEGER NOT NULL,
    value        REAL NOT NULL,
    is_nan       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX metrics_by_run_key ON metrics(run_id, key, step);
CREATE TABLE latest_metrics (
    run_id       TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
    key          TEXT NOT NULL,
    step         INTEGER NOT NULL,
    timestamp_ms INTEGER NOT NULL,
    value        REAL NOT NULL,
    is_nan       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, key)
) WITHOUT ROWID;
CREATE TABLE artifacts (
    run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
    path   TEXT NOT NULL,
    md5    TEXT NOT NULL DEFAULT '',
    size   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, path)
) WITHOUT ROWID;
CREATE TABLE dataset_inputs (
    run_id   TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
    name     TEXT NOT NULL,
    path     TEXT NOT NULL,
    md5      TEXT NOT NULL DEFAULT '',
    revision TEXT NOT NULL DEFAULT '',
    context  TEXT NOT NULL DEFAULT 'training',
    PRIMARY KEY (run_id, name, context)
) WITHOUT ROWID;
)sql";

// Governance. The audit log is a hash chain: each entry's hash is SHA-256 over the previous
// entry's hash and the entry's canonical bytes (core/govern/audit_log.h), so an edit, a
// deletion, an insertion or a reordering breaks the chain at the first entry touched.
// Checkpoints sign (seq, hash) with an Ed25519 key kept outside the workspace.
// Users map OS logins to roles; approver and admin need an argon2id password.
// The registry numbers versions per model name; every stage change is kept with its reason
// and the gate's checks. Model cards and gates are JSON documents owned by their modules.
// The privacy ledger holds every noisy release against a dataset's (epsilon, delta) budget.
constexpr std::string_view kGovernance = R"sql(
CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,
    time      TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    object    TEXT NOT NULL DEFAULT '',
    outcome   TEXT NOT NULL,
    details   TEXT NOT NULL DEFAULT '{}',
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE INDEX audit_by_time ON audit_log(time);
CREATE TABLE audit_checkpoints (
    seq        INTEGER PRIMARY KEY,
    hash       TEXT NOT NULL,
    time       TEXT NOT NULL,
    public_key TEXT NOT NULL,
    signature  TEXT NOT NULL
);
CREATE TABLE users (
    name          TEXT PRIMARY KEY NOT NULL,
    os_user       TEXT UNIQUE,
    role          TEXT NOT NULL CHECK (role IN ('viewer', 'scientist', 'approver', 'admin')),
    password_hash TEXT,
    created_ms    INTEGER NOT NULL,
    created_by    TEXT NOT NULL DEFAULT '',
    disabled      INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE registered_models (
    name        TEXT PRIMARY KEY NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_ms  INTEGER NOT NULL,
    created_by  TEXT NOT NULL DEFAULT '',
    gate        TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE model_versions (
    name        TEXT NOT NULL REFERENCES registered_models(name) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    run_id      TEXT NOT NULL,
    model_md5   TEXT NOT NULL,
    git_commit  TEXT NOT NULL DEFAULT '',
    stage       TEXT NOT NULL DEFAULT 'none'
                CHECK (stage IN ('none', 'staging', 'production', 'archived')),
    description TEXT NOT NULL DEFAULT '',
    created_ms  INTEGER NOT NULL,
    created_by  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (name, version)
) WITHOUT ROWID;
CREATE TABLE model_aliases (
    name    TEXT NOT NULL REFERENCES registered_models(name) ON DELETE CASCADE,
    alias   TEXT NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (name, alias)
) WITHOUT ROWID;
CREATE TABLE stage_transitions (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    version    INTEGER NOT NULL,
    kind       TEXT NOT NULL DEFAULT 'stage',
    from_value TEXT NOT NULL DEFAULT '',
    to_value   TEXT NOT NULL,
    actor      TEXT NOT NULL,
    time_ms    INTEGER NOT NULL,
    reason     TEXT NOT NULL DEFAULT '',
    checks     TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX transitions_by_model ON stage_transitions(name, version, id);
CREATE TABLE model_cards (
    name       TEXT PRIMARY KEY NOT NULL,
    card       TEXT NOT NULL,
    updated_ms INTEGER NOT NULL,
    updated_by TEXT NOT NULL DEFAULT ''
);
CREATE TABLE privacy_budgets (
    dataset TEXT PRIMARY KEY NOT NULL,
    epsilon REAL NOT NULL,
    delta   REAL NOT NULL DEFAULT 0
);
CREATE TABLE privacy_releases (
    id          INTEGER PRIMARY KEY,
    dataset     TEXT NOT NULL,
    data_md5    TEXT NOT NULL DEFAULT '',
    statistic   TEXT NOT NULL,
    column_name TEXT NOT NULL DEFAULT '',
    mechanism   TEXT NOT NULL,
    epsilon     REAL NOT NULL,
    delta       REAL NOT NULL DEFAULT 0,
    sensitivity REAL NOT NULL,
    time_ms     INTEGER NOT NULL,
    actor       TEXT NOT NULL DEFAULT '',
    result      TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX releases_by_dataset ON privacy_releases(dataset, id);
)sql";

// Monitoring: a monitor watches one model's prediction logs against a reference dataset.
// Logged rows keep their features in a compact blob (monitor/feature_codec.h) keyed by the
// positions of monitor_features. Rows are clustered by time (windows read them in key order,
// and logs mostly append), and the key's line hash and item index within a batch make ingest
// idempotent: the same line gives the same time and hash. A line without a time of its own
// takes its neighbour's, so its hash is also kept in monitor_untimed_lines to be stored once. Labels arrive apart and are joined by record id when windows are read.
// Window results are cached per window spec and thrown away when the monitor's generation
// (bumped by every ingest that stores something, and by every configuration change) moves on.
constexpr std::string_view kMonitoring = R"sql(
CREATE TABLE monitors (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    model_ref  TEXT NOT NULL,
    reference  TEXT NOT NULL DEFAULT '',
    window     TEXT NOT NULL DEFAULT 'day',
    rules      TEXT NOT NULL DEFAULT '[]',
    generation INTEGER NOT NULL DEFAULT 0,
    created_ms INTEGER NOT NULL,
    created_by TEXT NOT NULL DEFAULT ''
);
CREATE TABLE monitor_features (
    monitor_id INTEGER NOT NULL REFERENCES monitors(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    PRIMARY KEY (monitor_id, position),
    UNIQUE (monitor_id, name)
);
CREATE TABLE monitor_sources (
    monitor_id  INTEGER NOT NULL REFERENCES monitors(id) ON DELETE CASCADE,
    path        TEXT NOT NULL,
    bytes       INTEGER NOT NULL,
    lines       INTEGER NOT NULL,
    bad_lines   INTEGER NOT NULL DEFAULT 0,
    ingested_ms INTEGER NOT NULL,
    PRIMARY KEY (monitor_id, path)
);
CREATE TABLE monitor_rows (
    monitor_id INTEGER NOT NULL REFERENCES monitors(id) ON DELETE CASCADE,
    ts_ns      INTEGER NOT NULL,
    line_hash  INTEGER NOT NULL,
    item       INTEGER NOT NULL DEFAULT 0,
    record_id  TEXT NOT NULL DEFAULT '',
    score      REAL,
    predicted  TEXT,
    features   BLOB NOT NULL,
    PRIMARY KEY (monitor_id, ts_ns, line_hash, item)
) WITHOUT ROWID;
CREATE TABLE monitor_untimed_lines (
    monitor_id INTEGER NOT NULL REFERENCES monitors(id) ON DELETE CASCADE,
    line_hash  INTEGER NOT NULL,
    item       INTEGER NOT NULL,
    PRIMARY KEY (monitor_id, line_hash, item)
) WITHOUT ROWID;
CREATE TABLE monitor_labels (
    monitor_id INTEGER NOT NULL REFERENCES monitors(id) ON DELETE CASCADE,
    record_id  TEXT NOT NULL,
    label      TEXT NOT NULL,
    ts_ns      INTEGER,
    PRIMARY KEY (monitor_id, record_id)
) WITHOUT ROWID;
CREATE TABLE monitor_results (
    monitor_id  INTEGER NOT NULL REFERENCES monitors(id) ON DELETE CASCADE,
    window      TEXT NOT NULL,
    generation  INTEGER NOT NULL,
    computed_ms INTEGER NOT NULL,
    report      TEXT NOT NULL,
    PRIMARY KEY (monitor_id, window)
);
)sql";

constexpr std::array kMigrations{
    Migration{1, kSettings},
    Migration{2, kTableShapes},
    Migration{3, kHashState},
    Migration{4, kTracking},
    Migration{5, kGovernance},
    Migration{6, kMonitoring},
};

} // namespace

std::span<const Migration> migrations()
{
    return kMigrations;
}

} // namespace assay::workspace
