#!/usr/bin/env bash
# Google Benchmark of summarize_discipline (one person, one year of working days) on the
# release build; prints the table. Build first:
#   cmake --preset release && cmake --build --preset release --target sinergi_discipline_bench
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=${SINERGI_DISCIPLINE_BENCH:-build/release/bench/sinergi_discipline_bench}
[ -x "$binary" ] || { echo "build it first (see the top of this script)" >&2; exit 1; }
"$binary" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
