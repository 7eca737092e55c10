"""Oracle: `assay drift` against scipy/numpy computing the same tests.

Usage: test_drift_scipy.py ASSAY_CLI [BUILD_DIR]. Generates pairs of CSV files with known
properties (small samples where ks is exact with equal and unequal sizes, large ones where
it is asymptotic in every regime of kstwo.sf, ties, constant columns, all-missing columns,
single rows, categories missing on one side), runs `assay drift --json --test T` for every
test and `auto`, and compares each column's statistic and p-value with what scipy/numpy
compute from the same values in this script.

Tolerances: statistics relative 1e-9 (absolute 1e-12 near 0); p-values relative 1e-6 or
absolute 1e-12. Infinite statistics (chi2 with a category new in current) are JSON null
and must be infinite in scipy too; NaN p-values (chi2 over one category) are null.
Exits non-zero and lists every disagreement.
"""
import json
import math
import os
import subprocess
import sys
import tempfile

import numpy as np
from scipy import stats
from scipy.spatial import distance

STAT_RTOL, STAT_ATOL = 1e-9, 1e-12
P_RTOL, P_ATOL = 1e-6, 1e-12
TESTS = ["ks", "chi2", "z", "wasserstein", "jensenshannon", "psi", "linf"]
P_TESTS = {"ks", "chi2", "z"}


# ---------------------------------------------------------------- reference implementation

def counts_of(ref, cur):
    """Union of categories in sorted order with both count vectors."""
    keys = sorted(set(ref) | set(cur))
    r = np.array([ref.count(k) for k in keys], dtype=float) if len(ref) < 5000 else None
    if r is None:
        from collections import Counter
        rc, cc = Counter(ref), Counter(cur)
        r = np.array([rc[k] for k in keys], dtype=float)
        c = np.array([cc[k] for k in keys], dtype=float)
    else:
        c = np.array([cur.count(k) for k in keys], dtype=float)
    return keys, r, c


def psi_of(r, c):
    r = np.maximum(r / r.sum(), 0.0001)
    c = np.maximum(c / c.sum(), 0.0001)
    return float(np.sum((c - r) * np.log(c / r)))


def category_test(test, ref, cur):
    keys, r, c = counts_of(ref, cur)
    if test == "chi2":
        with np.errstate(divide="ignore", invalid="ignore"):
            result = stats.chisquare(f_obs=c, f_exp=r * c.sum() / r.sum())
        return float(result.statistic), float(result.pvalue)
    if test == "z":
        if len(keys) < 2:
            return 0.0, 1.0
        n1, n2 = r.sum(), c.sum()
        p1, p2 = r[0] / n1, c[0] / n2
        pooled = (r[0] + c[0]) / (n1 + n2)
        z = (p1 - p2) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
        return z, float(2 * stats.norm.sf(abs(z)))
    if test == "linf":
        return float(np.max(np.abs(r / r.sum() - c / c.sum()))), None
    if test == "jensenshannon":
        return float(distance.jensenshannon(r, c, base=2)), None
    if test == "psi":
        return psi_of(r, c), None
    raise ValueError(test)


def numeric_test(test, r, c):
    if test == "ks":
        result = stats.ks_2samp(r, c, method="auto")
        return float(result.statistic), float(result.pvalue)
    if test == "wasserstein":
        return float(stats.wasserstein_distance(r, c) / max(np.std(r), 0.001)), None
    if test == "jensenshannon":
        lo, hi = min(r.min(), c.min()), max(r.max(), c.max())
        hr = np.histogram(r, bins=30, range=(lo, hi))[0]
        hc = np.histogram(c, bins=30, range=(lo, hi))[0]
        return float(distance.jensenshannon(hr, hc, base=2)), None
    if test == "psi":
        edges = np.quantile(r, np.arange(1, 10) / 10)
        hr = np.bincount(np.searchsorted(edges, r, side="left"), minlength=10)
        hc = np.bincount(np.searchsorted(edges, c, side="left"), minlength=10)
        return psi_of(hr.astype(float), hc.astype(float)), None
    raise ValueError(test)


