#!/usr/bin/env bash
# Contract check: schemathesis (PyPI) against a served demo park on SQLite, as an administrator
# and as an enterprise user, bounded in examples and time. Fails on any 5xx, any response that
# does not match openapi.yaml (status, content type, headers, body schema), a wrong answer to an
# undeclared method, and a server that stopped or logged an unhandled error.
# Usage: bash .ci/schemathesis.sh [PARKOS_BINARY]   (default .build/debug/parkos)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-.build/debug/parkos}"
PORT="${PARKOS_ST_PORT:-8093}"
BUDGET="${PARKOS_ST_SECONDS:-240}"
WORK="$(mktemp -d /tmp/parkos-st.XXXXXX)"
command -v schemathesis >/dev/null || python3 -m pip install -q 'schemathesis>=4.3,<5'

"$BIN" demo --scale small --no-serve --db "$WORK/demo.sqlite" >"$WORK/demo.log" 2>&1
"$BIN" serve --db "$WORK/demo.sqlite" --port "$PORT" >"$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done

token() {
  curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'content-type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"parkos-demo\"}" | python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])'
}

CHECKS=not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,unsupported_method,allow_header_conformance
status=0
for who in admin firm-a; do
  echo "== schemathesis as $who (${BUDGET}s at most)"
  # Signing out or changing the password would end the run's own session.
  schemathesis run "http://127.0.0.1:$PORT/openapi.yaml" --url "http://127.0.0.1:$PORT/api/v1" \
    -H "Authorization: Bearer $(token "$who")" --checks "$CHECKS" -n 15 --seed 2026 --workers 2 \
    --max-time "$BUDGET" --generation-codec ascii --warnings off \
    --exclude-path /auth/logout --exclude-operation-id updateUser \
    >"$WORK/st-$who.log" 2>&1 || status=1
  sed -n '/SUMMARY/,$p' "$WORK/st-$who.log"
  [ $status -eq 0 ] || { sed -n '/FAILURES/,/SUMMARY/p' "$WORK/st-$who.log" | head -150; }
done

if ! kill -0 $SERVER 2>/dev/null; then echo "the server stopped during the run"; tail -20 "$WORK/serve.log"; exit 1; fi
if grep -q "unhandled error" "$WORK/serve.log"; then echo "the server logged unhandled errors:"; grep "unhandled error" "$WORK/serve.log" | head; exit 1; fi
exit $status
