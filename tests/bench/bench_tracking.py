#!/usr/bin/env python3
"""Batch metric logging into the tracking store (bench_tracking, C++), median of 3 runs.

Target: >= 200k points/s. There is no reference tool to compare with: MLflow's own
log_batch goes through its REST/SQLAlchemy layers and is not installed here.
Usage: bench_tracking.py BUILD_DIR
"""
import json
import statistics
import subprocess
import sys
from pathlib import Path

build = Path(sys.argv[1])
binary = build / "tests" / "bench" / "bench_tracking"
rates = []
for _ in range(3):
    out = subprocess.run([str(binary), "1000000", "10000"], check=True, capture_output=True,
                         text=True).stdout
    result = json.loads(out)
    assert result["all_stored"], result
    rates.append(result["points_per_second"])
median = statistics.median(rates)
print(json.dumps({"benchmark": "tracking_log_metrics_batch", "points": 1000000, "batch": 10000,
                  "points_per_second_median": round(median), "target": 200000,
                  "meets_target": median >= 200000, "reference": "none"}))
