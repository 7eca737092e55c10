#!/usr/bin/python3
"""Benchmark: Assay's gradient-boosted trees (bench_gbt) against xgboost's `hist` method.

Usage: /usr/bin/python3 tests/bench/bench_gbt.py BUILD_DIR [--runs K] [--threads N]
                                                  [--rounds R] [--eta E] [--rows N]

Generates seeded synthetic data once (kept in $TMPDIR/assay-bench/): 200k training rows and a
50k test set, 14 features (8 informative with interactions and non-linear terms, 6 noise, ~5%
missing values in four of them), a binary target. Then, alternately and each in a fresh
process, trains xgboost.train(tree_method='hist') and bench_gbt with the same parameters
(max_depth 6, eta, R rounds, max_bin 256, lambda 1, min_child_weight 1, N threads), predicts
the test set and measures the test ROC AUC. Prints medians and the ratios of issue 6's targets:
training time within 2x of xgboost, AUC within 0.005, prediction at least as fast.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile

import numpy as np

FEATURES = 14


def arg(name, default, kind=int):
    return kind(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def generate(rng, rows):
    x = rng.normal(size=(rows, FEATURES))
    x[:, 3] = rng.integers(0, 12, size=rows)          # a small-integer feature with ties
    x[:, 5] = np.round(rng.exponential(2.0, size=rows), 2)
    logit = (1.2 * x[:, 0] - 0.8 * x[:, 1] + 0.6 * x[:, 2] * x[:, 0]
             + 0.5 * np.sin(2 * x[:, 4]) + 0.15 * (x[:, 3] - 6) + 0.4 * np.log1p(x[:, 5])
             - 0.7 * (x[:, 6] > 0.5) + 0.3 * x[:, 7] ** 2 - 0.5)
    y = (rng.random(rows) < 1 / (1 + np.exp(-logit))).astype(int)
    for column in (1, 4, 9, 12):  # missing at random
        x[rng.random(rows) < 0.05, column] = np.nan
    return x, y


def write_csv(path, x, y):
    header = ",".join(f"f{i}" for i in range(FEATURES)) + ",y"
    with open(path + ".tmp", "w") as out:
        out.write(header + "\n")
        for row, label in zip(x, y):
            out.write(",".join("" if np.isnan(v) else f"{v:.6g}" for v in row) + f",{label}\n")
    os.replace(path + ".tmp", path)


def ensure_data(work, rows):
    train, test = (os.path.join(work, f"gbt-{rows}-{part}.csv") for part in ("train", "test"))
    if not (os.path.exists(train) and os.path.exists(test)):
        rng = np.random.default_rng(20240607)
        write_csv(train, *generate(rng, rows))
        write_csv(test, *generate(rng, rows // 4))
    return train, test


# Runs in a fresh python: loads the CSVs (not timed) and times xgboost.train and predict.
XGBOOST_RUN = r"""
import json, sys, time
import numpy as np, xgboost
from sklearn.metrics import roc_auc_score
train, test, threads, rounds, eta = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
def load(path):
    data = np.genfromtxt(path, delimiter=",", skip_header=1)
    return data[:, :-1], data[:, -1]
xtr, ytr = load(train); xte, yte = load(test)
dtrain = xgboost.DMatrix(xtr, label=ytr, nthread=threads)
dtest = xgboost.DMatrix(xte, nthread=threads)
params = {"objective": "binary:logistic", "tree_method": "hist", "max_depth": 6, "eta": eta,
          "max_bin": 256, "lambda": 1, "min_child_weight": 1, "nthread": threads}
start = time.perf_counter()
booster = xgboost.train(params, dtrain, num_boost_round=rounds)
train_seconds = time.perf_counter() - start
start = time.perf_counter()
scores = booster.predict(dtest)
predict_seconds = time.perf_counter() - start
print(json.dumps({"train_seconds": train_seconds, "predict_seconds": predict_seconds,
                  "test_auc": roc_auc_score(yte, scores)}))
"""


def run_json(command):
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    bench = os.path.join(sys.argv[1], "tests", "bench", "bench_gbt")
    runs, threads = arg("--runs", 3), arg("--threads", 2)
    rounds, eta, rows = arg("--rounds", 300), arg("--eta", 0.3, float), arg("--rows", 200000)
    work = os.path.join(tempfile.gettempdir(), "assay-bench")
    os.makedirs(work, exist_ok=True)
    train, test = ensure_data(work, rows)

    ours, theirs = [], []
    for _ in range(runs):
        theirs.append(run_json([sys.executable, "-c", XGBOOST_RUN, train, test, str(threads),
                                str(rounds), str(eta)]))
        ours.append(run_json([bench, train, test, "--target", "y", "--threads", str(threads),
                              "--param", f"n_estimators={rounds}", "--param", f"learning_rate={eta}",
                              "--param", "max_depth=6", "--param", "max_bin=256",
                              "--param", "reg_lambda=1", "--param", "min_child_weight=1"]))

    def median(results, key):
        return statistics.median(r[key] for r in results)

    print(f"runs: {runs} (medians), rows: {rows} train / {rows // 4} test, features: {FEATURES}, "
          f"rounds: {rounds}, eta: {eta}, depth 6, threads: {threads}")
    print(f"{'':<18}{'assay':>10}{'xgboost':>10}{'ratio':>8}")
    for key, label in (("train_seconds", "train s"), ("predict_seconds", "predict s")):
        a, x = median(ours, key), median(theirs, key)
        print(f"{label:<18}{a:>10.3f}{x:>10.3f}{a / x:>8.2f}")
    a, x = median(ours, "test_auc"), median(theirs, "test_auc")
    print(f"{'test ROC AUC':<18}{a:>10.4f}{x:>10.4f}{a - x:>+8.4f}")
    train_ratio = median(ours, "train_seconds") / median(theirs, "train_seconds")
    predict_ratio = median(ours, "predict_seconds") / median(theirs, "predict_seconds")
    print(f"training time ratio {train_ratio:.2f} (target <= 2), AUC difference {a - x:+.4f} "
          f"(target within 0.005), prediction time ratio {predict_ratio:.2f} (target <= 1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
