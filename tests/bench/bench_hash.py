#!/usr/bin/python3
"""Benchmark: Assay's MD5 (version::md5OfFile, version::hashFiles) against coreutils md5sum.

Usage: /usr/bin/python3 tests/bench/bench_hash.py BUILD_DIR [--runs K] [--size-mib N] [--files N]

1. One large file (1 GiB of seeded pseudo-random bytes, kept in $TMPDIR/assay-bench/): Assay's
   md5OfFile vs `md5sum FILE`, alternating, each run a fresh process; the file is read once
   first so both measure hashing from the page cache. Target: >= 90% of md5sum's throughput.
2. A folder of many small files: hashFiles on all cores vs `md5sum` over the same files.
Prints medians and ratios; exits 1 if the digests disagree.
"""
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time


def arg(name, default):
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def generate_file(path, mib):
    if os.path.exists(path) and os.path.getsize(path) == mib << 20:
        return
    rng = random.Random(20240115)
    with open(path + ".tmp", "wb") as out:
        for _ in range(mib):
            out.write(rng.randbytes(1 << 20))
    os.replace(path + ".tmp", path)


def generate_folder(path, count):
    marker = os.path.join(path, ".complete")
    if os.path.exists(marker):
        return
    rng = random.Random(7)
    for i in range(count):
        sub = os.path.join(path, f"part{i % 100:02d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"f{i:06d}.bin"), "wb") as out:
            out.write(rng.randbytes(rng.randint(1024, 65536)))
    open(marker, "w").close()


def timed(command):
    start = time.perf_counter()
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    return time.perf_counter() - start, result.stdout


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    bench = os.path.join(sys.argv[1], "tests", "bench", "bench_hash")
    runs = arg("--runs", 5)
    mib = arg("--size-mib", 1024)
    count = arg("--files", 20000)
    work = os.path.join(tempfile.gettempdir(), "assay-bench")
    os.makedirs(work, exist_ok=True)
    big = os.path.join(work, f"hash-{mib}mib.bin")
    folder = os.path.join(work, f"hash-folder-{count}")
    generate_file(big, mib)
    generate_folder(folder, count)
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(folder) for f in fs
                   if f != ".complete")

    subprocess.run(["md5sum", big], check=True, capture_output=True)  # warm the page cache
    ours, theirs, ours_dir, theirs_dir = [], [], [], []
    for _ in range(runs):
        _, out = timed([bench, "file", big])
        ours.append(json.loads(out)["seconds"])
        ours_digest = json.loads(out)["md5"]
        seconds, out = timed(["md5sum", big])
        theirs.append(seconds)
        if out.split()[0] != ours_digest:
            print("digest mismatch:", ours_digest, out.split()[0])
            return 1
        _, out = timed([bench, "dir", folder])
        ours_dir.append(json.loads(out)["seconds"])
        seconds, _ = timed(["sh", "-c", f"find '{folder}' -type f ! -name .complete -print0 | "
                            "xargs -0 md5sum > /dev/null"])
        theirs_dir.append(seconds)

    size = mib << 20
    ours_s, theirs_s = statistics.median(ours), statistics.median(theirs)
    dir_bytes = sum(os.path.getsize(f) for f in files)
    ours_d, theirs_d = statistics.median(ours_dir), statistics.median(theirs_dir)
    print(f"runs: {runs} (medians), cores: {os.cpu_count()}")
    print(f"{'case':<42}{'assay s':>10}{'md5sum s':>10}{'assay MB/s':>12}{'md5sum MB/s':>12}"
          f"{'ratio':>8}")
    print(f"{'one file, ' + str(mib) + ' MiB':<42}{ours_s:>10.3f}{theirs_s:>10.3f}"
          f"{size / ours_s / 1e6:>12.0f}{size / theirs_s / 1e6:>12.0f}{theirs_s / ours_s:>8.2f}")
    print(f"{str(len(files)) + ' files, ' + str(dir_bytes >> 20) + ' MiB (parallel)':<42}"
          f"{ours_d:>10.3f}{theirs_d:>10.3f}{dir_bytes / ours_d / 1e6:>12.0f}"
          f"{dir_bytes / theirs_d / 1e6:>12.0f}{theirs_d / ours_d:>8.2f}")
    print(f"throughput vs md5sum on one file: {100 * theirs_s / ours_s:.0f}% (target >= 90%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
