"""Oracle: `assay profile --json` against the same statistics computed with pandas/numpy.

Usage: test_profile_pandas.py ASSAY_CLI [BUILD_DIR]. Generates data with known properties
(ints with ties, floats with missing values, a constant and an all-missing column, strings
whose top counts tie, bools, datetimes, a one-row file, and a float column with more than
100k distinct values), profiles it with Assay and compares every key with pandas:
count, missing, mean, std, min, max, zeros, quantiles (exact while <= 100k distinct, else by
rank error <= 0.005 against the true data), numpy.histogram(bins=20) edges and counts,
nunique, value_counts top 10 (ties ordered by value, bytewise) and average length.
Prints every difference and exits non-zero when there is one.
"""
import json
import math
import os
import random
import subprocess
import sys
import tempfile

import numpy as np
import pandas as pd

NA = ["", "NA", "NaN", "null", "None"]
QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]
TYPE_OF_DTYPE = {"int64": "int", "float64": "float", "bool": "bool", "object": "string"}


def write_main(path, rng):
    fruit = ["apple"] * 500 + ["kiwi"] * 500 + ["fig"] * 300 + ["date"] * 300 + ["éclair"] * 300
    fruit += [f"other{rng.randint(0, 400)}" for _ in range(20000 - len(fruit))]
    rng.shuffle(fruit)
    with open(path, "w", encoding="utf-8") as out:
        out.write("ints,floats,constant,empty,fruit,flag,when,wide\n")
        for i in range(20000):
            floats = "" if rng.random() < 0.1 else f"{rng.gauss(5, 3):.3f}"
            when = "" if rng.random() < 0.05 else \
                f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:00:00Z"
            wide = f"{rng.lognormvariate(0, 2):.4f}" if i % 5 else "0"
            out.write(f"{rng.randint(-20, 30)},{floats},7,,{fruit[i]},"
                      f"{rng.choice(['true', 'false', 'true'])},{when},{wide}\n")


def write_big(path, rng, rows=150_000):
    with open(path, "w") as out:
        out.write("x,k\n")
        for i in range(rows):
            out.write(f"{rng.random() * 1000:.6f},{rng.randint(0, 5)}\n")


def assay_profile(cli, path):
    done = subprocess.run([cli, "profile", path, "--json"], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"assay profile {path} failed ({done.returncode}): {done.stderr}")
    return json.loads(done.stdout)


def close(a, b, rel=1e-10, abs_=1e-12):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=rel, abs_tol=abs_)


def expected_top(series):
    counts = series.dropna().astype(str).value_counts()
    pairs = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].encode("utf-8")))
    return [{"value": v, "count": int(c)} for v, c in pairs[:10]]


def rank_error(sorted_values, value, q):
    n = len(sorted_values)
    below = np.searchsorted(sorted_values, value, side="left") / n
    at_or_below = np.searchsorted(sorted_values, value, side="right") / n
    return max(0.0, below - q, q - at_or_below)


