#!/usr/bin/env bash
# Export at provincial scale: generates N households (default 1,000,000) for province 11, imports them into a fresh
# SQLite file, then exports the province to CSV (households + members) and to XLSX, each timed by /usr/bin/time -v
# (wall time and peak resident set). Checks that the CSV export is byte-identical to the generated files (round trip).
#   scripts/bench-export.sh [N]        (Release build; takes a few minutes at 1M; needs ~4 GB of RAM for the import)
set -euo pipefail
n=${1:-1000000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/giamngheo-bench-export.XXXXXX)
trap 'rm -rf "$work"' EXIT
dotnet build "$root/src/GiamNgheo.Cli" -c Release -o "$work/bin" >/dev/null
cli() { dotnet "$work/bin/giamngheo.dll" "$@"; }
timed() { /usr/bin/time -f '  wall %e s, user %U s, sys %S s, peak RSS %M KB' "$@"; }
export Database__Provider=Sqlite Database__Path="$work/db.sqlite"
echo "load: $(cat /proc/loadavg)"
cli generate --province 11 --households "$n" --seed 2026 --output "$work/data" >/dev/null
echo "import $n households:"; timed dotnet "$work/bin/giamngheo.dll" import --households "$work/data/households.csv" --members "$work/data/members.csv" | tail -2
echo "export CSV (households + members):"; timed dotnet "$work/bin/giamngheo.dll" export --unit 11 --output "$work/x.csv" --members "$work/m.csv"
cmp -s "$work/x.csv" "$work/data/households.csv" && cmp -s "$work/m.csv" "$work/data/members.csv" && echo "  round trip: identical to the generated files"
echo "export XLSX:"; timed dotnet "$work/bin/giamngheo.dll" export --unit 11 --output "$work/x.xlsx"
ls -l "$work"/x.* "$work"/m.csv | awk '{print "  " $5 " bytes  " $9}'
echo "load: $(cat /proc/loadavg)"
