#!/usr/bin/env bash
# The performance tree and the alignment report through PlanningService on SQLite (a synthetic
# province: 40 agencies, 5,000 sub-activities, 5,560 indicators with 5 yearly targets each) on
# the release build; prints the table. Build first:
#   cmake --preset release && cmake --build --preset release --target sinergi_planning_service_bench
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=${SINERGI_PLANNING_SERVICE_BENCH:-build/release/bench/sinergi_planning_service_bench}
[ -x "$binary" ] || { echo "build it first (see the top of this script)" >&2; exit 1; }
"$binary" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
