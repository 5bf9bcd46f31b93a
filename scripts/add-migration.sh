#!/usr/bin/env bash
# Adds a migration NAME to both provider sets (SQLite and PostgreSQL): ./scripts/add-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh NAME}
dotnet tool restore >/dev/null
dotnet build src/GiamNgheo.Application >/dev/null
for provider in Sqlite Postgres; do
  dotnet dotnet-ef migrations add "$name" --no-build --project src/GiamNgheo.Application \
    --context "${provider}AppDbContext" --output-dir "Persistence/Migrations/$provider"
done
