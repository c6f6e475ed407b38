#!/usr/bin/env bash
# HTTP load on one ParkOS server, loopback only, bounded in time: /healthz (the floor: no
# database work beyond one count), the enterprise list (bearer token, one page of 50), and
# audited writes (PUT of one enterprise, each with its audit entry). Prints wrk's figures side
# by side. Needs wrk (apt-get install wrk) and a release build:
#   swift build -c release --product parkos
#   bash Benchmarks/load.sh                      # SQLite demo park (created if missing)
#   DATABASE_URL=postgres://… bash Benchmarks/load.sh
# Options (environment): PORT (8097), CONNECTIONS (64), THREADS (2), DURATION (15s), DB.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8097}"; C="${CONNECTIONS:-64}"; T="${THREADS:-2}"; D="${DURATION:-15s}"
DB="${DB:-/tmp/parkos-load.sqlite}"
BIN="${BIN:-.build/release/parkos}"
[ -x "$BIN" ] || { echo "build first: swift build -c release --product parkos" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

if [ -z "${DATABASE_URL:-}" ] && [ ! -f "$DB" ]; then "$BIN" demo --db "$DB" --no-serve >/dev/null; fi
if [ -n "${DATABASE_URL:-}" ]; then "$BIN" demo --no-serve >/dev/null 2>&1 || true; fi
"$BIN" serve --db "$DB" --port "$PORT" >/tmp/parkos-load-serve.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done

TOKEN=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'content-type: application/json' \
  -d '{"username":"admin","password":"parkos-demo"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])')
FIRM=$(curl -sf "http://127.0.0.1:$PORT/api/v1/enterprises?per_page=1" -H "Authorization: Bearer $TOKEN" \
  | python3 -c 'import sys,json;print(json.load(sys.stdin)["items"][0]["id"])')
BODY=$(curl -sf "http://127.0.0.1:$PORT/api/v1/enterprises/$FIRM" -H "Authorization: Bearer $TOKEN" \
  | python3 -c 'import sys,json
e=json.load(sys.stdin)
for k in ["id","industry_section","deregistered_on","deregistration_reason"]: e.pop(k,None)
print(json.dumps(e))')

LUA=$(mktemp /tmp/parkos-put.XXXXXX.lua)
python3 - "$BODY" "$LUA" <<'PY'
import json, sys
body = json.loads(sys.argv[1]); out = sys.argv[2]
# Each request changes the employee count, so every PUT writes a row and an audit entry.
tmpl = json.dumps(body).replace('"employees": %s' % json.dumps(body.get("employees")), '"employees": EMP')
if "EMP" not in tmpl: tmpl = tmpl[:-1] + ', "employees": EMP}'
open(out, "w").write('''
wrk.method = "PUT"
wrk.headers["Content-Type"] = "application/json"
counter = 0
request = function()
  counter = counter + 1
  local b = string.gsub(%s, "EMP", tostring(1000 + counter %% 5000))
  return wrk.format(nil, nil, nil, b)
end
''' % json.dumps(tmpl))
PY

run() { # name, path, extra args
  local name=$1 path=$2; shift 2
  local out; out=$(wrk -t"$T" -c"$C" -d"$D" --latency "$@" "http://127.0.0.1:$PORT$path")
  local rps p50 p99 errs
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errs=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')
  printf '%-28s %10s req/s   p50 %8s   p99 %8s   %s\n' "$name" "$rps" "$p50" "$p99" "${errs:-0 errors}"
}
echo "ParkOS load, $C connections, $T threads, $D each, $( [ -n "${DATABASE_URL:-}" ] && echo PostgreSQL || echo "SQLite $DB")"
run "GET /healthz" /healthz
run "GET /api/v1/enterprises (50)" "/api/v1/enterprises?per_page=50" -H "Authorization: Bearer $TOKEN"
run "PUT /api/v1/enterprises/{id}" "/api/v1/enterprises/$FIRM" -H "Authorization: Bearer $TOKEN" -s "$LUA"
curl -sf "http://127.0.0.1:$PORT/api/v1/audit/verify" -H "Authorization: Bearer $TOKEN" | python3 -c 'import sys,json;print("audit chain after the writes:", json.load(sys.stdin))'
rm -f "$LUA"
