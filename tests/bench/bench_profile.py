#!/usr/bin/python3
"""Benchmark: `assay profile --json` against the same work done with pandas, and its memory.

Usage: /usr/bin/python3 tests/bench/bench_profile.py BUILD_DIR [--runs K] [--no-10m]

Time: on the 1M x 20 file of bench_table_read.py (generated there, reused here), pandas does
read_csv + describe(percentiles=[.01,.05,.25,.5,.75,.95,.99]) + nunique + value_counts per
column + numpy.histogram(bins=20) per numeric column; Assay runs `assay profile --json`. Each
run is its own process, the two alternate, K runs each (default 5); medians and the ratio.
Memory: peak RSS (ru_maxrss) of `assay profile` on the 1M file and on a 10M-row file made
by repeating the 1M file's rows ten times (~1.3 GB, written once into $TMPDIR/assay-bench/).
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_table_read import generate  # noqa: E402

PANDAS_CHILD = r"""
import json, resource, sys, time
import numpy as np
import pandas as pd
start = time.perf_counter()
frame = pd.read_csv(sys.argv[1])
described = frame.describe(percentiles=[.01, .05, .25, .5, .75, .95, .99], include="all")
for name in frame.columns:
    column = frame[name]
    column.nunique()
    column.value_counts()
    if pd.api.types.is_numeric_dtype(column) and column.dtype != bool:
        np.histogram(column.dropna().to_numpy(), bins=20)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""

# Runs a command with stdout discarded and reports its wall time and the child's peak RSS.
MEASURE_CHILD = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds,
                  "peak_rss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def run_json(command):
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def ours(binary, path):
    return run_json([sys.executable, "-c", MEASURE_CHILD, binary, "profile", path, "--json"])


def repeated_file(source, path, times):
    if os.path.exists(path):
        return
    print(f"writing {path} ...", file=sys.stderr)
    temporary = path + ".partial"
    with open(source, "rb") as src:
        header = src.readline()
        body_start = src.tell()
    with open(temporary, "wb") as out:
        out.write(header)
        for _ in range(times):
            with open(source, "rb") as src:
                src.seek(body_start)
                shutil.copyfileobj(src, out, 16 << 20)
    os.replace(temporary, path)


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    build_dir = sys.argv[1]
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    binary = os.path.join(build_dir, "app", "assay")
    directory = os.path.join(tempfile.gettempdir(), "assay-bench")
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, "table_1000000x20.csv")
    if not os.path.exists(path):
        print(f"generating {path} ...", file=sys.stderr)
        generate(path, 1_000_000)

    mine, theirs = [], []
    for _ in range(runs):
        mine.append(ours(binary, path))
        theirs.append(run_json([sys.executable, "-c", PANDAS_CHILD, path]))
    ours_seconds = statistics.median(r["seconds"] for r in mine)
    pandas_seconds = statistics.median(r["seconds"] for r in theirs)
    result = {
        "file": path,
        "cores": os.cpu_count(),
        "runs": runs,
        "ours_median_s": round(ours_seconds, 3),
        "pandas_median_s": round(pandas_seconds, 3),
        "speedup": round(pandas_seconds / ours_seconds, 2),
        "ours_runs_s": [round(r["seconds"], 3) for r in mine],
        "pandas_runs_s": [round(r["seconds"], 3) for r in theirs],
        "ours_peak_rss_1m_mb": round(max(r["peak_rss_kb"] for r in mine) / 1024, 1),
        "pandas_peak_rss_1m_mb": round(max(r["peak_rss_kb"] for r in theirs) / 1024, 1),
    }
    if "--no-10m" not in sys.argv:
        big = os.path.join(directory, "table_10000000x20_repeated.csv")
        repeated_file(path, big, 10)
        run = ours(binary, big)
        result["ours_10m_s"] = round(run["seconds"], 3)
        result["ours_peak_rss_10m_mb"] = round(run["peak_rss_kb"] / 1024, 1)
        result["rss_10m_over_1m"] = round(run["peak_rss_kb"] / max(r["peak_rss_kb"] for r in mine), 3)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
