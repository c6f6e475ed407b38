#!/usr/bin/env bash
# The page walk on one ParkOS server, loopback only, bounded: every console page (crawled by its
# links as each role) and every API list, single-user p50/p99 and wrk at 16 connections, beside
# /healthz in the same run; the server's RSS after the walk. Needs a release build and wrk:
#   swift build -c release --product parkos
#   SCALE=large bash Benchmarks/pagewalk.sh                 # SQLite demo park of that scale (created if missing)
#   DATABASE_URL=postgres://… SCALE=large bash Benchmarks/pagewalk.sh
# Options (environment): SCALE (sip), PORT (8098), CONNECTIONS (16), DURATION (3 s per route),
# SAMPLES (20 single-user requests per route), ROLES (admin,econ,firm-a), DB, BIN, MARKDOWN (file).
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE="${SCALE:-sip}"; PORT="${PORT:-8098}"
DB="${DB:-/tmp/parkos-walk-$SCALE.sqlite}"
BIN="${BIN:-.build/release/parkos}"
[ -x "$BIN" ] || { echo "build first: swift build -c release --product parkos" >&2; exit 1; }
command -v wrk >/dev/null || echo "wrk is missing (apt-get install -y wrk): single-user timings only" >&2

if [ -z "${DATABASE_URL:-}" ]; then
  [ -f "$DB" ] || { echo "creating the $SCALE demo park in $DB"; /usr/bin/time -f "demo: %e s, %M KB max RSS" "$BIN" demo --scale "$SCALE" --db "$DB" --no-serve >/dev/null; }
  SERVE=(serve --db "$DB")
else
  /usr/bin/time -f "demo: %e s, %M KB max RSS" "$BIN" demo --scale "$SCALE" --no-serve >/dev/null
  SERVE=(serve)
fi
"$BIN" "${SERVE[@]}" --port "$PORT" >/tmp/parkos-walk-serve.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
echo "ParkOS page walk, $SCALE park, $( [ -n "${DATABASE_URL:-}" ] && echo PostgreSQL || echo "SQLite $DB"), $(date -u +%FT%TZ)"
python3 Benchmarks/pagewalk.py --base "http://127.0.0.1:$PORT" --roles "${ROLES:-admin,econ,firm-a}" \
  --samples "${SAMPLES:-20}" --connections "${CONNECTIONS:-16}" --duration "${DURATION:-3}" --pid "$SERVER" \
  ${MARKDOWN:+--markdown "$MARKDOWN"} ${NO_LOAD:+--no-load}
