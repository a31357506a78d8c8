#!/usr/bin/env bash
# Google Benchmark of build_performance_tree plus alignment_gaps on a synthetic province
# (40 agencies, 5,000 sub-activities) on the release build; prints the table. Build first:
#   cmake --preset release && cmake --build --preset release --target sinergi_performance_tree_bench
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=${SINERGI_PERFORMANCE_TREE_BENCH:-build/release/bench/sinergi_performance_tree_bench}
[ -x "$binary" ] || { echo "build it first (see the top of this script)" >&2; exit 1; }
"$binary" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
