#!/usr/bin/env bash
# Times `sinergi import` of a province-sized Renstra into the demo plan: 6,048 nodes (36
# agencies x 3 programs x 5 activities x 10 sub-activities), 5,400 indicators and 27,000
# yearly targets, each a dry run and a commit, then the same file again (all unchanged).
# Usage: bench/planning/run_import.sh [DATABASE_URL]   (default: a new SQLite file)
# A PostgreSQL URL must name an empty database. Build first: cmake --build --preset release.
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=${SINERGI_BINARY:-build/release/src/app/sinergi}
[ -x "$binary" ] || { echo "build $binary first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
url=${1:-sqlite://$work/bench.db}
"$binary" demo --db "$url" >/dev/null
# 36 agencies of its own, so the codes do not depend on the demo's.
{
  echo "code,short_name,name,kind"
  for n in $(seq -w 1 36); do echo "BENCH$n,B$n,Badan Uji $n,badan"; done
} >"$work/agencies.csv"
"$binary" import --db "$url" --kind agencies --file "$work/agencies.csv" --commit >/dev/null
# The demo plan is adopted, so its targets change only through revisions. This measures the
# import, not change control: the plan is set back to draft directly in the database.
case "$url" in
  sqlite://*) python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE plans SET status='draft', regulation_number=NULL, regulation_date=NULL\"); c.commit()" "${url#sqlite://}" ;;
  *) psql "$url" -qc "UPDATE plans SET status='draft', regulation_number=NULL, regulation_date=NULL" ;;
esac
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
agencies = [f"BENCH{n:02d}" for n in range(1, 37)]
nodes = ["kind,code,title,parent_code,agency_code"]
indicators = ["node_kind,node_code,agency_code,code,name,unit,polarity,formula_variant,aggregation,"
              "baseline_year,baseline_value,data_source_kind"]
targets = ["node_kind,node_code,agency_code,indicator,year,value"]
for agency in agencies:
    for p in range(1, 4):
        program = f"X.XX.{p:02d}"
        nodes.append(f"program,{program},Program lintas {p} {agency},,{agency}")
        for k in range(1, 6):
            activity = f"{program}.1.{k:02d}"
            nodes.append(f"kegiatan,{activity},Kegiatan {k} program {p} {agency},,{agency}")
            for s in range(1, 11):
                code = f"{activity}.{s:04d}"
                nodes.append(f"sub_kegiatan,{code},Sub kegiatan {s} kegiatan {k} {agency},,{agency}")
                indicators.append(f"sub_kegiatan,{code},{agency},OUT-1,Jumlah keluaran {s},dokumen,"
                                  "higher_is_better,ratio,sum,2024,10,agency")
                for year in range(2025, 2030):
                    targets.append(f"sub_kegiatan,{code},{agency},OUT-1,{year},{10 + year - 2025}")
for name, rows in (("nodes", nodes), ("indicators", indicators), ("targets", targets)):
    with open(f"{work}/{name}.csv", "w") as out:
        out.write("\n".join(rows) + "\n")
PY
echo "| kind | rows | dry run (s) | commit (s) | again, unchanged (s) |"
echo "|---|---|---|---|---|"
for kind in nodes indicators targets; do
  rows=$(($(wc -l <"$work/$kind.csv") - 1))
  times=()
  for flag in "" --commit --commit; do
    start=$(date +%s.%N)
    "$binary" import --db "$url" --kind "$kind" --plan 1 --file "$work/$kind.csv" $flag >/dev/null
    end=$(date +%s.%N)
    times+=("$(python3 -c "print(f'{$end - $start:.2f}')")")
  done
  echo "| $kind | $rows | ${times[0]} | ${times[1]} | ${times[2]} |"
done
