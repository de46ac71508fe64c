#!/usr/bin/env bash
# Fails when the entities and the migrations disagree: on a freshly migrated
# database, generating a migration must find nothing to do.
set -euo pipefail
db=webhook_hub_schema_check
server=${TEST_DATABASE_SERVER_URL:-postgres://postgres@127.0.0.1:5432}
psql "$server/postgres" -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
export DATABASE_URL="$server/$db"
npm run --silent migration:run >/dev/null
if out=$(npm run --silent migration:generate -- migrations/SchemaDrift --dryrun 2>&1); then
  echo "$out" | head -40
  echo "Entities and migrations disagree: run npm run migration:generate -- migrations/<Name> and add it to migrations/index.ts" >&2
  psql "$server/postgres" -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
  exit 1
fi
echo "$out" | grep -q "No changes in database schema were found" || { echo "$out"; exit 1; }
psql "$server/postgres" -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
echo "Entities and migrations agree."
