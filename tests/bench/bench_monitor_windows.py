#!/usr/bin/python3
"""Benchmark: `assay monitor status --window rows:100000` against pandas + scipy doing the same
windowing and tests, and the peak memory of the assay process.

Usage: /usr/bin/python3 tests/bench/bench_monitor_windows.py BUILD_DIR [--rows N] [--runs K]

Generates once, in $TMPDIR/assay-bench/monitor-N/: a workspace with a logistic model trained on
50,000 rows x 20 features (16 numbers, 4 categories), and N logged rows (default 10,000,000) whose
later half drifts. The rows are written straight into monitor_rows with the feature codec's
bytes (varint position, kind, little-endian double or varint length + text) by this script, not
by `assay monitor ingest`, so the benchmark does not depend on the ingest; the same rows go to an
.npz file for the pandas side. Each assay run first empties monitor_results (the cache). The
pandas side reads the npz, cuts 100,000-row windows and runs per feature what assay's auto test
picks for a reference over 1000 rows: wasserstein_distance / reference std for numbers, and a
chi2 contingency and Jensen-Shannon for the categories. Prints both medians, the ratio and the
peak RSS of the assay process (/usr/bin/time).
"""
import argparse
import os
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import time

import numpy as np

FEATURES = 20
CATEGORIES = 4  # the last four features
WINDOW = 100_000

SCIPY_CHILD = r"""
import sys, time, json
start = time.perf_counter()
import numpy as np
from scipy import stats
from scipy.spatial import distance
data = np.load(sys.argv[1]); window = int(sys.argv[2])
ref = data["reference"]; logged = data["logged"]
numeric = ref.shape[1] - 4
drifted = []
for begin in range(0, logged.shape[0], window):
    cur = logged[begin:begin + window]
    count = 0
    for j in range(ref.shape[1]):
        r = ref[:, j]; c = cur[:, j]
        if j < numeric:
            value = stats.wasserstein_distance(r, c) / max(np.std(r), 0.001)
            count += value >= 0.1
        else:
            keys = np.union1d(r, c)
            rc = np.array([(r == k).sum() for k in keys], float)
            cc = np.array([(c == k).sum() for k in keys], float)
            stats.chi2_contingency(np.vstack([rc, cc]))
            count += distance.jensenshannon(rc, cc, base=2) >= 0.1
    drifted.append(int(count))
print(json.dumps({"seconds": time.perf_counter() - start, "drifted": drifted}))
"""


def varint(value):
    out = bytearray()
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def features(rng, rows, shift):
    numbers = rng.normal(0, 1, (rows, FEATURES - CATEGORIES)) + shift
    categories = rng.integers(0, 3 + int(shift > 0), (rows, CATEGORIES)).astype(float)
    return np.hstack([numbers, categories])


