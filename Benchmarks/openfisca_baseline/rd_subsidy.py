"""OpenFisca twin of ParkOS's built-in R&D expense subsidy (sip_rd_expense_subsidy).

The same rule as the policy source in Sources/ParkDomain/Policy/PolicyLibrary+Innovation.swift:
eligible when the enterprise is certified high-tech, above designated size, spends at least
100万元 on R&D and is not per-mu grade D; amount = marginal scale on R&D spend (10 % up to
500万元, 8 % up to 2000万元, 5 % above), capped at 400万元 (2025), rounded to the yuan half up.

OpenFisca has no missing values (a missing input is its default, 0), so the population has
every fact known. Money is float (OpenFisca's float is float32), so the totals are compared
with a tolerance; ParkOS computes in exact fixed point.

    python3 -m venv /tmp/ofvenv && /tmp/ofvenv/bin/pip install openfisca-core
    /tmp/policy-bench-build/release/policy-bench --mode rule --dump /tmp/policy-rule
    /tmp/ofvenv/bin/python Benchmarks/openfisca_baseline/rd_subsidy.py --data /tmp/policy-rule [--runs 7]
"""
import argparse
import os
import statistics
import time

import numpy as np
from openfisca_core.entities import build_entity
from openfisca_core.parameters import ParameterNode
from openfisca_core.periods import YEAR
from openfisca_core.simulations import SimulationBuilder
from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from openfisca_core.variables import Variable

Enterprise = build_entity(key="enterprise", plural="enterprises", label="Enterprise", is_person=True)

PARAMETERS = {
    "rd_subsidy": {
        "minimum_rd": {"values": {"2024-01-01": {"value": 1_000_000}}},
        "cap": {"values": {"2024-01-01": {"value": 3_000_000}, "2025-01-01": {"value": 4_000_000}}},
        "rates": {
            "brackets": [
                {"threshold": {"values": {"2024-01-01": {"value": 0}}}, "rate": {"values": {"2024-01-01": {"value": 0.10}}}},
                {"threshold": {"values": {"2024-01-01": {"value": 5_000_000}}}, "rate": {"values": {"2024-01-01": {"value": 0.08}}}},
                {"threshold": {"values": {"2024-01-01": {"value": 20_000_000}}}, "rate": {"values": {"2024-01-01": {"value": 0.05}}}},
            ],
        },
    },
}


class rd_spend(Variable):
    value_type = float
    entity = Enterprise
    definition_period = YEAR
    label = "R&D expenditure (yuan)"


class high_tech(Variable):
    value_type = bool
    entity = Enterprise
    definition_period = YEAR
    label = "Certified high-tech enterprise"


class above_designated_size(Variable):
    value_type = bool
    entity = Enterprise
    definition_period = YEAR
    label = "Above designated size"


class permu_grade(Variable):
    value_type = int
    entity = Enterprise
    definition_period = YEAR
    label = "Per-mu grade code (0 A … 3 D)"


class rd_subsidy_eligible(Variable):
    value_type = bool
    entity = Enterprise
    definition_period = YEAR
    label = "Eligible for the R&D expense subsidy"

    def formula(enterprise, period, parameters):
        p = parameters(period).rd_subsidy
        return (enterprise("high_tech", period) * enterprise("above_designated_size", period)
                * (enterprise("rd_spend", period) >= p.minimum_rd) * (enterprise("permu_grade", period) != 3))


class rd_subsidy(Variable):
    value_type = float
    entity = Enterprise
    definition_period = YEAR
    label = "R&D expense subsidy (yuan)"

    def formula(enterprise, period, parameters):
        p = parameters(period).rd_subsidy
        base = p.rates.calc(enterprise("rd_spend", period))
        amount = np.floor(np.minimum(base, p.cap) + 0.5)
        return np.where(enterprise("rd_subsidy_eligible", period), amount, 0)


def system():
    tbs = TaxBenefitSystem([Enterprise])
    for v in (rd_spend, high_tech, above_designated_size, permu_grade, rd_subsidy_eligible, rd_subsidy):
        tbs.add_variable(v)
    tbs.parameters = ParameterNode("", data=PARAMETERS)
    return tbs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True, help="directory written by policy-bench --mode rule --dump")
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    rd_fen = np.fromfile(os.path.join(args.data, "rd_spend_fen.i64"), dtype="<i8")
    ht = np.fromfile(os.path.join(args.data, "high_tech.u8"), dtype=np.uint8).astype(bool)
    above = np.fromfile(os.path.join(args.data, "above_size.u8"), dtype=np.uint8).astype(bool)
    grade = np.fromfile(os.path.join(args.data, "grade.i32"), dtype="<i4")
    n = len(rd_fen)
    tbs = system()
    times = []
    result = eligible = None
    for run in range(args.runs + 1):  # the first run warms up and is not counted
        sim = SimulationBuilder().build_default_simulation(tbs, count=n)
        sim.set_input("rd_spend", "2025", rd_fen / 100.0)
        sim.set_input("high_tech", "2025", ht)
        sim.set_input("above_designated_size", "2025", above)
        sim.set_input("permu_grade", "2025", grade)
        t0 = time.perf_counter()
        result = sim.calculate("rd_subsidy", "2025")
        eligible = sim.calculate("rd_subsidy_eligible", "2025")
        t1 = time.perf_counter()
        if run > 0:
            times.append(t1 - t0)
    median = statistics.median(times)
    print(f"openfisca-core rd_subsidy × {n} entities: median {median * 1e3:.2f} ms, fastest {min(times) * 1e3:.2f} ms "
          f"over {args.runs} runs; {median * 1e9 / n:.2f} ns per evaluation (dtype {result.dtype})")
    print(f"openfisca totals: eligible {int(eligible.sum())}, amount {float(result.astype(np.float64).sum()):.2f} yuan")


if __name__ == "__main__":
    main()
