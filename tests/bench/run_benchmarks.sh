#!/usr/bin/env bash
# Usage: run_benchmarks.sh BUILD_DIR — every benchmark beside its reference tool, in one run.
# Figures are medians of repeated runs; this machine is shared, so compare ratios.
set -euo pipefail
build=${1:?usage: run_benchmarks.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
for bench in "$here"/bench_*.py; do
  echo "== $(basename "$bench")"
  /usr/bin/python3 "$bench" "$build"
done
# GUI benchmarks, when the workbench was built.
for bench in bench_runs_table bench_metric_chart; do
  if [[ -x "$build/tests/bench/$bench" ]]; then
    echo "== $bench"
    QT_QPA_PLATFORM=offscreen "$build/tests/bench/$bench"
  fi
done
