#!/usr/bin/env bash
# The README's figures of the demo park, compared with the demo as it is generated: creates the
# default demo park (`parkos demo --no-serve`, SIP scale, seed 2026) and fails when the README
# quotes other counts of enterprises, parcels or leases, or other per-mu grade counts of an
# enacted year, than the ones the demo prints while it is created. Takes about 40 s.
# Usage: bash .ci/readme_demo.sh [PARKOS_BINARY]   (default .build/debug/parkos)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-.build/debug/parkos}"
WORK="$(mktemp -d /tmp/parkos-readme.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

"$BIN" demo --no-serve --db "$WORK/demo.sqlite" >"$WORK/demo.log" 2>&1 \
  || { echo "FAIL: $BIN demo did not create the demo park"; tail -20 "$WORK/demo.log"; exit 1; }
# progress lines end in ESC[K and a carriage return: one line each
tr '\r' '\n' <"$WORK/demo.log" | sed 's/\x1b\[K//g' >"$WORK/progress.txt"

python3 - "$WORK/progress.txt" README.md <<'EOF'
import re, sys
progress = open(sys.argv[1], encoding="utf-8").read()
readme = re.sub(r"\s+", " ", open(sys.argv[2], encoding="utf-8").read())
failures = []

def quoted(n):
    return f"{n:,}"

def need(text, what):
    if text not in readme:
        failures.append(f"the README does not say '{text}' ({what}, as the demo generates it)")

m = re.search(r"registered (\d+)/(\d+) enterprises", progress)
parcels = re.search(r"registered (\d+) parcels", progress)
leases = re.search(r"registered (\d+) leases", progress)
if not (m and parcels and leases):
    sys.exit("FAIL: the demo's progress lines changed; read:\n" + progress[-2000:])
need(f"~{quoted(int(m.group(2)))} enterprises", "enterprises")
need(f"{quoted(int(parcels.group(1)))} parcels", "parcels")
need(f"{quoted(int(leases.group(1)))} leases", "leases")

runs = re.findall(r"per-mu evaluation (\d{4}): \d+ graded \(A (\d+), B (\d+), C (\d+), D (\d+)\), enacted", progress)
if not runs:
    sys.exit("FAIL: the demo printed no enacted per-mu evaluation")
years = [y for y, *_ in runs]
need(f"two enacted per-mu evaluations ({', '.join(years)})", "enacted years")
year, a, b, c, d = runs[-1]
need(f"grades A {a}, B {b}, C {c}, D {d} in {year}", f"grade counts of {year}")

if failures:
    print("FAIL: README figures differ from the demo:")
    for f in failures:
        print("  - " + f)
    sys.exit(1)
print(f"README figures match the demo: {m.group(2)} enterprises, {parcels.group(1)} parcels, {leases.group(1)} leases, "
      f"grades {year} A {a}, B {b}, C {c}, D {d}")
EOF
