#!/usr/bin/env bash
# Browser check of the console: Debian's chromium, headless, driven over the DevTools protocol by
# .ci/browser_check.py against a served small demo park. Signs in through /login as admin and as
# firm-a, follows links to the console's pages in zh and en, and fails on any non-2xx page, console
# error, uncaught exception, CSP violation or failed subresource load. Full-page PNGs: PARKOS_SHOTS_DIR.
# Usage: bash .ci/browser.sh [PARKOS_BINARY]   (default .build/debug/parkos)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-.build/debug/parkos}"
PORT="${PARKOS_BROWSER_PORT:-8094}"
BUDGET="${PARKOS_BROWSER_SECONDS:-300}"
WORK="$(mktemp -d /tmp/parkos-browser.XXXXXX)"
SHOTS="${PARKOS_SHOTS_DIR:-$WORK/shots}"
export DEBIAN_FRONTEND=noninteractive

if ! command -v chromium >/dev/null || ! dpkg -s fonts-noto-cjk >/dev/null 2>&1 || ! command -v curl >/dev/null; then
  echo "== installing chromium and CJK fonts from Debian's packages"
  apt-get update -qq
  apt-get install -y -qq chromium fonts-noto-cjk curl >/dev/null
fi
python3 -c 'import websocket; websocket.create_connection' 2>/dev/null \
  || python3 -m pip install -q websocket-client || python3 -m pip install -q --break-system-packages websocket-client
# Debian's launcher script adds little and warns on some machines; use the browser itself.
CHROME=/usr/lib/chromium/chromium; [ -x "$CHROME" ] || CHROME="$(command -v chromium)"

SERVER=; BROWSER=
cleanup() {
  [ -n "$BROWSER" ] && { kill -- -"$BROWSER" 2>/dev/null || kill "$BROWSER" 2>/dev/null || true; }
  [ -n "$SERVER" ] && { kill "$SERVER" 2>/dev/null || true; }
  wait 2>/dev/null || true
  rm -rf "$WORK/chromium"
}
trap cleanup EXIT

"$BIN" demo --scale small --no-serve --db "$WORK/demo.sqlite" >"$WORK/demo.log" 2>&1 \
  || { echo "FAIL: $BIN demo did not create the demo park"; tail -20 "$WORK/demo.log"; exit 1; }
"$BIN" serve --db "$WORK/demo.sqlite" --port "$PORT" >"$WORK/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null || { echo "FAIL: the server did not answer /healthz on port $PORT"; tail -20 "$WORK/serve.log"; exit 1; }

# A browser that prefers Chinese, as a park official's does: the first pass is zh by Accept-Language.
# Its own session (setsid) so that the trap ends the browser with all its helper processes.
setsid "$CHROME" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars \
  --no-first-run --no-default-browser-check --disable-extensions --disable-background-networking \
  --disable-component-update --disable-sync --disable-features=Translate,MediaRouter,OptimizationHints \
  --user-data-dir="$WORK/chromium" --remote-debugging-address=127.0.0.1 --remote-debugging-port=0 \
  --lang=zh-CN --accept-lang=zh-CN,zh --window-size=1280,900 about:blank >"$WORK/chromium.log" 2>&1 &
BROWSER=$!
for _ in $(seq 1 300); do [ -s "$WORK/chromium/DevToolsActivePort" ] && break; sleep 0.1; done
[ -s "$WORK/chromium/DevToolsActivePort" ] || { echo "FAIL: chromium did not open its DevTools port"; tail -20 "$WORK/chromium.log"; exit 1; }
DEVTOOLS="http://127.0.0.1:$(head -n 1 "$WORK/chromium/DevToolsActivePort")"

echo "== console pages in chromium as admin and firm-a, zh and en (${BUDGET}s at most)"
status=0
timeout --kill-after=10 "$((BUDGET + 20))" python3 -u .ci/browser_check.py \
  "http://127.0.0.1:$PORT" "$DEVTOOLS" "$SHOTS" "$BUDGET" || status=$?
[ "$status" -ge 124 ] && echo "FAIL: the browser check was stopped after $((BUDGET + 20)) s"
[ "$status" -eq 0 ] || status=1

if ! kill -0 "$SERVER" 2>/dev/null; then echo "FAIL: the server stopped during the run"; tail -20 "$WORK/serve.log"; exit 1; fi
if grep -q "unhandled error" "$WORK/serve.log"; then echo "FAIL: the server logged unhandled errors:"; grep "unhandled error" "$WORK/serve.log" | head; exit 1; fi
exit $status
