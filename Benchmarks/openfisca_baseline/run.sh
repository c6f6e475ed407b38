#!/bin/sh
# Times the R&D expense subsidy in ParkOS (policy-bench --mode rule) and in OpenFisca on the same
# 1,000,000 seeded enterprises, one after the other, and prints both figures and totals.
#   Benchmarks/openfisca_baseline/run.sh [POLICY_BENCH_BINARY] [PYTHON]
# Defaults: /tmp/policy-bench-build/release/policy-bench and /tmp/ofvenv/bin/python (a venv with
# `pip install -r Benchmarks/openfisca_baseline/requirements.txt`).
set -eu
BENCH=${1:-/tmp/policy-bench-build/release/policy-bench}
PY=${2:-/tmp/ofvenv/bin/python}
DATA=${TMPDIR:-/tmp}/policy-rule-data
HERE=$(cd "$(dirname "$0")" && pwd)
"$BENCH" --mode rule --entities 1000000 --runs 7 --dump "$DATA"
"$PY" "$HERE/rd_subsidy.py" --data "$DATA" --runs 7
