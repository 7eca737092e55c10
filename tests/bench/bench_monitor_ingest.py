#!/usr/bin/python3
"""Benchmark: `assay monitor ingest LOG --model m --json` against pandas.read_json(lines=True).

Usage: /usr/bin/python3 tests/bench/bench_monitor_ingest.py BUILD_DIR [--rows N] [--runs K]

Generates N (1,000,000) flat JSON lines once in $TMPDIR/assay-bench/: an ISO timestamp, an
id, 20 features (16 numbers, 4 categories) and a prediction. A template workspace holds a
logistic model trained on 2,000 rows of the same features, with its monitor created; each run
ingests into a fresh copy of it (so every row is new). pandas reads the same file as the
reference. Runs alternate; prints medians in lines/s and the ratio.
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

NUMBERS = [f"f{i + 1}" for i in range(16)]
CATEGORIES = {"city": 40, "segment": 5, "channel": 3, "plan": 8}

PANDAS_CHILD = r"""
import sys, time
start = time.perf_counter()
import pandas as pd
frame = pd.read_json(sys.argv[1], lines=True)
print(len(frame), time.perf_counter() - start)
"""


def rows(count, seed):
    import numpy as np

    rng = np.random.default_rng(seed)
    numbers = np.round(rng.normal(size=(count, len(NUMBERS))) * 10, 3)
    categories = {name: rng.integers(0, size, size=count) for name, size in CATEGORIES.items()}
    scores = np.round(rng.random(count), 4)
    return numbers, categories, scores


def generate_log(path, count):
    numbers, categories, scores = rows(count, 11)
    start = 1717372800
    temporary = path + ".partial"
    with open(temporary, "w") as out:
        for i in range(count):
            seconds = start + i * 3
            record = {"timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds)), "id": f"r{i}"}
            for j, name in enumerate(NUMBERS):
                record[name] = float(numbers[i, j])
            for name in CATEGORIES:
                record[name] = f"{name}_{categories[name][i]}"
            record["prediction"] = float(scores[i])
            out.write(json.dumps(record, separators=(",", ":")) + "\n")
    os.replace(temporary, path)


def make_template(assay, folder):
    numbers, categories, _ = rows(2000, 5)
    data = os.path.join(folder, "train.csv")
    os.makedirs(folder)
    with open(data, "w") as out:
        out.write(",".join(NUMBERS + list(CATEGORIES) + ["y"]) + "\n")
        for i in range(2000):
            cells = [str(v) for v in numbers[i]] + [f"{n}_{categories[n][i]}" for n in CATEGORIES]
            out.write(",".join(cells + [str(int(numbers[i, 0] + numbers[i, 1] > 0))]) + "\n")
    for command in (["init", folder], ["train", "--data", "train.csv", "--target", "y", "--model", "logreg",
                                       "--name", "m", "--seed", "1"]):
        subprocess.run([assay] + command, cwd=folder, check=True, capture_output=True)
    empty = os.path.join(folder, "empty.jsonl")
    open(empty, "w").close()
    subprocess.run([assay, "monitor", "ingest", empty, "--model", "m"], cwd=folder, check=True, capture_output=True)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build = os.path.abspath(sys.argv[1])
    count = int(sys.argv[sys.argv.index("--rows") + 1]) if "--rows" in sys.argv else 1_000_000
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    assay = os.path.join(build, "app", "assay")
    cache = os.path.join(os.environ.get("TMPDIR", "/tmp"), "assay-bench")
    os.makedirs(cache, exist_ok=True)
    log = os.path.join(cache, f"monitor_log_{count}.jsonl")
    if not os.path.exists(log):
        generate_log(log, count)

    with tempfile.TemporaryDirectory() as scratch:
        template = os.path.join(scratch, "template")
        make_template(assay, template)
        ours, theirs = [], []
        for run in range(runs):
            workspace = os.path.join(scratch, f"run{run}")
            shutil.copytree(template, workspace)
            start = time.perf_counter()
            done = subprocess.run([assay, "monitor", "ingest", log, "--model", "m", "--json"], cwd=workspace,
                                  capture_output=True, text=True)
            seconds = time.perf_counter() - start
            if done.returncode != 0:
                sys.exit(f"assay failed ({done.returncode}): {done.stderr}")
            report = json.loads(done.stdout)
            if report["rows"] != count or report["bad_lines"] != 0:
                sys.exit(f"assay stored {report['rows']} rows, {report['bad_lines']} bad lines")
            ours.append(seconds)
            shutil.rmtree(workspace)

            start = time.perf_counter()
            done = subprocess.run(["/usr/bin/python3", "-c", PANDAS_CHILD, log], capture_output=True, text=True)
            theirs.append(time.perf_counter() - start)
            if done.returncode != 0 or int(done.stdout.split()[0]) != count:
                sys.exit(f"pandas failed: {done.stderr}")

    ours_median, theirs_median = statistics.median(ours), statistics.median(theirs)
    print(f"lines: {count:,} flat JSON lines, 20 features (median of {runs})")
    print(f"assay monitor ingest        {ours_median:7.2f} s  {count / ours_median:>12,.0f} lines/s")
    print(f"pandas read_json(lines=True) {theirs_median:6.2f} s  {count / theirs_median:>12,.0f} lines/s")
    print(f"ratio (pandas / assay)      {theirs_median / ours_median:7.2f}x")


if __name__ == "__main__":
    main()
