#!/usr/bin/python3
"""Benchmark: Assay's exact TreeSHAP (`assay explain shap`) against xgboost's pred_contribs.

Usage: /usr/bin/python3 tests/bench/bench_shap.py BUILD_DIR [--runs K] [--rows N]
                                                   [--threads 1,2] [--assay PATH]

Generates seeded synthetic data once (kept in $TMPDIR/assay-bench/, the generator of
bench_gbt.py): 200k training rows × 14 features and a binary target; trains xgboost
(binary:logistic, hist, 300 trees, max_depth 6) and saves model.json; writes N rows to explain
(20k by default) as CSV. Then, alternately and each in a fresh process, for every thread count:
  xgboost   Booster.predict(DMatrix, pred_contribs=True) with nthread=N; the CSV is read with
            numpy and the DMatrix built before the clock starts: only the prediction is timed.
  assay     `assay explain shap --model model.json --data rows.csv --threads N --json`, run in
            an empty folder outside any workspace; the whole process is timed (reading the CSV
            and the model, explaining, printing the summary).
Prints medians, the ratios of issue 7's target (assay at least 2x faster at 1 and 2 threads),
each side's peak RSS, and checks that the summaries agree (mean |SHAP| per feature, bias).
--rss-rows M (default 100000) also runs assay once on M rows, to show memory flat in rows.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_gbt import FEATURES, generate  # noqa: E402  the same seeded data as bench_gbt


def arg(name, default, kind=int):
    return kind(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def write_rows(path, x):
    header = ",".join(f"f{i}" for i in range(FEATURES))
    with open(path + ".tmp", "w") as out:
        out.write(header + "\n")
        for row in x:
            out.write(",".join("" if np.isnan(v) else f"{v:.9g}" for v in row) + "\n")
    os.replace(path + ".tmp", path)


def ensure_model(work):
    model = os.path.join(work, "shap-model.json")
    if not os.path.exists(model):
        import xgboost
        x, y = generate(np.random.default_rng(20240607), 200000)
        params = {"objective": "binary:logistic", "tree_method": "hist", "max_depth": 6,
                  "eta": 0.3, "seed": 7, "nthread": 2}
        booster = xgboost.train(params, xgboost.DMatrix(x, label=y, missing=np.nan), 300)
        booster.save_model(model + ".tmp.json")
        os.replace(model + ".tmp.json", model)
    return model


def ensure_rows(work, rows):
    path = os.path.join(work, f"shap-rows-{rows}.csv")
    if not os.path.exists(path):
        x, _ = generate(np.random.default_rng(777), rows)
        write_rows(path, x)
    return path


# Runs in a fresh python: reads the CSV and builds the DMatrix (not timed), times pred_contribs.
XGBOOST_RUN = r"""
import json, sys, time
import numpy as np, xgboost
model, rows, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
x = np.genfromtxt(rows, delimiter=",", skip_header=1)
booster = xgboost.Booster(model_file=model)
booster.set_param({"nthread": threads})
dmatrix = xgboost.DMatrix(x, missing=np.nan, nthread=threads)
start = time.perf_counter()
contribs = booster.predict(dmatrix, pred_contribs=True)
seconds = time.perf_counter() - start
mean_abs = np.abs(contribs[:, :-1].astype(np.float64)).mean(axis=0)
print(json.dumps({"seconds": seconds, "mean_abs": [float(v) for v in mean_abs],
                  "bias": float(contribs[0, -1]), "rows": int(contribs.shape[0])}))
