#!/usr/bin/python3
"""Benchmark: `assay data status` with the state table against hashing everything again.

Usage: /usr/bin/python3 tests/bench/bench_status.py BUILD_DIR [--runs K] [--files N]
                                                   [--min-kib A] [--max-kib B]

Builds a workspace in $TMPDIR/assay-bench/status-N-A-B/ with one tracked folder of N files
(default 100000 files of 1-4 KiB, seeded), tracked once with `assay data add`. Then, alternating:
  - warm:   `assay data status` (the state table vouches for every unchanged file);
  - rehash: the same after `DELETE FROM hash_state` (every file hashed again, on all cores),
            with the files' bytes still in the page cache;
  - cold rehash: the same after the files' bytes were dropped from the page cache
            (posix_fadvise DONTNEED on each file): re-hashing a tree as big as the ones
            that made DVC's status slow, which no longer fits in memory;
  - md5sum: coreutils md5sum over all the files (one process, for scale).
Prints medians; target: warm >= 20x faster than rehash. Both rehash figures are printed.
"""
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time


def arg(name, default):
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def build_workspace(assay, root, count, min_kib, max_kib):
    marker = os.path.join(root, ".bench-complete")
    if os.path.exists(marker):
        return
    subprocess.run(["rm", "-rf", root], check=True)
    os.makedirs(root)
    subprocess.run([assay, "init", root], check=True, capture_output=True)
    rng = random.Random(11)
    for i in range(count):
        sub = os.path.join(root, "data", f"shard{i % 256:03d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"row{i:06d}.json"), "wb") as out:
            out.write(rng.randbytes(rng.randint(min_kib << 10, max_kib << 10)))
    subprocess.run([assay, "--workspace", root, "data", "add", os.path.join(root, "data")],
                   check=True, capture_output=True)
    open(marker, "w").close()


def timed_status(assay, root):
    start = time.perf_counter()
    result = subprocess.run([assay, "--workspace", root, "data", "status"], capture_output=True,
                            text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"status failed ({result.returncode}): {result.stdout}{result.stderr}")
    return seconds


def drop_from_page_cache(folder):
    """Asks the kernel to forget the cached bytes of every file (metadata stays cached)."""
    for directory, _, names in os.walk(folder):
        for name in names:
            fd = os.open(os.path.join(directory, name), os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    assay = os.path.join(sys.argv[1], "app", "assay")
    runs = arg("--runs", 5)
    count = arg("--files", 100000)
    min_kib, max_kib = arg("--min-kib", 1), arg("--max-kib", 4)
    suffix = "" if (min_kib, max_kib) == (1, 4) else f"-{min_kib}-{max_kib}kib"
    root = os.path.join(tempfile.gettempdir(), "assay-bench", f"status-{count}{suffix}")
    build_workspace(assay, root, count, min_kib, max_kib)
    database = os.path.join(root, ".assay", "assay.db")
    timed_status(assay, root)  # fill the page cache and the state table once

    warm, rehash, cold, md5sum = [], [], [], []
    for _ in range(runs):
        warm.append(timed_status(assay, root))
        with sqlite3.connect(database) as db:
            db.execute("DELETE FROM hash_state")
        rehash.append(timed_status(assay, root))
        with sqlite3.connect(database) as db:
            db.execute("DELETE FROM hash_state")
        drop_from_page_cache(os.path.join(root, "data"))
        cold.append(timed_status(assay, root))
        start = time.perf_counter()
        subprocess.run(["sh", "-c", f"find '{root}/data' -type f -print0 | xargs -0 md5sum "
                                    "> /dev/null"], check=True)
        md5sum.append(time.perf_counter() - start)

    w, r, m = statistics.median(warm), statistics.median(rehash), statistics.median(md5sum)
    c = statistics.median(cold)
    print(f"{count} unchanged files of {min_kib}-{max_kib} KiB, runs: {runs} (medians), "
          f"cores: {os.cpu_count()}")
    print(f"{'case':<44}{'seconds':>10}{'vs warm':>10}")
    print(f"{'assay data status (state table)':<44}{w:>10.3f}{1.0:>10.1f}")
    print(f"{'assay data status, state deleted (rehash)':<44}{r:>10.3f}{r / w:>10.1f}")
    print(f"{'the same, bytes dropped from the page cache':<44}{c:>10.3f}{c / w:>10.1f}")
    print(f"{'md5sum over all files':<44}{m:>10.3f}{m / w:>10.1f}")
    print(f"speed-up from the state table: {r / w:.1f}x with the bytes cached, "
          f"{c / w:.1f}x from storage (target >= 20x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
