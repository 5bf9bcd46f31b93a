#!/usr/bin/env bash
# Export at provincial scale: generates N households (default 1,000,000) for province 11, imports them into a fresh
# SQLite file, then exports the province to CSV (households + members) and to XLSX, each timed by /usr/bin/time
# (wall time, CPU = user + sys, peak resident set). Checks that the CSV export is byte-identical to the generated files
# (round trip) and that the XLSX export holds the same number of households and members.
#   scripts/bench-export.sh [N]        (Release build; takes a few minutes at 1M; needs ~4 GB of RAM for the import)
#   BENCH_EXPORT_DIR=/path scripts/bench-export.sh [N]
#       keeps the build, data and database in that folder and reuses the database on the next run (same N), so only
#       the exports are measured again.
set -euo pipefail
n=${1:-1000000}
root=$(cd "$(dirname "$0")/.." && pwd)
if [[ -n "${BENCH_EXPORT_DIR:-}" ]]; then
  work=$BENCH_EXPORT_DIR
  mkdir -p "$work"
else
  work=$(mktemp -d /tmp/giamngheo-bench-export.XXXXXX)
  trap 'rm -rf "$work"' EXIT
fi
dotnet build "$root/src/GiamNgheo.Cli" -c Release -o "$work/bin" >/dev/null
cli() { dotnet "$work/bin/giamngheo.dll" "$@"; }
timed() {
  /usr/bin/time -o "$work/time.txt" -f '%e %U %S %M' "$@"
  awk '{ printf "  wall %.1f s, CPU %.1f s (user %.1f + sys %.1f), peak RSS %.0f MB\n", $1, $2 + $3, $2, $3, $4 / 1024 }' "$work/time.txt"
}
export Database__Provider=Sqlite Database__Path="$work/db.sqlite"
echo "load: $(cat /proc/loadavg)"
if [[ -f "$work/db.sqlite" && "$(cat "$work/n" 2>/dev/null)" == "$n" ]]; then
  echo "reusing the database of $n households in $work"
else
  rm -rf "$work/data" "$work"/db.sqlite*
  cli generate --province 11 --households "$n" --seed 2026 --output "$work/data" >/dev/null
  echo "import $n households:"; timed dotnet "$work/bin/giamngheo.dll" import --households "$work/data/households.csv" --members "$work/data/members.csv" | tail -2
  echo "$n" > "$work/n"
fi
echo "export CSV (households + members):"; timed dotnet "$work/bin/giamngheo.dll" export --unit 11 --output "$work/x.csv" --members "$work/m.csv"
if [[ -f "$work/data/households.csv" ]]; then
  cmp -s "$work/x.csv" "$work/data/households.csv" && cmp -s "$work/m.csv" "$work/data/members.csv" && echo "  round trip: identical to the generated files"
fi
echo "export XLSX:"; timed dotnet "$work/bin/giamngheo.dll" export --unit 11 --output "$work/x.xlsx"
ls -l "$work"/x.* "$work"/m.csv | awk '{ printf "  %.1f MB  %s\n", $5 / 1048576, $9 }'
python3 - "$work/x.xlsx" <<'PY' 2>/dev/null || true
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for i in z.infolist():
    if i.filename.startswith("xl/worksheets/"):
        print(f"  {i.filename}: {i.file_size / 1048576:.0f} MB of XML, {i.compress_size / 1048576:.0f} MB deflated")
PY
echo "load: $(cat /proc/loadavg)"