"""


def run_with_rss(command, cwd=None):
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)
    # Read the pipes on the side would need threads; the outputs here are small (a JSON line).
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    stdout = process.stdout.read().decode()
    stderr = process.stderr.read().decode()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:3])} failed ({process.returncode}): "
                           f"{stderr.strip()[-2000:]}")
    return stdout, seconds, usage.ru_maxrss / 1024.0


def assay_command(assay, model, rows, threads):
    return [assay, "explain", "shap", "--model", model, "--data", rows, "--threads", str(threads),
            "--json"]


def summary_of(stdout):
    """The explain summary as {name: mean_abs}, bias."""
    data = json.loads(stdout)
    return {f["name"]: f["mean_abs"] for f in data["features"]}, data["bias"], data["rows"]


def main():
    if len(sys.argv) < 2 or sys.argv[1].startswith("--"):
        print(__doc__)
        return 2
    assay = os.path.abspath(arg("--assay", os.path.join(sys.argv[1], "app", "assay"), str))
    runs, rows, rss_rows = arg("--runs", 3), arg("--rows", 20000), arg("--rss-rows", 100000)
    thread_counts = [int(t) for t in arg("--threads", "1,2", str).split(",")]
    work = os.path.join(tempfile.gettempdir(), "assay-bench")
    os.makedirs(work, exist_ok=True)
    model = ensure_model(work)
    data = ensure_rows(work, rows)
    outside = tempfile.mkdtemp(prefix="assay-bench-shap-")  # no workspace: nothing is cached

    try:
        subprocess.run(assay_command(assay, model, data, 1)[:3] + ["--help"], check=True,
                       capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        print(f"skipped: {assay} has no `explain shap` command (pass --assay PATH)")
        return 0

    print(f"runs: {runs} (medians), model: 300 trees depth 6 (xgboost hist, 200k × {FEATURES} "
          f"training rows), explaining {rows} rows")
    print("xgboost: pred_contribs only (CSV read and DMatrix built before timing); "
          "assay: the whole `assay explain shap --json` process")
    print(f"{'threads':<9}{'assay s':>10}{'xgboost s':>11}{'speed-up':>10}"
          f"{'assay MiB':>11}{'xgboost MiB':>13}")
    failures = []
    for threads in thread_counts:
        ours, theirs = [], []
        for _ in range(runs):
            out, _, rss = run_with_rss([sys.executable, "-c", XGBOOST_RUN, model, data,
                                        str(threads)])
            theirs.append((json.loads(out), rss))
            out, seconds, rss = run_with_rss(assay_command(assay, model, data, threads), outside)
            ours.append((out, seconds, rss))
        ours_seconds = statistics.median(s for _, s, _ in ours)
        theirs_seconds = statistics.median(r["seconds"] for r, _ in theirs)
        ours_rss = max(r for _, _, r in ours)
        theirs_rss = max(r for _, r in theirs)
        speedup = theirs_seconds / ours_seconds
        print(f"{threads:<9}{ours_seconds:>10.3f}{theirs_seconds:>11.3f}{speedup:>9.2f}x"
              f"{ours_rss:>11.0f}{theirs_rss:>13.0f}")
        if speedup < 2:
            failures.append(f"{threads} thread(s): {speedup:.2f}x")

        mean_abs, bias, count = summary_of(ours[0][0])
        reference = theirs[0][0]
        worst = max(abs(mean_abs[f"f{i}"] - reference["mean_abs"][i]) for i in range(FEATURES))
        if count != reference["rows"] or worst > 1e-4 or abs(bias - reference["bias"]) > 1e-4:
            failures.append(f"{threads} thread(s): summaries differ (mean |SHAP| by up to "
                            f"{worst:.2e}, bias {bias} vs {reference['bias']})")

    if rss_rows:
        big = ensure_rows(work, rss_rows)
        _, seconds, rss = run_with_rss(assay_command(assay, model, big, 2), outside)
        _, _, small_rss = run_with_rss(assay_command(assay, model, data, 2), outside)
        print(f"assay peak RSS: {small_rss:.0f} MiB for {rows} rows, {rss:.0f} MiB for "
              f"{rss_rows} rows ({seconds:.2f} s at 2 threads)")

    print("target: at least 2x faster than xgboost at 1 and 2 threads; summaries agree (1e-4): "
          + ("met" if not failures else "NOT met: " + "; ".join(failures)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
