"""Oracle: `assay diff` against the same comparison done with pandas.

Usage: test_diff_pandas.py ASSAY_CLI [BUILD_DIR]. Exits non-zero and prints the first
differences when Assay and pandas disagree.
"""
import collections
import json
import math
import os
import random
import subprocess
import sys
import tempfile

import pandas as pd

NA = ["", "NA", "NaN", "null", "None"]


def write_tables(folder):
    rng = random.Random(20261126)
    categories = ["north", "south", "east", "west"]
    rows = []
    for i in range(5000):
        rows.append({
            "id": 1000 + i,
            "region": rng.choice(categories),
            "x": round(rng.gauss(10, 3), 3),
            "n": "" if rng.random() < 0.05 else str(rng.randint(0, 50)),
            "flag": rng.choice(["true", "false"]),
        })
    a = [dict(r) for r in rows]
    b = [dict(r) for r in rows if rng.random() > 0.06]
    for r in rng.sample(b, 400):
        column = rng.choice(["region", "x", "n", "flag"])
        if column == "region":
            r[column] = rng.choice(categories + ["central"])
        elif column == "x":
            r[column] = round(r[column] + rng.choice([-1, 1]) * 0.5, 3)
        elif column == "n":
            r[column] = "" if r[column] else "7"
        else:
            r[column] = "false" if r[column] == "true" else "true"
    for i in range(200):
        b.append({"id": 90000 + i, "region": "west", "x": 1.0, "n": "1", "flag": "true"})
    b += [dict(r) for r in rng.sample(b, 30)]  # duplicates for the unkeyed comparison
    rng.shuffle(b)
    paths = []
    for name, table in (("a.csv", a), ("b.csv", b)):
        path = os.path.join(folder, name)
        with open(path, "w") as out:
            out.write("id,region,x,n,flag\n")
            for r in table:
                out.write(f'{r["id"]},{r["region"]},{r["x"]},{r["n"]},{r["flag"]}\n')
        paths.append(path)
    return paths


def assay_diff(cli, a, b, *extra):
    done = subprocess.run([cli, "diff", a, b, "--json", "--limit", "100000", *extra],
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"assay diff failed ({done.returncode}): {done.stderr}")
    return json.loads(done.stdout)


def norm(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):
        value = value.item()
    return value


def row_key(row):
    return tuple(norm(v) for v in row)


def main():
    cli = sys.argv[1]
    problems = []
    with tempfile.TemporaryDirectory() as folder:
        path_a, path_b = write_tables(folder)
        a = pd.read_csv(path_a, keep_default_na=False, na_values=NA)
        b = pd.read_csv(path_b, keep_default_na=False, na_values=NA)

        # Unkeyed: rows as multisets.
        ours = assay_diff(cli, path_a, path_b)
        count_a = collections.Counter(row_key(r) for r in a.itertuples(index=False))
        count_b = collections.Counter(row_key(r) for r in b.itertuples(index=False))
        expected = {"added": sum((count_b - count_a).values()),
                    "removed": sum((count_a - count_b).values()),
                    "unchanged": sum((count_a & count_b).values())}
        for key, value in expected.items():
            if ours["rows"][key] != value:
                problems.append(f"unkeyed {key}: assay {ours['rows'][key]}, pandas {value}")

        # Keyed on id (B has duplicate rows, so dedupe it first to keep the key unique).
        b_unique = b.drop_duplicates()
        path_b_unique = os.path.join(folder, "b_unique.csv")
        b_unique.to_csv(path_b_unique, index=False, na_rep="")
        b_unique = pd.read_csv(path_b_unique, keep_default_na=False, na_values=NA)
        ours = assay_diff(cli, path_a, path_b_unique, "--key", "id")
        merged = a.merge(b_unique, on="id", how="outer", suffixes=("_a", "_b"), indicator=True)
        both = merged[merged["_merge"] == "both"]
        cells = set()
        for _, row in both.iterrows():
            for column in ["region", "x", "n", "flag"]:
                old, new = norm(row[column + "_a"]), norm(row[column + "_b"])
                if old != new:
                    cells.add((int(row["id"]), column, old, new))
        modified_ids = {c[0] for c in cells}
        expected = {"added": int((merged["_merge"] == "right_only").sum()),
                    "removed": int((merged["_merge"] == "left_only").sum()),
                    "modified": len(modified_ids),
                    "unchanged": len(both) - len(modified_ids)}
        for key, value in expected.items():
            if ours["rows"][key] != value:
                problems.append(f"keyed {key}: assay {ours['rows'][key]}, pandas {value}")
        our_cells = set()
        for change in ours["changes"]:
            if change["op"] == "modify":
                for column, values in change["cells"].items():
                    our_cells.add((change["key"]["id"], column, norm(values["from"]), norm(values["to"])))
        for cell in sorted(cells ^ our_cells, key=str)[:10]:
            problems.append(f"cell differs: {cell} ({'pandas only' if cell in cells else 'assay only'})")

        # Column statistics (B − A).
        for delta in ours["columns"]:
            name = delta["name"]
            if pd.api.types.is_numeric_dtype(a[name]) and a[name].dtype != bool:
                want = b_unique[name].mean() - a[name].mean()
                if not math.isclose(delta["mean_delta"], want, rel_tol=1e-9, abs_tol=1e-9):
                    problems.append(f"{name} mean_delta: assay {delta['mean_delta']}, pandas {want}")
            want = b_unique[name].isna().mean() - a[name].isna().mean()
            if not math.isclose(delta["missing_delta"], want, abs_tol=1e-12):
                problems.append(f"{name} missing_delta: assay {delta['missing_delta']}, pandas {want}")
            want = int(b_unique[name].nunique() - a[name].nunique())
            if delta["distinct_delta"] != want:
                problems.append(f"{name} distinct_delta: assay {delta['distinct_delta']}, pandas {want}")

    if problems:
        print("assay diff disagrees with pandas:")
        print("\n".join(problems[:20]))
        sys.exit(1)
    print("assay diff agrees with pandas (unkeyed, keyed cells, column deltas)")


if __name__ == "__main__":
    main()
