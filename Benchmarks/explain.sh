#!/usr/bin/env bash
# Which page or API list makes PostgreSQL scan a big table sequentially: loads auto_explain for
# the database's sessions (JSON plans of every statement into the server's log), walks every
# console page and API list once as each role, and prints each sequential scan of a table that
# holds more than BIG rows (default 20,000: at the large demo, the enterprises, their reports,
# results and facts, the audit trail), with the route and the statement. Bounded, loopback only.
#   DATABASE_URL=postgres://postgres@127.0.0.1:5433/parkos_large PG_LOG=/tmp/pg/log \
#     SCALE=large bash Benchmarks/explain.sh
# Needs: a superuser DATABASE_URL (to load auto_explain), PG_LOG = the file the PostgreSQL server
# writes its log to (pg_ctl -l FILE), psql, a built parkos (BIN, default the release build).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?DATABASE_URL=postgres://… (a superuser) is required}"
: "${PG_LOG:?PG_LOG=the PostgreSQL server log file is required}"
SCALE="${SCALE:-large}"; PORT="${PORT:-8099}"; BIG="${BIG:-20000}"
BIN="${BIN:-.build/release/parkos}"
[ -x "$BIN" ] || { echo "build first: swift build -c release --product parkos" >&2; exit 1; }
DBNAME=$(python3 -c 'import sys,urllib.parse;print(urllib.parse.urlsplit(sys.argv[1]).path.lstrip("/"))' "$DATABASE_URL")

"$BIN" demo --scale "$SCALE" --no-serve >/dev/null
psql -q "$DATABASE_URL" -c "ANALYZE" \
  -c "ALTER DATABASE \"$DBNAME\" SET session_preload_libraries = 'auto_explain'" \
  -c "ALTER DATABASE \"$DBNAME\" SET auto_explain.log_min_duration = 0" \
  -c "ALTER DATABASE \"$DBNAME\" SET auto_explain.log_format = 'json'"
TABLES=$(psql -qAt "$DATABASE_URL" -c "SELECT string_agg(relname, ',') FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND reltuples > $BIG")
echo "tables over $BIG rows: $TABLES"
"$BIN" serve --port "$PORT" >/tmp/parkos-explain-serve.log 2>&1 &
SERVER=$!
cleanup() {
  kill $SERVER 2>/dev/null || true
  psql -q "$DATABASE_URL" -c "ALTER DATABASE \"$DBNAME\" RESET session_preload_libraries" \
    -c "ALTER DATABASE \"$DBNAME\" RESET auto_explain.log_min_duration" -c "ALTER DATABASE \"$DBNAME\" RESET auto_explain.log_format" || true
}
trap cleanup EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
python3 Benchmarks/pagewalk.py --base "http://127.0.0.1:$PORT" --roles "${ROLES:-admin,econ,firm-a}" \
  --explain-log "$PG_LOG" --big-tables "$TABLES"
