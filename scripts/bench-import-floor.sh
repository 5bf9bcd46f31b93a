#!/usr/bin/env bash
# The engine's own floor for `giamngheo-bench import` (bench/GiamNgheo.Bench): how close to the raw rate can ANY import come, on this machine, with a
# given set of indexes? The rows of a real import (generated, imported once by the CLI) are copied again by the engine
# itself — SQLite: INSERT ... SELECT from the loaded file; PostgreSQL: psql \copy of CSV — so there is no parsing, no
# checking, no classifying and no C# at all. Two timed transactions per index set, each committed:
#   raw   : households + members into bare tables (what `giamngheo-bench import` calls raw)
#   floor : the four registry tables (households, members, surveys, classifications) with their keys, secondary
#           indexes dropped first and built after the load (as the importer does), foreign keys checked, COMMIT.
# Index sets:
#   all        the nine secondary indexes of the schema (pages, lists, reports, ID search)
#   essential  seven: household code, household list order, personal ID, survey and classification keys, the commune
#              report index, and members by household instead of the covering list index
#   integrity  four: household code, survey and classification keys, members by household (no list, report or
#              ID-search index at all: not a usable registry, only a bound)
# ratio = raw time ÷ floor time. An import that also reads, parses, checks and classifies can only be slower.
#
#   scripts/bench-import-floor.sh [N]                 SQLite (needs the sqlite3 shell: apt-get install sqlite3)
#   ConnectionStrings__Postgres='Host=…;Port=…;Username=…;Database=…' scripts/bench-import-floor.sh [N] --postgres
#       also PostgreSQL, in a database it creates on that server and drops afterwards (needs psql)
#   BENCH_FLOOR_DIR=/path …   keeps the build, files and loaded database there and reuses them (same N)
set -euo pipefail
n=${1:-1000000}
postgres=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)
if [[ -n "${BENCH_FLOOR_DIR:-}" ]]; then
  work=$BENCH_FLOOR_DIR
  mkdir -p "$work"
else
  work=$(mktemp -d /tmp/giamngheo-bench-floor.XXXXXX)
  trap 'rm -rf "$work"' EXIT
fi
tables="households members household_surveys household_classifications"
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }
echo "load: $(cat /proc/loadavg)"
src=$work/source.db
if [[ ! -f "$src" || "$(cat "$work/n" 2>/dev/null)" != "$n" ]]; then
  dotnet build "$root/src/GiamNgheo.Cli" -c Release -o "$work/bin" >/dev/null
  rm -rf "$work/data" "$src"*
  dotnet "$work/bin/giamngheo.dll" generate --province 11 --households "$n" --seed 2026 --output "$work/data" >/dev/null
  Database__Provider=Sqlite Database__Path="$src" dotnet "$work/bin/giamngheo.dll" import \
    --households "$work/data/households.csv" --members "$work/data/members.csv" | tail -2 | head -1
  sqlite3 "$src" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
  echo "$n" > "$work/n"
fi
for t in $tables; do echo "  $t: $(sqlite3 "$src" "SELECT count(*) FROM $t") rows"; done

