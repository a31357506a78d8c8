#!/usr/bin/env bash
# Google Benchmark of the achievement engine at national scale (1,000,000 indicators with
# period aggregation, predicate and a three-level roll-up) on one core of the release build;
# prints the table. Build first:
#   cmake --preset release && cmake --build --preset release --target sinergi_achievement_bench
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=${SINERGI_ACHIEVEMENT_BENCH:-build/release/bench/sinergi_achievement_bench}
[ -x "$binary" ] || { echo "build it first (see the top of this script)" >&2; exit 1; }
taskset -c 0 "$binary" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
