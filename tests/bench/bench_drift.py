#!/usr/bin/python3
"""Benchmark: `assay drift REF CUR --json` against pandas + scipy doing the same tests.

Usage: /usr/bin/python3 tests/bench/bench_drift.py BUILD_DIR [--rows N] [--runs K]

The reference is bench_table_read's 1M x 20 file in $TMPDIR/assay-bench/ (generated if
missing); the current side is the same generator with another seed and drifted values
(numbers shifted and scaled, categories re-weighted), written beside it once. Both
processes read both CSVs and run the auto tests per column (> 1000 reference rows:
wasserstein normed by the reference std for numbers with more than 5 distinct values,
else jensenshannon over category shares). Runs alternate; prints medians and the ratio.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_table_read  # noqa: E402  (the shared 1M x 20 generator)

SCIPY_CHILD = r"""
import json, sys, time
start = time.perf_counter()
import numpy as np, pandas as pd
from scipy import stats
from scipy.spatial import distance
ref = pd.read_csv(sys.argv[1]); cur = pd.read_csv(sys.argv[2])
results = {}
for name in ref.columns:
    r = ref[name].dropna(); c = cur[name].dropna()
    numeric = pd.api.types.is_numeric_dtype(r) and not pd.api.types.is_bool_dtype(r)
    if numeric and r.nunique() > 5:
        value = stats.wasserstein_distance(r, c) / max(np.std(r), 0.001)
        test = "wasserstein"
    else:
        keys = sorted(set(r.unique()) | set(c.unique()))
        rc = r.value_counts().reindex(keys, fill_value=0).to_numpy(float)
        cc = c.value_counts().reindex(keys, fill_value=0).to_numpy(float)
        value = distance.jensenshannon(rc, cc, base=2)
        test = "jensenshannon"
    results[name] = [test, float(value)]
print(json.dumps({"seconds": time.perf_counter() - start, "columns": results}))
"""


def generate_current(reference_path, path, rows):
    import numpy as np
    import pandas as pd

    temporary = path + ".partial"
    bench_table_read.generate(temporary + ".base", rows)
    frame = pd.read_csv(temporary + ".base")
    os.remove(temporary + ".base")
    rng = np.random.default_rng(777)
    for i in range(12):
        name = f"f{i + 1}"
        if i % 3 == 0:
            frame[name] = np.round(frame[name] * 1.3 + 2.0, 3)
    frame["age"] = np.clip(frame["age"] + rng.integers(0, 6, size=rows), 18, 95)
    city = frame["city"].to_numpy()
    city[rng.random(rows) < 0.2] = "cit_0"
    frame["city"] = city
    frame.to_csv(temporary, index=False, float_format="%.3f")
    os.replace(temporary, path)


def timed(command):
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"{command[0]} failed ({done.returncode}): {done.stderr}")
    return seconds, json.loads(done.stdout)


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    build_dir = sys.argv[1]
    rows = int(sys.argv[sys.argv.index("--rows") + 1]) if "--rows" in sys.argv else 1_000_000
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    assay = os.path.join(build_dir, "app", "assay")

    directory = os.path.join(tempfile.gettempdir(), "assay-bench")
    os.makedirs(directory, exist_ok=True)
    reference = os.path.join(directory, f"table_{rows}x20.csv")
    current = os.path.join(directory, f"table_{rows}x20_drifted.csv")
    if not os.path.exists(reference):
        print(f"generating {reference} ...", file=sys.stderr)
        bench_table_read.generate(reference, rows)
    if not os.path.exists(current):
        print(f"generating {current} ...", file=sys.stderr)
        generate_current(reference, current, rows)

    ours, theirs = [], []
    for _ in range(runs):
        seconds, ours_json = timed([assay, "drift", reference, current, "--json"])
        ours.append(seconds)
        seconds, theirs_json = timed([sys.executable, "-c", SCIPY_CHILD, reference, current])
        theirs.append(seconds)

    # Same tests and the same values, or the timing compares different work.
    worst = 0.0
    for column in ours_json["columns"]:
        test, value = theirs_json["columns"][column["name"]]
        if column["test"] != test:
            sys.exit(f"{column['name']}: assay ran {column['test']}, scipy {test}")
        worst = max(worst, abs(column["statistic"] - value) / max(abs(value), 1e-12))

    ours_median, theirs_median = statistics.median(ours), statistics.median(theirs)
    print(json.dumps({
        "reference": reference,
        "current": current,
        "file_mb_each": round(os.path.getsize(reference) / 1e6, 1),
        "cores": os.cpu_count(),
        "drifted_columns": ours_json["drifted_columns"],
        "max_relative_difference": worst,
        "assay_median_s": round(ours_median, 3),
        "pandas_scipy_median_s": round(theirs_median, 3),
        "speedup": round(theirs_median / ours_median, 2),
        "assay_runs_s": [round(s, 3) for s in ours],
        "pandas_scipy_runs_s": [round(s, 3) for s in theirs],
    }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