# The secondary indexes of each set (names as SQLite spells them; PostgreSQL cuts names at 63 characters).
keep() {
  case $1 in
    all) echo "" ;;
    essential) echo "IX_households_Code IX_households_CommuneCode_HeadNameFolded IX_members_PersonalId IX_household_surveys_HouseholdId_Year IX_household_classifications_HouseholdId_Year_StandardCode IX_household_classifications_CommuneCode_Year_StandardCode_Category_HouseholdId_VillageCode" ;;
    integrity) echo "IX_households_Code IX_household_surveys_HouseholdId_Year IX_household_classifications_HouseholdId_Year_StandardCode" ;;
  esac
}
extra() { [[ $1 == all ]] || echo 'CREATE INDEX "IX_members_HouseholdId" ON "members" ("HouseholdId");'; }
# SQL list of names; with "pg", as EF names them on PostgreSQL (cut to 62 characters + "~" beyond 63)
in_list() { local list="" k; for k in $1; do [[ ${2:-} == pg && ${#k} -gt 63 ]] && k="${k:0:62}~"; list="$list,'$k'"; done; echo "${list#,}"; }

echo "sqlite (shell $(sqlite3 --version | cut -d' ' -f1)):"
P="PRAGMA journal_mode=WAL; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY; PRAGMA foreign_keys=ON;"
for set in all essential integrity; do
  rm -f "$work"/raw.db* "$work"/floor.db*
  filter=""; [[ -n "$(keep $set)" ]] && filter="AND name IN ($(in_list "$(keep $set)"))"
  s=$(now)
  sqlite3 "$work/raw.db" "$P ATTACH '$src' AS src; BEGIN; CREATE TABLE raw_h AS SELECT * FROM src.households WHERE 0;
    CREATE TABLE raw_m AS SELECT * FROM src.members WHERE 0; INSERT INTO raw_h SELECT * FROM src.households;
    INSERT INTO raw_m SELECT * FROM src.members; COMMIT;" >/dev/null
  raw=$(since "$s")
  schema=$(for t in $tables; do sqlite3 "$src" ".schema $t" | grep -v INDEX; done)
  sqlite3 "$work/floor.db" "$P $schema" >/dev/null
  indexes=$(sqlite3 "$src" "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL $filter
    AND tbl_name IN ('households', 'members', 'household_surveys', 'household_classifications')"; extra $set)
  s=$(now)
  { echo "$P"; echo "ATTACH '$src' AS src; BEGIN;"
    for t in $tables; do echo "INSERT INTO $t SELECT * FROM src.$t;"; done
    echo "$indexes"; echo "COMMIT;"; } | sqlite3 "$work/floor.db" >/dev/null
  floor=$(since "$s")
  printf '  %-9s %d indexes: raw %6.2f s, floor %6.2f s, ratio %.2f\n' $set "$(echo "$indexes" | grep -c INDEX)" "$raw" "$floor" "$(echo "scale=4; $raw / $floor" | bc)"
done
rm -f "$work"/raw.db* "$work"/floor.db*

[[ "$postgres" == --postgres ]] || exit 0
cs=${ConnectionStrings__Postgres:?set ConnectionStrings__Postgres}
part() { echo "$cs" | tr ';' '\n' | awk -F= -v k="$1" 'tolower($1) == tolower(k) { print $2 }'; }
host=$(part Host); port=$(part Port); user=$(part Username)
db=giamngheo_floor_$$
psql_at() { psql -h "$host" -p "${port:-5432}" -U "$user" -v ON_ERROR_STOP=1 -q "$@"; }
psql_at -d "$(part Database)" -c "CREATE DATABASE $db"
cleanup_pg() { psql_at -d "$(part Database)" -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true; }
trap 'cleanup_pg; [[ -n "${BENCH_FLOOR_DIR:-}" ]] || rm -rf "$work"' EXIT
Q() { psql_at -d "$db" "$@"; }
Database__Provider=Postgres ConnectionStrings__Postgres="Host=$host;Port=${port:-5432};Username=$user;Database=$db" \
  dotnet "$work/bin/giamngheo.dll" migrate >/dev/null 2>&1
mkdir -p "$work/csv"
for t in $tables; do [[ -f "$work/csv/$t.csv" ]] || sqlite3 -csv "$src" "SELECT * FROM $t" > "$work/csv/$t.csv"; done
cols() { sqlite3 "$src" "SELECT group_concat('\"' || name || '\"', ',') FROM pragma_table_info('$1')"; }
tl="'households','members','household_surveys','household_classifications'"
secondary="FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
  WHERE t.relname IN ($tl) AND NOT x.indisprimary AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)"
drops=$(Q -At -c "SELECT 'DROP INDEX \"' || i.relname || '\";' $secondary")
restore=$(Q -At -c "SELECT pg_get_indexdef(x.indexrelid) || ';' $secondary")
keys_off=$(Q -At -c "SELECT 'ALTER TABLE \"' || conrelid::regclass::text || '\" DROP CONSTRAINT \"' || conname || '\";' FROM pg_constraint WHERE conrelid::regclass::text IN ($tl) AND contype = 'f'")
keys_on=$(Q -At -c "SELECT 'ALTER TABLE \"' || conrelid::regclass::text || '\" ADD CONSTRAINT \"' || conname || '\" ' || pg_get_constraintdef(oid) || ';' FROM pg_constraint WHERE conrelid::regclass::text IN ($tl) AND contype = 'f'")
echo "postgresql ($(Q -At -c 'SHOW server_version' | cut -d' ' -f1), collation $(Q -At -c 'SHOW lc_collate')):"
for set in all essential integrity; do
  filter=""; [[ -n "$(keep $set)" ]] && filter="AND i.relname IN ($(in_list "$(keep $set)" pg))"
  builds=$(Q -At -c "SELECT pg_get_indexdef(x.indexrelid) || ';' $secondary $filter"; extra $set)
  Q -c CHECKPOINT
  s=$(now)
  { echo "BEGIN; CREATE TABLE raw_h (LIKE households); CREATE TABLE raw_m (LIKE members);"
    echo "\\copy raw_h ($(cols households)) FROM '$work/csv/households.csv' (FORMAT csv)"
    echo "\\copy raw_m ($(cols members)) FROM '$work/csv/members.csv' (FORMAT csv)"
    echo "COMMIT;"; } | Q >/dev/null
  raw=$(since "$s")
  Q -c "DROP TABLE raw_h, raw_m"; Q -c CHECKPOINT
  s=$(now)
  { echo "BEGIN; SET LOCAL maintenance_work_mem = '256MB';"; echo "$drops"; echo "$keys_off"
    for t in $tables; do echo "\\copy $t ($(cols $t)) FROM '$work/csv/$t.csv' (FORMAT csv)"; done
    echo "$builds"; echo "$keys_on"; echo "COMMIT;"; } | Q >/dev/null
  floor=$(since "$s")
  printf '  %-9s %d indexes: raw %6.2f s, floor %6.2f s, ratio %.2f\n' $set "$(echo "$builds" | grep -c INDEX)" "$raw" "$floor" "$(echo "scale=4; $raw / $floor" | bc)"
  # back to the migrated state: empty tables, every index as before
  { echo "BEGIN; TRUNCATE households CASCADE;"; Q -At -c "SELECT 'DROP INDEX \"' || i.relname || '\";' $secondary"
    echo "$restore"; echo "COMMIT;"; } | Q >/dev/null 2>&1
done
echo "load: $(cat /proc/loadavg)"