def expected(test, kind, ref, cur):
    """(test actually run, statistic, p) for one column, or ('none', None, None)."""
    ref = [v for v in ref if v is not None]
    cur = [v for v in cur if v is not None]
    if not ref or not cur:
        return "none", None, None
    numeric = kind in ("float", "int")
    ref_distinct = len(set(ref))
    union_distinct = len(set(ref) | set(cur))
    as_categories = not numeric or ref_distinct <= 5
    if test == "auto":
        if len(ref) <= 1000:
            test = "ks" if not as_categories else ("chi2" if union_distinct > 2 else "z")
        else:
            test = "wasserstein" if not as_categories else "jensenshannon"
    if test in ("ks", "wasserstein") and not numeric:
        return "none", None, None
    if test == "z" and union_distinct > 2:
        return "none", None, None
    if test in ("chi2", "z", "linf") or (test in ("jensenshannon", "psi") and as_categories):
        return (test,) + category_test(test, ref, cur)
    return (test,) + numeric_test(test, np.array(ref, dtype=float), np.array(cur, dtype=float))


# ---------------------------------------------------------------- data

def normal(rng, n, shift=0.0, digits=None):
    values = rng.normal(shift, 1.0, n)
    if digits is not None:
        values = np.round(values, digits)
    return [float(v) for v in values]


def pairs(rng):
    """name -> (columns: {name: (kind, ref values, cur values)})."""
    out = {}
    letters = ["a", "b", "c", "d"]
    out["exact_equal"] = {
        "x": ("float", normal(rng, 30), normal(rng, 30, 0.7)),
        "ties": ("float", normal(rng, 30, digits=1), normal(rng, 30, 0.2, digits=1)),
        "n": ("int", [int(v) for v in rng.integers(0, 10, 30)], [int(v) for v in rng.integers(2, 12, 30)]),
        "cat": ("string", list(rng.choice(letters, 30)), list(rng.choice(letters[:3], 30))),
    }
    out["exact_unequal"] = {
        "x": ("float", normal(rng, 40), normal(rng, 55, 0.5)),
        "ties": ("float", normal(rng, 40, digits=0), normal(rng, 55, 0.3, digits=0)),
        "miss": ("float", [None if rng.random() < 0.2 else v for v in normal(rng, 40)],
                 [None if rng.random() < 0.4 else v for v in normal(rng, 55, 0.1)]),
        "flag": ("bool", list(rng.random(40) < 0.3), list(rng.random(55) < 0.6)),
        "cat": ("string", list(rng.choice(letters[:3], 40)), list(rng.choice(letters, 55))),
    }
    out["exact_big"] = {
        "x": ("float", normal(rng, 900), normal(rng, 9000, 0.1)),
        "three": ("int", [int(v) for v in rng.integers(0, 3, 900)], [int(v) for v in rng.integers(0, 3, 9000)]),
    }
    out["asym_mid"] = {  # n_eff 6667: Durbin, Pelz-Good and Smirnov regimes by shift
        "near": ("float", normal(rng, 12000), normal(rng, 15000, 0.01)),
        "mid": ("float", normal(rng, 12000), normal(rng, 15000, 0.06)),
        "far": ("float", normal(rng, 12000), normal(rng, 15000, 0.5)),
        "cat": ("string", list(rng.choice(letters, 12000, p=[0.4, 0.3, 0.2, 0.1])),
                list(rng.choice(letters, 15000, p=[0.35, 0.3, 0.2, 0.15]))),
        "flag": ("bool", list(rng.random(12000) < 0.3), list(rng.random(15000) < 0.32)),
        "few": ("int", [int(v) for v in rng.integers(0, 5, 12000)], [int(v) for v in rng.integers(0, 6, 15000)]),
        "const": ("float", [2.5] * 12000, [2.5] * 15000),
        "empty": ("float", [None] * 12000, [None] * 15000),
        # two interleaved grids: D about 5e-4, n D^1.5 <= 1.4 (Durbin for n_eff > 140)
        "grid": ("float", [i / 12000 for i in range(12000)], [j / 15000 + 0.0005 for j in range(15000)]),
    }
    cur_small = normal(rng, 60, 0.0)
    out["asym_small_neff"] = {  # n_eff 60 (<= 140): Durbin, then Smirnov, then d >= 0.5
        "near": ("float", normal(rng, 20000), cur_small),
        "mid": ("float", normal(rng, 20000), normal(rng, 60, 0.9)),
        "far": ("float", normal(rng, 20000), normal(rng, 60, 2.5)),
        "between": ("float", normal(rng, 20000), normal(rng, 60, 0.35)),  # 0.75 < n D^2 <= 4
    }
    out["asym_tiny_neff"] = {  # n_eff 3: Ruben-Gambino ends
        "x": ("float", normal(rng, 20000), normal(rng, 3, 0.2)),
        "y": ("float", normal(rng, 20000), normal(rng, 3, 3.0)),
    }
    out["asym_large_neff"] = {  # n_eff 125000 > 100000: Pelz-Good, Smirnov
        "near": ("float", normal(rng, 250000), normal(rng, 250000, 0.002)),
        "mid": ("float", normal(rng, 250000), normal(rng, 250000, 0.01)),
    }
    out["single_row"] = {
        "x": ("float", [1.5], [2.5]),
        "cat": ("string", ["a"], ["b"]),
    }
    out["new_category"] = {
        "x": ("float", normal(rng, 200), normal(rng, 150)),
        "cat": ("string", list(rng.choice(letters[:2], 200)), list(rng.choice(letters, 150))),
        "one": ("string", ["k"] * 200, ["k"] * 150),
        "gone": ("string", list(rng.choice(letters[:3], 200)), list(rng.choice(letters[:1], 150))),
    }
    return out