def generate(folder, assay, rows):
    if os.path.exists(os.path.join(folder, "done")):
        return
    os.makedirs(folder, exist_ok=True)
    ws = os.path.join(folder, "ws")
    subprocess.run([assay, "init", ws], check=True, stdout=subprocess.DEVNULL)
    rng = np.random.default_rng(42)
    reference = features(rng, 50_000, 0.0)
    y = (reference[:, 0] + reference[:, 1] + rng.normal(0, 1, 50_000) > 0).astype(int)
    names = [f"f{i + 1}" for i in range(FEATURES)]
    os.makedirs(os.path.join(ws, "data"))
    with open(os.path.join(ws, "data", "train.csv"), "w") as out:
        out.write(",".join(names) + ",y\n")
        for row, label in zip(reference, y):
            out.write(",".join(f"{v:.6g}" for v in row[:-CATEGORIES]) + "," +
                      ",".join(f"c{int(v)}" for v in row[-CATEGORIES:]) + f",{label}\n")
    subprocess.run([assay, "train", "--data", "data/train.csv", "--target", "y", "--model", "logreg",
                    "--name", "bench", "--seed", "1"], cwd=ws, check=True, stdout=subprocess.DEVNULL)
    db = sqlite3.connect(os.path.join(ws, ".assay", "assay.db"))
    db.execute("INSERT INTO monitors(name, model_ref, window, rules, generation, created_ms) "
               "VALUES ('bench', 'bench', 'rows:100000', '[]', 1, 0)")
    monitor = db.execute("SELECT id FROM monitors WHERE name = 'bench'").fetchone()[0]
    db.executemany("INSERT INTO monitor_features(monitor_id, position, name) VALUES (?, ?, ?)",
                   [(monitor, i, name) for i, name in enumerate(names)])
    logged = np.empty((rows, FEATURES))
    batch = 500_000
    for begin in range(0, rows, batch):
        count = min(batch, rows - begin)
        part = features(rng, count, 0.5 if begin >= rows // 2 else 0.0)
        logged[begin:begin + count] = part
        prefix = [varint(i) + b"\x01" for i in range(FEATURES - CATEGORIES)]
        texts = {v: b"\x02" + varint(2) + f"c{v}".encode() for v in range(4)}
        records = []
        for k in range(count):
            row = part[k]
            blob = b"".join(p + struct.pack("<d", row[i]) for i, p in enumerate(prefix))
            blob += b"".join(varint(FEATURES - CATEGORIES + j) + texts[int(row[FEATURES - CATEGORIES + j])]
                             for j in range(CATEGORIES))
            n = begin + k
            records.append((monitor, 1_700_000_000_000_000_000 + n * 1_000_000, 0.5, blob, n))
        db.executemany("INSERT INTO monitor_rows(monitor_id, ts_ns, score, features, line_hash) "
                       "VALUES (?, ?, ?, ?, ?)", records)
        db.commit()
        print(f"  stored {begin + count:,} rows", file=sys.stderr)
    db.close()
    np.savez(os.path.join(folder, "rows.npz"), reference=reference, logged=logged)
    open(os.path.join(folder, "done"), "w").close()


def run_assay(assay, ws):
    db = sqlite3.connect(os.path.join(ws, ".assay", "assay.db"))
    db.execute("DELETE FROM monitor_results")
    db.commit()
    db.close()
    # /usr/bin/time reports the peak of assay alone; a child forked from this script would count
    # the script's own pages (the generated rows) until it execs.
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", assay, "monitor", "status", "bench", "--window",
                           "rows:100000", "--json"], cwd=ws, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit("assay monitor status failed: " + done.stderr)
    return seconds, int(done.stderr.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build")
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    assay = os.path.abspath(os.path.join(args.build, "app", "assay"))
    folder = os.path.join(tempfile.gettempdir(), "assay-bench", f"monitor-{args.rows}")
    generate(folder, assay, args.rows)
    ws = os.path.join(folder, "ws")
    ours, theirs, peak = [], [], 0
    for _ in range(args.runs):
        seconds, rss = run_assay(assay, ws)
        ours.append(seconds)
        peak = max(peak, rss)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", SCIPY_CHILD, os.path.join(folder, "rows.npz"), str(WINDOW)],
                       check=True, capture_output=True)
        theirs.append(time.perf_counter() - start)
    db_bytes = os.path.getsize(os.path.join(ws, ".assay", "assay.db"))
    print(f"monitor windows: {args.rows:,} logged rows x {FEATURES} features, windows of {WINDOW:,} rows")
    print(f"  assay monitor status  median {statistics.median(ours):.2f} s   peak RSS {peak / 1024:.0f} MiB"
          f"   (log in the database: {db_bytes / 2**20:.0f} MiB)")
    print(f"  pandas + scipy        median {statistics.median(theirs):.2f} s (reading an .npz already in memory "
          f"form, no SQLite)")
    print(f"  ratio {statistics.median(theirs) / statistics.median(ours):.1f}x (target >= 5x)")


if __name__ == "__main__":
    main()
