#!/usr/bin/python3
"""Benchmark: assay::table::readTable against pandas.read_csv on a 1M x 20 CSV.

Usage: /usr/bin/python3 tests/bench/bench_table_read.py BUILD_DIR [--rows N] [--runs K]

Generates the file deterministically (seeded) into $TMPDIR/assay-bench/ unless it exists:
1 int id, 12 float columns (one with 5% missing), 2 int columns, 4 categorical string
columns of 5-40 values and a 0/1 label; about 130 MB for 1M rows. Then runs our reader
(build/tests/bench/bench_table_read) and pandas.read_csv alternately, each in its own
process, and prints median seconds, the speed ratio and peak RSS relative to the file size.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile

PANDAS_CHILD = r"""
import resource, sys, time, json
import pandas as pd
start = time.perf_counter()
frame = pd.read_csv(sys.argv[1])
seconds = time.perf_counter() - start
print(json.dumps({"rows": len(frame), "cols": frame.shape[1], "seconds": seconds,
                  "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def generate(path, rows):
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(20240115)
    columns = {"id": np.arange(rows, dtype=np.int64)}
    for i in range(12):
        values = np.round(rng.normal(loc=i, scale=10.0, size=rows), 3)
        if i == 3:
            values[rng.random(rows) < 0.05] = np.nan
        columns[f"f{i + 1}"] = values
    columns["count"] = rng.integers(0, 1000, size=rows)
    columns["age"] = rng.integers(18, 90, size=rows)
    for name, cardinality in (("city", 40), ("segment", 5), ("channel", 12), ("grade", 25)):
        categories = np.array([f"{name[:3]}_{k}" for k in range(cardinality)])
        columns[name] = categories[rng.integers(0, cardinality, size=rows)]
    columns["label"] = rng.integers(0, 2, size=rows)
    frame = pd.DataFrame(columns)
    temporary = path + ".partial"
    frame.to_csv(temporary, index=False, float_format="%.3f")
    os.replace(temporary, path)


def run_json(command):
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    build_dir = sys.argv[1]
    rows = int(sys.argv[sys.argv.index("--rows") + 1]) if "--rows" in sys.argv else 1_000_000
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    ours_binary = os.path.join(build_dir, "tests", "bench", "bench_table_read")

    directory = os.path.join(tempfile.gettempdir(), "assay-bench")
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, f"table_{rows}x20.csv")
    if not os.path.exists(path):
        print(f"generating {path} ...", file=sys.stderr)
        generate(path, rows)
    size = os.path.getsize(path)

    ours, theirs = [], []
    for _ in range(runs):
        ours.append(run_json([ours_binary, path]))
        theirs.append(run_json([sys.executable, "-c", PANDAS_CHILD, path]))
    if ours[0]["rows"] != theirs[0]["rows"] or ours[0]["cols"] != theirs[0]["cols"]:
        print(f"shape mismatch: ours {ours[0]}, pandas {theirs[0]}", file=sys.stderr)
        return 1

    ours_seconds = statistics.median(r["seconds"] for r in ours)
    pandas_seconds = statistics.median(r["seconds"] for r in theirs)
    ours_rss = max(r["peak_rss_kb"] for r in ours) * 1024
    pandas_rss = max(r["peak_rss_kb"] for r in theirs) * 1024
    result = {
        "file": path,
        "file_mb": round(size / 1e6, 1),
        "rows": ours[0]["rows"],
        "cols": ours[0]["cols"],
        "cores": os.cpu_count(),
        "ours_median_s": round(ours_seconds, 3),
        "pandas_median_s": round(pandas_seconds, 3),
        "speedup": round(pandas_seconds / ours_seconds, 2),
        "ours_peak_rss_mb": round(ours_rss / 1e6, 1),
        "pandas_peak_rss_mb": round(pandas_rss / 1e6, 1),
        "ours_rss_over_file": round(ours_rss / size, 2),
        "pandas_rss_over_file": round(pandas_rss / size, 2),
        "ours_runs_s": [r["seconds"] for r in ours],
        "pandas_runs_s": [round(r["seconds"], 4) for r in theirs],
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
