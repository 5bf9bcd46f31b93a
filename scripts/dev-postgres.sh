#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 on 127.0.0.1 for development and prints the variable to export, e.g.
#   eval "$(scripts/dev-postgres.sh)"   then   dotnet test --project tests/GiamNgheo.Application.Tests
# Stop it with: scripts/dev-postgres.sh stop <dir printed as PG_ROOT>
set -euo pipefail
PG_BIN=/usr/lib/postgresql/15/bin
if [ "${1:-}" = stop ]; then
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$2/data" -m fast -w stop >/dev/null; rm -rf "$2"; exit 0
fi
port=${PGPORT:-56432}
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
root=$(mktemp -d /tmp/giamngheo-devpg.XXXXXX)
id postgres >/dev/null 2>&1 || useradd -r -M postgres
chown postgres:postgres "$root"; chmod 700 "$root"
runuser -u postgres -- "$PG_BIN/initdb" -D "$root/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$root/data" -l "$root/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $root -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
echo "export ConnectionStrings__Postgres='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres' PG_ROOT=$root"