def compare_column(problems, where, ours, series, exact_limit=100_000):
    say = lambda key, mine, theirs: problems.append(f"{where}.{key}: assay {mine!r}, pandas {theirs!r}")
    is_datetime = ours["type"] == "datetime"
    if is_datetime:
        series = pd.to_datetime(series, utc=True)
    elif TYPE_OF_DTYPE.get(str(series.dtype)) != ours["type"]:
        say("type", ours["type"], str(series.dtype))
        return
    values = series.dropna()
    if ours["count"] != len(values):
        say("count", ours["count"], len(values))
    if ours["missing"] != int(series.isna().sum()):
        say("missing", ours["missing"], int(series.isna().sum()))
    distinct = int(series.nunique())
    if ours.get("distinct_exact", True):
        if ours["distinct"] != distinct:
            say("distinct", ours["distinct"], distinct)
    elif abs(ours["distinct"] - distinct) > 0.02 * distinct:
        say("distinct (estimate)", ours["distinct"], distinct)
    if distinct <= exact_limit and "distinct_exact" in ours:
        say("distinct_exact", False, f"{distinct} distinct")
    if len(values) == 0:
        for key in ("mean", "std", "min", "max", "quantiles", "histogram", "top"):
            if key in ours:
                say(key, ours[key], "absent for a column without values")
        return

    if ours["type"] in ("int", "float"):
        numbers = values.to_numpy(dtype=float)
        for key, want in (("mean", series.mean()), ("min", series.min()), ("max", series.max())):
            if not close(ours[key], float(want)):
                say(key, ours[key], float(want))
        want_std = None if len(values) < 2 else float(series.std())
        if not close(ours["std"], want_std, rel=1e-9):
            say("std", ours["std"], want_std)
        if ours["zeros"] != int((values == 0).sum()):
            say("zeros", ours["zeros"], int((values == 0).sum()))
        exact = distinct <= exact_limit
        if exact == ("quantiles_exact" in ours):
            say("quantiles_exact", ours.get("quantiles_exact"), f"{distinct} distinct")
        sorted_values = np.sort(numbers)
        for q in QUANTILES:
            mine = ours["quantiles"][f"{q}"]
            if exact:
                want = float(series.quantile(q))
                if not close(mine, want, rel=1e-12):
                    say(f"quantiles.{q}", mine, want)
            elif rank_error(sorted_values, mine, q) > 0.005:
                say(f"quantiles.{q} rank error", rank_error(sorted_values, mine, q), "<= 0.005")
        counts, edges = np.histogram(numbers, bins=20)
        if len(ours["histogram"]["edges"]) != 21 or not all(
                close(a, float(b), rel=1e-12) for a, b in zip(ours["histogram"]["edges"], edges)):
            say("histogram.edges", ours["histogram"]["edges"], edges.tolist())
        if exact and ours["histogram"]["counts"] != counts.tolist():
            say("histogram.counts", ours["histogram"]["counts"], counts.tolist())
        if not exact:
            worst = max(abs(a - b) for a, b in zip(ours["histogram"]["counts"], counts.tolist()))
            if sum(ours["histogram"]["counts"]) != len(numbers) or worst > 0.01 * len(numbers):
                say("histogram.counts (sketch)", ours["histogram"]["counts"], counts.tolist())
    elif ours["type"] == "bool":
        if not close(ours["mean"], float(values.mean())):
            say("mean", ours["mean"], float(values.mean()))
        want = expected_top(values.map({True: "true", False: "false"}))
        if ours["top"] != want:
            say("top", ours["top"], want)
    elif ours["type"] == "string":
        want = float(values.str.len().mean())
        if not close(ours["avg_length"], want):
            say("avg_length", ours["avg_length"], want)
        want = expected_top(values)
        if ours["top"] != want:
            say("top", ours["top"], want)
    elif is_datetime:
        for key, want in (("min", values.min()), ("max", values.max())):
            mine = pd.Timestamp(ours[key])
            if (mine.tz_localize("UTC") if mine.tzinfo is None else mine) != want:
                say(key, ours[key], str(want))


def check_file(cli, problems, path, parse_dates=()):
    ours = assay_profile(cli, path)
    frame = pd.read_csv(path, keep_default_na=False, na_values=NA)
    name = os.path.basename(path)
    if ours["rows"] != len(frame):
        problems.append(f"{name}.rows: assay {ours['rows']}, pandas {len(frame)}")
    if [c["name"] for c in ours["columns"]] != list(frame.columns):
        problems.append(f"{name}.columns: assay {[c['name'] for c in ours['columns']]}")
        return ours
    for column in ours["columns"]:
        compare_column(problems, f"{name}:{column['name']}", column, frame[column["name"]])
    return ours


def main():
    cli = sys.argv[1]
    rng = random.Random(20261126)
    problems = []
    with tempfile.TemporaryDirectory() as folder:
        main_path = os.path.join(folder, "main.csv")
        write_main(main_path, rng)
        ours = check_file(cli, problems, main_path)
        fruit = next(c for c in ours["columns"] if c["name"] == "fruit")
        if [t["value"] for t in fruit["top"][:2]] != ["apple", "kiwi"]:
            problems.append(f"fruit top ties not ordered by value: {fruit['top'][:2]}")

        single = os.path.join(folder, "single.csv")
        with open(single, "w") as out:
            out.write("a,b,c\n3,x,2.5\n")
        check_file(cli, problems, single)

        big = os.path.join(folder, "big.csv")
        write_big(big, rng)
        ours = check_file(cli, problems, big)
        x = ours["columns"][0]
        if x.get("distinct_exact", True) or x.get("quantiles_exact", True):
            problems.append(f"big.csv:x should be estimated past 100k distinct: {x}")

    for problem in problems:
        print(problem)
    print(f"{len(problems)} differences" if problems else "assay profile agrees with pandas")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
