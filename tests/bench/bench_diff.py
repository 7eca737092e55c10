#!/usr/bin/python3
"""Benchmark: `assay diff --key` against daff (the npm tabular-diff tool) in one run.

Usage: /usr/bin/python3 tests/bench/bench_diff.py BUILD_DIR [--runs K]

1. Two 100k-row tables (10 columns; B drops 2% of A's rows, adds 2% new ones and changes
   one cell in 5% of the rows, shuffled), keyed on `id`: median seconds of `assay diff`
   and of `daff --id id`, each writing its full diff to /dev/null.
2. A 1M-row keyed diff of the reader benchmark's file against a changed copy: peak RSS of
   `assay diff` relative to the two files' size (target ≤ 3×).
daff is installed with npm into ~/.cache/assay-bench/daff for this benchmark only.
"""
import os
import random
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CACHE = os.path.join(os.path.expanduser("~"), ".cache", "assay-bench")
DAFF_VERSION = "1.4.2"


def daff_binary():
    prefix = os.path.join(CACHE, "daff")
    binary = os.path.join(prefix, "node_modules", ".bin", "daff")
    if not os.path.exists(binary):
        os.makedirs(prefix, exist_ok=True)
        subprocess.run(["npm", "install", "--silent", "--prefix", prefix, f"daff@{DAFF_VERSION}"],
                       check=True, stdout=subprocess.DEVNULL)
    return binary


def write_pair(folder, rows):
    rng = random.Random(7)
    header = "id,name,region,score,amount,count,flag,when,ratio,grade\n"
    base = []
    for i in range(rows):
        base.append([str(i), f"customer_{i % 9973}", rng.choice(["north", "south", "east", "west"]),
                     f"{rng.gauss(600, 50):.1f}", f"{rng.uniform(10, 5000):.2f}", str(rng.randint(0, 99)),
                     rng.choice(["true", "false"]), f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                     f"{rng.random():.4f}", rng.choice("ABCDEFG")])
    changed = [list(r) for r in base if rng.random() > 0.02]
    for r in changed:
        if rng.random() < 0.05:
            column = rng.randint(1, 9)
            r[column] = r[column] + "x" if column in (1, 2, 9) else str(rng.randint(0, 9))
    changed += [[str(rows + i)] + base[i][1:] for i in range(rows // 50)]
    rng.shuffle(changed)
    paths = []
    for name, table in (("a.csv", base), ("b.csv", changed)):
        path = os.path.join(folder, name)
        with open(path, "w") as out:
            out.write(header)
            out.writelines(",".join(r) + "\n" for r in table)
        paths.append(path)
    return paths


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def peak_rss_kb(command):
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *command], check=True,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(done.stderr.strip().splitlines()[-1])


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    assay = os.path.join(sys.argv[1], "app", "assay")
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    folder = os.path.join(CACHE, "diff")
    os.makedirs(folder, exist_ok=True)
    a, b = write_pair(folder, 100_000)
    daff = daff_binary()

    ours, theirs = [], []
    for _ in range(runs):
        ours.append(timed([assay, "diff", a, b, "--key", "id", "--json", "--limit", "1000000"]))
        theirs.append(timed([daff, "--id", "id", "--output", os.devnull, a, b]))
    o, t = statistics.median(ours), statistics.median(theirs)
    print(f"keyed diff, 100k rows x 10 columns, median of {runs}")
    print(f"  assay diff --key id   {o:8.3f} s")
    print(f"  daff --id id          {t:8.3f} s")
    print(f"  ratio                 {t / o:8.1f}x faster (target >= 10x)")

    sys.path.insert(0, HERE)
    import bench_table_read  # the reader benchmark's deterministic 1M-row file
    import pandas as pd
    big_a = os.path.join(CACHE, "diff", "big_a.csv")
    big_b = os.path.join(CACHE, "diff", "big_b.csv")
    if not os.path.exists(big_a):
        bench_table_read.generate(big_a, 1_000_000)
    if not os.path.exists(big_b):
        frame = pd.read_csv(big_a)
        frame = frame.sample(frac=0.99, random_state=3)
        frame.loc[frame.index[::100], "f1"] += 1.0
        frame.to_csv(big_b + ".partial", index=False, float_format="%.3f")
        os.replace(big_b + ".partial", big_b)
    size_kb = (os.path.getsize(big_a) + os.path.getsize(big_b)) / 1024
    rss = peak_rss_kb([assay, "diff", big_a, big_b, "--key", "id", "--json"])
    print("keyed diff, 1M rows x 21 columns")
    print(f"  peak RSS {rss / 1024:.0f} MB for {size_kb / 1024:.0f} MB of input: "
          f"{rss / size_kb:.2f}x (target <= 3x)")


if __name__ == "__main__":
    main()
