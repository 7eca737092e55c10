"""Oracle: `assay validate --suite` against the same checks computed with pandas.

Usage: test_validate_pandas.py ASSAY_CLI [BUILD_DIR]. Generates datasets (one past the
profile's exact-count limit, so unique/regex/in_set must stream every value), runs every
suite check and compares pass/fail and failing row counts, then the unexpected-value and
out-of-range counts and shares of the anomalies. Exits non-zero on the first disagreement.
"""
import json
import os
import random
import subprocess
import sys
import tempfile

import pandas as pd

NA = ["", "NA", "NaN", "null", "None"]
CITIES = ["Braga", "Faro", "Porto"]
EMAIL = r"[a-z0-9.]+@[a-z]+\.(com|org)"
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def write_data(path, rows, seed, dirt):
    rng = random.Random(seed)
    with open(path, "w") as out:
        out.write("id,age,city,email,income\n")
        for i in range(rows):
            ident = i if rng.random() > dirt else rng.randrange(max(i, 1))
            age = rng.randint(18, 90) if rng.random() > dirt else rng.choice([7, 95, 120])
            city = rng.choice(CITIES) if rng.random() > dirt else rng.choice(["Lisboa", "Coimbra", ""])
            email = f"user{i}.{rng.randint(0, 9)}@mail.{rng.choice(['com', 'org'])}"
            if rng.random() < dirt:
                email = rng.choice(["nobody", f"x{i}@mail.net", "Upper@mail.com"])
            income = "" if rng.random() < 0.05 else f"{rng.lognormvariate(8, 0.5):.2f}"
            out.write(f"{ident},{age},{city},{email},{income}\n")


def run(cli, *args):
    done = subprocess.run([cli, *args], capture_output=True, text=True)
    return done.returncode, done.stdout, done.stderr


def expected_tests(frame):
    """(name, yaml entry, passed, failing rows or None) computed with pandas."""
    tests = []
    rows = len(frame)
    for column in frame.columns:
        missing = int(frame[column].isna().sum())
        tests.append((f"{column} not_null", {"column": column, "not_null": True}, missing == 0, missing))
    for column in ["id", "email", "age"]:
        values = frame[column].dropna()
        repeats = int(len(values) - values.nunique())
        tests.append((f"{column} unique", {"column": column, "unique": True}, repeats == 0, repeats))
    age = frame["age"].dropna()
    outside = int(((age < 18) | (age > 90)).sum())
    tests.append(("age between", {"column": "age", "between": {"min": 18, "max": 90}}, outside == 0, outside))
    city = frame["city"].dropna()
    not_in = int((~city.isin(CITIES)).sum())
    tests.append(("city in_set", {"column": "city", "in_set": CITIES}, not_in == 0, not_in))
    email = frame["email"].dropna().astype(str)
    no_match = int((~email.str.fullmatch(EMAIL)).sum())
    tests.append(("email regex", {"column": "email", "regex": EMAIL}, no_match == 0, no_match))
    for check_name, value in (("mean_between", frame["income"].mean()), ("std_between", frame["income"].std())):
        slack = abs(value) * 1e-9
        tests.append((f"income {check_name} around", {"column": "income", check_name: {"min": value - slack, "max": value + slack}}, True, None))
        tests.append((f"income {check_name} above", {"column": "income", check_name: {"min": value + abs(value) * 1e-6}}, False, None))
    tests.append(("rows around", {"row_count_between": {"min": rows - 1, "max": rows + 1}}, True, None))
    tests.append(("rows above", {"row_count_between": {"min": rows + 1}}, False, None))
    return tests


def yaml_value(value):
    return json.dumps(value)  # JSON is YAML


def write_suite(path, tests):
    with open(path, "w") as out:
        out.write("tests:\n")
        for name, entry, _, _ in tests:
            out.write(f"  - name: {yaml_value(name)}\n")
            for key, value in entry.items():
                out.write(f"    {key}: {yaml_value(value)}\n")