def cell(kind, value):
    if value is None:
        return ""
    if kind == "bool":
        return "true" if value else "false"
    if kind == "float":
        return repr(float(value))
    return str(value)


def write_csv(path, columns, side):
    names = list(columns)
    n = len(columns[names[0]][side])
    with open(path, "w") as out:
        out.write(",".join(names) + "\n")
        for i in range(n):
            out.write(",".join(cell(columns[c][0], columns[c][side][i]) for c in names) + "\n")


def to_python(columns):
    """Bools as their labels, as Assay counts them."""
    converted = {}
    for name, (kind, ref, cur) in columns.items():
        if kind == "bool":
            ref = ["true" if v else "false" for v in ref]
            cur = ["true" if v else "false" for v in cur]
        converted[name] = (kind, ref, cur)
    return converted


# ---------------------------------------------------------------- comparison

def close(ours, theirs, rtol, atol):
    if theirs is None or (isinstance(theirs, float) and math.isnan(theirs)):
        return ours is None
    if math.isinf(theirs):
        return ours is None  # JSON has no infinity: null
    if ours is None:
        return False
    return abs(ours - theirs) <= max(atol, rtol * abs(theirs))


def run_drift(cli, ref, cur, test):
    args = [cli, "drift", ref, cur, "--json"]
    if test != "auto":
        args += ["--test", test]
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"assay drift {test} failed ({done.returncode}): {done.stderr}")
    return json.loads(done.stdout)


def main():
    cli = sys.argv[1]
    rng = np.random.default_rng(20261201)
    failures, checked = [], 0
    with tempfile.TemporaryDirectory() as folder:
        for pair_name, columns in pairs(rng).items():
            ref_path = os.path.join(folder, pair_name + "_ref.csv")
            cur_path = os.path.join(folder, pair_name + "_cur.csv")
            write_csv(ref_path, columns, 1)
            write_csv(cur_path, columns, 2)
            python_columns = to_python(columns)
            for test in ["auto"] + TESTS:
                report = run_drift(cli, ref_path, cur_path, test)
                ours = {c["name"]: c for c in report["columns"]}
                for name, (kind, ref, cur) in python_columns.items():
                    want_test, want_stat, want_p = expected(test, kind, ref, cur)
                    got = ours[name]
                    where = f"{pair_name}.{name} --test {test}"
                    checked += 1
                    if got["test"] != want_test:
                        failures.append(f"{where}: test {got['test']}, scipy path {want_test}")
                        continue
                    if want_test == "none":
                        continue
                    if not close(got["statistic"], want_stat, STAT_RTOL, STAT_ATOL):
                        failures.append(f"{where}: statistic {got['statistic']!r}, scipy {want_stat!r}")
                    if want_test in P_TESTS and not close(got["p_value"], want_p, P_RTOL, P_ATOL):
                        failures.append(f"{where}: p {got['p_value']!r}, scipy {want_p!r}")
                    if want_test in P_TESTS and want_p is not None and not math.isnan(want_p):
                        if got["drifted"] != (want_p < 0.05):
                            failures.append(f"{where}: drifted {got['drifted']} but p {want_p}")
    for failure in failures:
        print(failure)
    print(f"{checked} column checks, {len(failures)} disagreements")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
