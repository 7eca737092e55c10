#!/usr/bin/python3
"""Benchmark: `assay runs list --json` over 10,000 runs x 20 params x 20 metrics.

Usage: /usr/bin/python3 tests/bench/bench_runs_list.py BUILD_DIR [--runs N] [--repeat K]

Builds a workspace in $TMPDIR/assay-bench/runs-N/ with `assay init`, then fills the
migration-4 tables with plain SQL (Python's sqlite3): N runs in 5 experiments, each with
20 params, 20 tags-free metrics of 5 points each (latest_metrics filled), seeded. Then times
`assay runs list --json` K times (default 5) and prints the median; target under 1 s.
Also times a filtered and sorted listing for scale.
"""
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time


def arg(name, default):
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def build_workspace(assay, root, count):
    marker = os.path.join(root, ".bench-complete")
    if os.path.exists(marker):
        return
    subprocess.run(["rm", "-rf", root], check=True)
    os.makedirs(root)
    subprocess.run([assay, "init", root], check=True, capture_output=True)
    rng = random.Random(7)
    db = sqlite3.connect(os.path.join(root, ".assay", "assay.db"))
    with db:
        for e in range(5):
            db.execute("INSERT INTO experiments(name, created_ms) VALUES (?, ?)", (f"exp-{e}", 1700000000000))
        for i in range(count):
            run_id = f"{rng.getrandbits(128):032x}"
            start = 1700000000000 + i * 1000
            db.execute("INSERT INTO runs(run_id, experiment_id, name, status, start_ms, end_ms, user) "
                       "VALUES (?, ?, ?, 'FINISHED', ?, ?, 'bench')",
                       (run_id, 1 + i % 5, f"run-{i}", start, start + 500))
            db.executemany("INSERT INTO params(run_id, key, value) VALUES (?, ?, ?)",
                           [(run_id, f"param_{p:02d}", str(rng.randint(1, 100))) for p in range(20)])
            points, latest = [], []
            for m in range(20):
                for step in range(5):
                    points.append((run_id, f"metric_{m:02d}", step, start + step, rng.random()))
                latest.append(points[-1])
            db.executemany("INSERT INTO metrics(run_id, key, step, timestamp_ms, value) VALUES (?, ?, ?, ?, ?)",
                           points)
            db.executemany("INSERT INTO latest_metrics(run_id, key, step, timestamp_ms, value) "
                           "VALUES (?, ?, ?, ?, ?)", latest)
    db.close()
    open(marker, "w").close()


def timed(command):
    begin = time.perf_counter()
    done = subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - begin, done.stdout


def main():
    build = sys.argv[1]
    assay = os.path.join(build, "app", "assay")
    count = arg("--runs", 10000)
    repeat = arg("--repeat", 5)
    root = os.path.join(tempfile.gettempdir(), "assay-bench", f"runs-{count}")
    build_workspace(assay, root, count)
    base = [assay, "--workspace", root, "runs", "list", "--json"]
    times = []
    for _ in range(repeat):
        seconds, out = timed(base)
        times.append(seconds)
    listed = out.count(b'"run_id"')
    print(f"runs list --json: {count} runs x 20 params x 20 metrics, {listed} listed, "
          f"{len(out) / 1e6:.1f} MB: median {statistics.median(times):.3f} s of {repeat} "
          f"(target < 1 s)")
    filtered = [timed(base + ["--filter", "metrics.metric_00 > 0.5 and params.param_01 = '7'",
                              "--sort", "metrics.metric_03", "--desc"])[0] for _ in range(repeat)]
    print(f"runs list --json --filter … --sort …: median {statistics.median(filtered):.3f} s")


if __name__ == "__main__":
    main()
