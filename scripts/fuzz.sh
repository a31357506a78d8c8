#!/usr/bin/env bash
# Runs every libFuzzer target of the asan build briefly against its seed corpus.
#   scripts/fuzz.sh BUILD_DIR SECONDS_PER_TARGET
# New interesting inputs go to a scratch directory, not the committed corpus; a crash
# fails the run and its input is left in fuzz/crashes/ to be kept as a regression seed.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?build dir}
seconds=${2:-20}
mkdir -p fuzz/crashes
status=0
for fuzzer in "$build"/fuzz/*_fuzzer; do
  [ -x "$fuzzer" ] || continue
  name=$(basename "$fuzzer" _fuzzer)
  scratch=$(mktemp -d)
  echo "fuzz: $name for ${seconds}s"
  if ! "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -artifact_prefix=fuzz/crashes/ \
       -print_final_stats=1 "$scratch" "fuzz/corpus/$name" >"$scratch.log" 2>&1; then
    tail -40 "$scratch.log"
    status=1
  else
    grep -E 'stat::number_of_executed_units|Done' "$scratch.log" | tail -2
  fi
  rm -rf "$scratch" "$scratch.log"
done
exit $status
