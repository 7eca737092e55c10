#!/usr/bin/python3
"""Oracle: assay's table reader against pandas.read_csv on a tricky generated CSV.

Usage: test_table_reader_pandas.py ASSAY_CLI BUILD_DIR
The CLI path (argv[1]) is unused; the reader is driven through BUILD_DIR/tests/bench/table_dump,
which prints the table as JSON. The CSV (deterministic, ~50k rows) has quoted fields with
commas, doubled quotes and newlines, every missing token, ints, floats in several notations,
bools, unicode strings, numbers-as-text ("007") and ISO datetimes with offsets. pandas reads
it with keep_default_na=False, na_values=["", "NA", "NaN", "null", "None"]; dtypes and
values must agree (floats to 1e-12 relative). Exits 1 and prints the first differences.
"""
import json
import math
import os
import random
import subprocess
import sys
import tempfile

import pandas as pd

MISSING = ["", "NA", "NaN", "null", "None"]
ROWS = 50_000


def quote(text):
    if any(c in text for c in ',"\n\r') or text != text.strip():
        return '"' + text.replace('"', '""') + '"'
    return text


def generate(path):
    rng = random.Random(4181)
    words = ["alpha", "beta", "gamma", "Zürich", "naïve café", "日本", "say \"hi\"", "a,b",
             "two\nlines", "  padded  ", "O'Brien", "x\r\ny"]
    header = ["id", "score", "count", "flag", "city", "note", "code", "when", "maybe_flag",
              "tiny", "empty"]
    lines = [",".join(header)]
    for i in range(ROWS):
        score = rng.choice([f"{rng.uniform(-1e3, 1e3):.6f}", f"{rng.gauss(0, 1):.17g}",
                            f"{rng.uniform(0, 1):.3e}", str(rng.randint(-50, 50)),
                            rng.choice(MISSING)])
        count = str(rng.randint(-10**12, 10**12)) if rng.random() > 0.1 else rng.choice(MISSING)
        flag = rng.choice(["True", "False", "true", "false", "TRUE", "FALSE"])
        city = rng.choice(["Paris", "Berlin", "Oslo", "São Paulo", "Kraków"])
        note = rng.choice(words) + (str(i) if rng.random() < 0.3 else "")
        code = rng.choice(["007", "12", "+3", "1.50", "abc", "0x1F"])
        when = rng.choice([
            f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:"
            f"{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}",
            f"2022-06-{rng.randint(1, 30):02d} 08:15:30.250+02:00",
            f"2021-12-31T23:59:59Z",
        ])
        maybe_flag = rng.choice(["True", "False", "NA"])
        tiny = f"{rng.uniform(-1, 1) * 10 ** rng.randint(-300, 300):.15e}"
        fields = [str(i), score, count, flag, city, note, code, when, maybe_flag, tiny,
                  rng.choice(MISSING)]
        lines.append(",".join(quote(f) for f in fields))
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("\r\n".join(lines[:100]) + "\r\n" + "\n".join(lines[100:]) + "\n")


def dump(tool, path, *extra):
    result = subprocess.run([tool, path, *extra], capture_output=True, text=True)
    if result.returncode != 0:
        print(f"table_dump failed: {result.stderr.strip()}")
        sys.exit(1)
    return json.loads(result.stdout)


def close(a, b):
    if math.isinf(a) or math.isinf(b):
        return a == b
    return a == b or abs(a - b) <= 1e-12 * max(abs(a), abs(b))


def as_float(value):
    if isinstance(value, str):
        return float(value)  # "inf"/"-inf"
    return float(value)


def compare(ours, frame):
    problems = []
    if [c["name"] for c in ours["columns"]] != list(frame.columns):
        return [f"column names: ours {[c['name'] for c in ours['columns']]}, "
                f"pandas {list(frame.columns)}"]
    if ours["rows"] != len(frame):
        return [f"rows: ours {ours['rows']}, pandas {len(frame)}"]
    for column in ours["columns"]:
        name, kind, values = column["name"], column["type"], column["values"]
        series = frame[name]
        dtype = str(series.dtype)
        missing = series.isna().tolist()
        ours_missing = [v is None for v in values]
        if missing != ours_missing:
            row = next(i for i, (a, b) in enumerate(zip(missing, ours_missing)) if a != b)
            problems.append(f"{name}: missing differs first at row {row}: pandas "
                            f"{series.iloc[row]!r}, ours {values[row]!r}")
            continue
        expected_kinds = {"int64": {"int"}, "float64": {"float", "int"}, "bool": {"bool"},
                          "object": {"string", "datetime", "bool"}}.get(dtype, set())
        if kind not in expected_kinds:
            problems.append(f"{name}: type ours {kind}, pandas dtype {dtype}")
            continue
        pandas_values = series.tolist()
        if kind == "datetime":
            pandas_values = [None if m else int(pd.Timestamp(v).tz_localize("UTC").value
                                                if pd.Timestamp(v).tzinfo is None
                                                else pd.Timestamp(v).tz_convert("UTC").value)
                             for v, m in zip(pandas_values, missing)]
        for row, (theirs, mine, is_missing) in enumerate(zip(pandas_values, values, missing)):
            if is_missing:
                continue
            if kind in ("int", "float"):
                ok = close(as_float(theirs), as_float(mine))
            elif kind == "bool":
                ok = bool(theirs) == mine
            else:
                ok = theirs == mine
            if not ok:
                problems.append(f"{name}: row {row}: pandas {theirs!r}, ours {mine!r}")
                break
    return problems


def main():
    if len(sys.argv) < 3:
        print("usage: test_table_reader_pandas.py ASSAY_CLI BUILD_DIR")
        return 2
    tool = os.path.join(sys.argv[2], "tests", "bench", "table_dump")
    if not os.path.exists(tool):
        print(f"missing {tool}: build the table_dump target")
        return 1
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "tricky.csv")
        generate(path)
        frame = pd.read_csv(path, keep_default_na=False, na_values=MISSING)
        problems = []
        baseline = None
        for extra in ([], ["--threads", "1"], ["--threads", "3", "--block", "65536"]):
            ours = dump(tool, path, *extra)
            found = compare(ours, frame)
            problems += [f"[{' '.join(extra) or 'default'}] {p}" for p in found]
            if baseline is None:
                baseline = ours
            elif ours != baseline:
                problems.append(f"[{' '.join(extra)}] differs from the default read")
    if problems:
        print(f"{len(problems)} difference(s) from pandas; first ones:")
        for problem in problems[:10]:
            print("  " + problem)
        return 1
    print(f"ok: {ROWS} rows, {len(frame.columns)} columns agree with pandas {pd.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
