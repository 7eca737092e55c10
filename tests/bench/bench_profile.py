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
start, cpu_start = time.perf_counter(), time.process_time()
frame = pd.read_csv(sys.argv[1])
described = frame.describe(percentiles=[.01, .05, .25, .5, .75, .95, .99], include="all")
for name in frame.columns:
    column = frame[name]
    column.nunique()
    column.value_counts()
    if pd.api.types.is_numeric_dtype(column) and column.dtype != bool:
        np.histogram(column.dropna().to_numpy(), bins=20)
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
print(json.dumps({"seconds": seconds, "cpu_s": cpu,
                  "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""

# Runs a command and reports its wall time, CPU time and peak RSS (ru_maxrss of the child),
# with the child's own last stdout line when that is a JSON object (the pandas child's).
MEASURE_CHILD = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], check=True, capture_output=True, text=True)
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
lines = done.stdout.strip().splitlines()
try:
    child = json.loads(lines[-1])
except (IndexError, ValueError):
    child = None
print(json.dumps({"seconds": seconds, "cpu_s": usage.ru_utime + usage.ru_stime,
                  "peak_rss_kb": usage.ru_maxrss, "child": child}))
"""


def run_json(command):
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def measure(command):
    return run_json([sys.executable, "-c", MEASURE_CHILD, *command])


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

    script = os.path.join(directory, "bench_profile_pandas_child.py")
    with open(script, "w") as out:
        out.write(PANDAS_CHILD)
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(measure([binary, "profile", path, "--json"]))
        theirs.append(measure([sys.executable, script, path]))
    median = lambda runs_, pick: statistics.median(pick(r) for r in runs_)
    ours_seconds = median(mine, lambda r: r["seconds"])
    pandas_work = median(theirs, lambda r: r["child"]["seconds"])
    pandas_process = median(theirs, lambda r: r["seconds"])
    ours_cpu = median(mine, lambda r: r["cpu_s"])
    pandas_cpu = median(theirs, lambda r: r["child"]["cpu_s"])
    with open("/proc/loadavg") as load:
        load_average = load.read().split()[0]
    result = {
        "file": path,
        "cores": os.cpu_count(),
        "load_average_at_end": load_average,
        "runs": runs,
        "ours_median_s": round(ours_seconds, 3),
        "pandas_work_median_s": round(pandas_work, 3),
        "pandas_process_median_s": round(pandas_process, 3),
        "speedup_vs_pandas_work": round(pandas_work / ours_seconds, 2),
        "speedup_vs_pandas_process": round(pandas_process / ours_seconds, 2),
        "ours_cpu_median_s": round(ours_cpu, 3),
        "pandas_work_cpu_median_s": round(pandas_cpu, 3),
        "cpu_ratio": round(pandas_cpu / ours_cpu, 2),
        "ours_runs_s": [round(r["seconds"], 3) for r in mine],
        "pandas_work_runs_s": [round(r["child"]["seconds"], 3) for r in theirs],
        "ours_peak_rss_1m_mb": round(max(r["peak_rss_kb"] for r in mine) / 1024, 1),
        "pandas_peak_rss_1m_mb": round(max(r["peak_rss_kb"] for r in theirs) / 1024, 1),
    }
    if "--no-10m" not in sys.argv:
        big = os.path.join(directory, "table_10000000x20_repeated.csv")
        repeated_file(path, big, 10)
        run = measure([binary, "profile", big, "--json"])
        result["ours_10m_s"] = round(run["seconds"], 3)
        result["ours_peak_rss_10m_mb"] = round(run["peak_rss_kb"] / 1024, 1)
        result["rss_10m_over_1m"] = round(run["peak_rss_kb"] / max(r["peak_rss_kb"] for r in mine), 3)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