def compare(cli, folder, rows, seed, dirt):
    data = os.path.join(folder, f"data-{seed}.csv")
    write_data(data, rows, seed, dirt)
    frame = pd.read_csv(data, keep_default_na=False, na_values=NA)
    label = f"[{rows} rows, dirt {dirt}]"

    schema_path = os.path.join(folder, f"schema-{seed}.json")
    code, _, err = run(cli, "schema", "infer", data, "-o", schema_path)
    check(code == 0, f"{label} schema infer failed: {err}")
    code, out, err = run(cli, "--json", "validate", data, "--schema", schema_path)
    check(code == 0 and json.loads(out)["anomalies"] == [], f"{label} own schema rejects its data: {out}{err}")

    # A person's edits: the domain and the range they expect.
    with open(schema_path) as f:
        schema = json.load(f)
    for column in schema["columns"]:
        if column["name"] == "city":
            column["domain"] = CITIES
        if column["name"] == "age":
            column["min"], column["max"] = 18, 90
    with open(schema_path, "w") as f:
        json.dump(schema, f)

    tests = expected_tests(frame)
    suite = os.path.join(folder, f"suite-{seed}.yaml")
    write_suite(suite, tests)
    code, out, err = run(cli, "--json", "validate", data, "--schema", schema_path, "--suite", suite)
    check(code in (0, 1), f"{label} validate exit {code}: {err}")
    if code not in (0, 1):
        return
    report = json.loads(out)
    check(report["rows"] == rows, f"{label} rows {report['rows']} != {rows}")
    got = {t["name"]: t for t in report["tests"]}
    for name, _, passed, failing in tests:
        result = got.get(name)
        check(result is not None, f"{label} no result for {name}")
        if result is None:
            continue
        check(result["passed"] == passed, f"{label} {name}: assay passed={result['passed']}, pandas {passed} ({result['detail']})")
        if failing is not None:
            check(result.get("failing_rows") == failing,
                  f"{label} {name}: assay failing rows {result.get('failing_rows')}, pandas {failing}")

    anomalies = {(a["kind"], a["column"]): a for a in report["anomalies"]}
    city = frame["city"].dropna()
    unexpected = int((~city.isin(CITIES)).sum())
    age = frame["age"]
    out_of_range = int(((age < 18) | (age > 90)).sum())
    for key, count in ((("unexpected_values", "city"), unexpected), (("out_of_range", "age"), out_of_range)):
        anomaly = anomalies.get(key)
        if count == 0:
            check(anomaly is None, f"{label} unexpected anomaly {key}: {anomaly}")
            continue
        check(anomaly is not None, f"{label} missing anomaly {key} (pandas counts {count})")
        if anomaly is None:
            continue
        check(anomaly["count"] == count, f"{label} {key}: assay count {anomaly['count']}, pandas {count}")
        check(abs(anomaly["share"] - count / rows) < 1e-12, f"{label} {key}: share {anomaly['share']} vs {count / rows}")
    if unexpected:
        severity = "error" if unexpected / rows > 0.01 else "warning"
        check(anomalies[("unexpected_values", "city")]["severity"] == severity, f"{label} unexpected_values severity")
    expect_failed = any(a["severity"] == "error" for a in report["anomalies"]) or any(not t["passed"] for t in report["tests"])
    check(code == (1 if expect_failed else 0), f"{label} exit code {code}")


def main():
    cli = sys.argv[1]
    with tempfile.TemporaryDirectory() as folder:
        compare(cli, folder, 3000, 1, 0.0)
        compare(cli, folder, 3000, 2, 0.004)
        compare(cli, folder, 5000, 3, 0.05)
        compare(cli, folder, 120_000, 4, 0.002)  # past the exact-count limit: streamed checks
    for failure in failures[:30]:
        print(failure)
    if failures:
        print(f"{len(failures)} disagreements")
        return 1
    print("assay validate agrees with pandas")
    return 0


if __name__ == "__main__":
    sys.exit(main())
