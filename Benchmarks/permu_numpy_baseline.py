#!/usr/bin/env python3
"""NumPy baseline for PerMuBatch.run: the Huangyan 2022 per-mu formula, vectorised, on
1,000,000 enterprise-years, with ranking (argsort) and share grading, single thread.

    python3 Benchmarks/permu_numpy_baseline.py [--rows N] [--runs R] [--data DIR]

--data DIR reads the rows `permu-bench --dump DIR` wrote (the very rows the Swift benchmark
times) and, when the Swift run's scores and grades are there too, checks that NumPy agrees.
Without it the script draws similar rows itself. Same rules as the Swift preset: scope
(above-size any land; below-size from 3 mu; not producing only once past the contracted date);
score = sum of weight x value / benchmark, uncapped, a negative ratio counting 0, a missing
value 0 except emissions, which get the indicator's average score; above-size and below-size
ranked separately by score (ties share the best rank); shares A 25 / B 45 / C 25 / D 5 by
floor(n x cumulative share / 100), equal scores getting the better grade. Prints the median
and fastest of R timed runs (default 10) after one warm-up run.
"""
import argparse
import os
import time

import numpy as np

ABOVE = [(30, 24.097), (20, 136.16), (20, 2.694), (10, 4929.81), (10, 18.14), (10, 0.0302)]
BELOW = [(50, 11.5932), (50, 0.2352)]
SHARES = (25, 45, 25, 5)
COLUMNS = {"group": np.uint8, "cluster": np.int32, "producing": np.uint8, "past": np.uint8, "land": np.float64,
           "tax": np.float64, "va": np.float64, "revenue": np.float64, "rd": np.float64, "energy": np.float64,
           "emissions": np.float64, "employees": np.float64, "kwh": np.float64}
SUFFIX = {np.uint8: "u8", np.int32: "i32", np.float64: "f64"}


def load(directory):
    return {k: np.fromfile(os.path.join(directory, f"{k}.{SUFFIX[t]}"), dtype=t) for k, t in COLUMNS.items()}


def generate(n, seed=20221231):
    """Rows drawn like the Swift fixture (not the same draws)."""
    rng = np.random.default_rng(seed)
    above = rng.random(n) < 0.75

    def factor():
        return rng.integers(10, 131, n) * rng.integers(10, 301, n) / 10_000

    land = np.where(above, rng.integers(300, 20_001, n), rng.integers(100, 2_001, n)) / 100
    tax = land * np.where(above, 24.097, 11.5932) * factor()
    va = land * 136.16 * factor()
    revenue = va * rng.integers(250, 501, n) / 100
    emissions = np.where(rng.random(n) < 0.10, np.nan, va / (4929.81 * factor()))
    nan = np.full(n, np.nan)
    return {"group": np.where(above, 0, 1).astype(np.uint8), "cluster": rng.integers(-1, 6, n).astype(np.int32),
            "producing": (rng.random(n) >= 0.03).astype(np.uint8), "past": (rng.random(n) < 0.5).astype(np.uint8),
            "land": land, "tax": tax, "va": np.where(above, va, nan), "revenue": revenue,
            "rd": np.where(above, revenue * 0.0302 * factor(), nan),
            "energy": np.where(above, va / (2.694 * factor()), nan), "emissions": np.where(above, emissions, nan),
            "employees": np.where(above, np.maximum(1, np.floor(va / (18.14 * factor()))), nan),
            "kwh": tax * 10_000 / (0.2352 * factor())}


def ratio(num, den):
    """num / den and where it is present (den > 0, finite)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        v = num / den
    return v, (den > 0) & np.isfinite(v)


def group_score(d, mask, rules, values, averaged):
    score = np.zeros(len(mask))
    for k, ((weight, benchmark), (v, ok)) in enumerate(zip(rules, values)):
        s = np.where(ok, np.maximum(v / benchmark, 0), 0.0)
        if k in averaged:
            present = mask & ok
            s = np.where(ok, s, s[present].mean() if present.any() else 0.0)
        score += weight * s
    return score


def evaluate(d):
    n = len(d["land"])
    land, group = d["land"], d["group"]
    in_scope = (land > 0) & ((group == 0) | (land >= 3)) & ((d["producing"] == 1) | (d["past"] == 1))
    above, below = in_scope & (group == 0), in_scope & (group == 1)
    va = d["va"]
    above_values = [ratio(d["tax"], land), ratio(va, land), ratio(va, d["energy"]), ratio(va, d["emissions"]),
                    ratio(va, d["employees"]), ratio(d["rd"], d["revenue"])]
    below_values = [ratio(d["tax"], land), ratio(d["tax"] * 10_000, d["kwh"])]
    score = np.where(above, group_score(d, above, ABOVE, above_values, {3}),
                     np.where(below, group_score(d, below, BELOW, below_values, set()), np.nan))
    grades = np.full(n, 255, dtype=np.uint8)
    ranks = np.zeros(n, dtype=np.int32)
    cumulative = np.cumsum(SHARES[:3])
    for mask in (above, below):
        idx = np.flatnonzero(mask)
        m = len(idx)
        if m == 0:
            continue
        order = np.argsort(-score[idx])
        s = score[idx][order]
        pos = np.arange(m)
        starts = np.empty(m, dtype=bool)
        starts[0] = True
        starts[1:] = s[1:] != s[:-1]
        first = np.maximum.accumulate(np.where(starts, pos, 0))  # a tie's first position
        cuts = np.floor(m * cumulative / 100 + 1e-9).astype(np.int64)
        rows = idx[order]
        grades[rows] = np.searchsorted(cuts, first, side="right")
        ranks[rows] = first + 1
    return score, grades, ranks


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--data", help="directory written by permu-bench --dump")
    args = parser.parse_args()
    d = load(args.data) if args.data else generate(args.rows)
    n = len(d["land"])
    score, grades, ranks = evaluate(d)
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        score, grades, ranks = evaluate(d)
        times.append(time.perf_counter() - start)
    times.sort()
    print(f"numpy {np.__version__}: {n} enterprise-years ({'from ' + args.data if args.data else 'generated'})")
    print(f"NumPy baseline (Huangyan 2022, argsort, shares 25/45/25/5): median {times[len(times) // 2] * 1e3:.2f} ms, "
          f"fastest {times[0] * 1e3:.2f} ms over {args.runs} runs")
    counts = [int((grades == g).sum()) for g in range(4)]
    print(f"grades: A {counts[0]}, B {counts[1]}, C {counts[2]}, D {counts[3]}, out of scope {int((grades == 255).sum())}")
    if args.data and os.path.exists(os.path.join(args.data, "grades.u8")):
        swift_scores = np.fromfile(os.path.join(args.data, "scores.f64"))
        swift_grades = np.fromfile(os.path.join(args.data, "grades.u8"), dtype=np.uint8)
        swift_ranks = np.fromfile(os.path.join(args.data, "ranks.i32"), dtype=np.int32)
        graded = ~np.isnan(score)
        close = np.allclose(score[graded], swift_scores[graded], rtol=1e-12, atol=0)
        print(f"agrees with the Swift run: scores {close} (rtol 1e-12), grades differ on {int((grades != swift_grades).sum())} rows, "
              f"ranks differ on {int((ranks != swift_ranks).sum())} rows")


if __name__ == "__main__":
    main()
