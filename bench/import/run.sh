#!/usr/bin/env bash
# Import benchmark: 100,000 people and 100,000 definitive assignments from CSV, committed
# through SpreadsheetImporter::run into a file-backed SQLite database (WAL) in /tmp.
# Writes bench/results/import_100k_people.md. Goal: people + assignments under 5 s.
#   bench/import/run.sh [PEOPLE] [AGENCIES]
# Uses the release build (make release, then cmake --build --preset release --target
# sinergi_import_bench), or the binary named by SINERGI_IMPORT_BENCH.
set -euo pipefail
cd "$(dirname "$0")/../.."
people=${1:-100000}
agencies=${2:-40}
binary=${SINERGI_IMPORT_BENCH:-build/release/bench/sinergi_import_bench}
[ -x "$binary" ] || {
  echo "build it first: cmake --preset release && cmake --build --preset release --target sinergi_import_bench" >&2
  exit 1
}

work=$(mktemp -d /tmp/sinergi-import-bench.XXXXXX)
load=$(cut -d' ' -f1-3 /proc/loadavg)
trap 'rm -rf "$work"' EXIT
"$binary" --db "$work/bench.db" --people "$people" --agencies "$agencies" | tee "$work/out.txt"

value() { awk -v key="$1" '$1 == key {print $2}' "$work/out.txt"; }
counts() { awk -v key="$1_rows" '$1 == key {print "created " $4 ", updated " $6 ", unchanged " $8 ", " $10 " bytes"}' "$work/out.txt"; }
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
total=$(value people_and_assignments_seconds)
verdict=$(python3 -c "print('under' if $total < 5 else 'OVER')")

mkdir -p bench/results
cat >bench/results/import_100k_people.md <<RESULT
# Import: $people people with assignments from CSV into SQLite

Run: $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($cpu), $(uname -r); SQLite $(sqlite3 --version 2>/dev/null | cut -d' ' -f1 || echo '?'),
file-backed database in /tmp with WAL and synchronous=NORMAL (as \`sinergi serve\` opens it).
Command: \`bench/import/run.sh $people $agencies\` (release build). Each step is one
\`SpreadsheetImporter::run\` commit, timed around the call: reading the CSV, checking every
row, loading what the natural keys need, the bulk writes, the audit event, the commit.

| step | seconds (wall) | CPU seconds | rows |
|---|---|---|---|
| people ($agencies agencies) | $(value people_seconds) | $(value people_cpu_seconds) | $(counts people) |
| assignments (one definitive post each) | $(value assignments_seconds) | $(value assignments_cpu_seconds) | $(counts assignments) |
| **people + assignments** | **$total** | $(value people_and_assignments_cpu_seconds) | goal: under 5 s, **$verdict** |
| people again (all unchanged) | $(value people_again_seconds) | $(value people_again_cpu_seconds) | $(counts people_again) |
| assignments again (all unchanged) | $(value assignments_again_seconds) | $(value assignments_again_cpu_seconds) | $(counts assignments_again) |

Load average when it started: $load (the machine is shared; CPU seconds are what the
import itself used, wall seconds include waiting for the cores and the disk).

Setup, not part of the goal: $agencies agencies in $(value setup_agencies_seconds) s, $people positions (one
per person, a positions import) in $(value setup_positions_seconds) s. Parsing the people CSV alone
(\`tabular::read_csv\`) takes $(value parse_people_csv_seconds) s.
RESULT
echo "wrote bench/results/import_100k_people.md" >&2
