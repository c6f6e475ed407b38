import XCTest
@testable import ParkDomain

/// The compiled columnar program must give the scalar evaluator's answers: status, amount and
/// missing facts, row for row.
final class PolicyColumnarTests: XCTestCase {
    /// Policies reaching every op: abs, division, max, years_since, as_of, not in, between,
    /// unique and collect_sum tables, if-then-else over codes and lists, rates, single scales.
    static let extraSources = [
        """
        policy ops_a
        title "测试A" / "Ops A"
        valid 2020-01-01
        parameter floor: from 2020-01-01: 50万元
        let per_head = revenue / employees
        let productivity = table unique (permu_grade, per_head) {
          "A", _ -> 3;
          in ["B", "C"], >= 100万元/person -> 2;
          in ["B", "C"], < 100万元/person -> 1;
          "D", _ -> 0;
        }
        eligible when not (ownership not in ["foreign", "hmt"]) or (tax between 100万元 and 5000万元 and years_since(founded_on) < 10)
          or founded_on >= as_of
        amount = max(floor, abs(tax - revenue * 5%) * productivity, per_head * 1 person)
        """,
        """
        policy ops_b
        title "测试B" / "Ops B"
        valid 2020-01-01
        let bonus = table collect_sum ("high_tech" in certifications, "biomedicine" in clusters, land_mu) {
          true, _, _ -> 10万元;
          _, true, [10 mu, 50 mu) -> 5万元;
          _, _, > 30 mu -> tax * 1%;
        }
        eligible when (above_designated_size or listed) and not fortune500 and employees_avg >= 20
        amount = if rd_centre then bonus + scale single revenue { up to 1亿元: 5万元; up to 10亿元: 20万元 } else bonus / 2
        """,
        """
        policy ops_c
        title "测试C" / "Ops C"
        valid 2020-01-01
        eligible when industry in ["27", "35", "39"] and origin_country != "CN" or fixed_asset_investment > 1亿元 and lease_state = "active"
        amount = round(min(fixed_asset_investment * 3% - 10000 yuan, 800万元), 1000 yuan, up) + electricity_kwh * 0.01 yuan/kWh
        """,
        """
        policy ops_d
        title "测试D" / "Ops D"
        valid 2020-01-01
        # values computed for eligibility and reused by the amount (compacted to the eligible rows)
        let ratio = tax / revenue
        let size = employees + employees_avg
        eligible when ratio >= 2% and size > 500 and ownership in ["foreign", "joint_venture", "domestic"]
        amount = revenue * ratio * 10% + size * 100 yuan/person + (if listed then tax * 1% else 0 yuan)
        """,
    ]

    static func randomFacts(_ rng: inout SeededGenerator, missingPercent: Int) -> PolicyFacts {
        var f = PolicyFacts()
        func maybe(_ name: String, _ v: @autoclosure () -> PolicyFactValue) { if !rng.chance(missingPercent) { f[name] = v() } }
        let grades = ["A", "B", "C", "D"], tiers = ["global", "asia_pacific", "china", "regional"]
        let owners = ["domestic", "foreign", "hmt", "joint_venture"], states = ["active", "extended", "expiring", "terminated"]
        let certs = PolicyFactCatalogue.certificationCodes, clusters = ["biomedicine", "nanotech", "ai", "semiconductors"]
        maybe("industry", .code(rng.pick(["27", "35", "39", "40", "65"])))
        maybe("clusters", .codes(clusters.filter { _ in rng.chance(30) }))
        maybe("ownership", .code(rng.pick(owners)))
        maybe("origin_country", .code(rng.pick(["CN", "US", "DE", "JP", "SG"])))
        maybe("above_designated_size", .bool(rng.chance(60)))
        maybe("employees", .count(rng.int(in: 0...3000)))
        maybe("founded_on", .date(LocalDate(year: rng.int(in: 1995...2026), month: rng.int(in: 1...12), day: rng.int(in: 1...28))!))
        maybe("regional_hq", .bool(rng.chance(30)))
        maybe("hq_tier", .code(rng.pick(tiers)))
        maybe("rd_centre", .bool(rng.chance(30)))
        maybe("fortune500", .bool(rng.chance(20)))
        maybe("listed", .bool(rng.chance(20)))
        maybe("certifications", .codes(certs.filter { _ in rng.chance(35) }))
        maybe("revenue", .fen(Int64(rng.int(in: 0...1_000_000)) * Int64(rng.int(in: 1...1_000_000))))
        maybe("tax", .fen(Int64(rng.int(in: 0...100_000)) * Int64(rng.int(in: 1...500_000))))
        maybe("rd_spend", .fen(Int64(rng.int(in: 0...200_000)) * Int64(rng.int(in: 1...100_000))))
        maybe("fixed_asset_investment", .fen(Int64(rng.int(in: 0...1_000_000)) * Int64(rng.int(in: 1...100_000))))
        maybe("utilised_fdi_usd", .fen(Int64(rng.int(in: 0...100_000)) * Int64(rng.int(in: 1...500_000))))
        maybe("employees_avg", .count(rng.int(in: 0...3000)))
        maybe("land_mu", .quantity(micro: Int64(rng.int(in: 0...20_000)) * 10_000))
        maybe("lease_state", .code(rng.pick(states)))
        maybe("permu_grade", .code(rng.pick(grades)))
        maybe("permu_d_years", .count(rng.int(in: 0...5)))
        maybe("electricity_kwh", .quantity(micro: Int64(rng.int(in: 0...50_000_000)) * PolicyFixed.one))
        return f
    }

    static func policies() throws -> [Policy] {
        try PolicyLibrary.builtInPolicies() + extraSources.map { try Policy.parse($0) }
    }

    func testColumnarMatchesScalarOnRandomEnterprises() throws {
        // given 1,500 seeded enterprises with about 8 % of facts missing, and every policy
        var rng = SeededGenerator(seed: 20_250_601)
        let rows = (0..<1_500).map { _ in Self.randomFacts(&rng, missingPercent: 8) }
        let table = try PolicyFactTable(rows: rows)
        var statuses = [PolicyStatus: Int]()
        for policy in try Self.policies() {
            for asOf in [LocalDate(year: 2024, month: 6, day: 30)!, LocalDate(year: 2025, month: 6, day: 30)!] {
                guard policy.header.isInForce(on: asOf) else { continue }
                // when
                let results = try PolicyProgram(policy).run(table, asOf: asOf)
                // then
                for (i, facts) in rows.enumerated() {
                    let scalar = try policy.evaluate(facts, asOf: asOf)
                    let columnar = results.outcome(i, policy: policy)
                    statuses[scalar.status, default: 0] += 1
                    if scalar != columnar {
                        XCTFail("\(policy.id) row \(i): scalar \(scalar) columnar \(columnar)"); return
                    }
                }
            }
        }
        // Every status occurs often, so the comparison covers all three answers.
        for s in PolicyStatus.allCases { XCTAssertGreaterThan(statuses[s, default: 0], 500, "\(s)") }
    }

    func testFactsWithoutAColumnAreMissingForEveryRow() throws {
        // given enterprises that never report R&D, grade or certifications (no column at all)
        var rng = SeededGenerator(seed: 99)
        let rows = (0..<300).map { _ -> PolicyFacts in
            var f = Self.randomFacts(&rng, missingPercent: 5)
            for name in ["rd_spend", "permu_grade", "certifications"] { f[name] = nil }
            return f
        }
        let table = try PolicyFactTable(rows: rows)
        for policy in try Self.policies() {
            let results = try PolicyProgram(policy).run(table, asOf: LocalDate(year: 2025, month: 6, day: 30)!)
            for (i, facts) in rows.enumerated() {
                XCTAssertEqual(try policy.evaluate(facts, asOf: LocalDate(year: 2025, month: 6, day: 30)!), results.outcome(i, policy: policy), "\(policy.id) row \(i)")
            }
        }
    }

    func testValuesOutsideTheSafeRangeAreRefused() {
        var t = PolicyFactTable(count: 1)
        XCTAssertThrowsError(try t.setMoney("revenue", fen: [500_000_000_000_000], present: [1]))
        XCTAssertThrowsError(try t.setRaw("employees", values: [Int64.max], present: [1]))
        XCTAssertNoThrow(try t.setMoney("revenue", fen: [400_000_000_000_000], present: [1]))
    }

    func testTableRowsRoundTripToFacts() throws {
        var rng = SeededGenerator(seed: 7)
        let rows = (0..<50).map { _ in Self.randomFacts(&rng, missingPercent: 10) }
        let table = try PolicyFactTable(rows: rows)
        for (i, r) in rows.enumerated() {
            var expected = r
            // A list is stored as a set in vocabulary order.
            for (k, v) in r.values { if case .codes(let cs) = v { expected[k] = .codes(cs) } }
            let back = table.facts(row: i)
            XCTAssertEqual(Set(back.values.keys), Set(expected.values.keys))
            for (k, v) in expected.values {
                if case .codes(let cs) = v, case .codes(let bs)? = back[k] { XCTAssertEqual(Set(cs), Set(bs)) } else { XCTAssertEqual(back[k], v, k) }
            }
        }
    }

    func testColumnLengthAndTypeAreChecked() {
        var t = PolicyFactTable(count: 3)
        XCTAssertThrowsError(try t.setMoney("revenue", fen: [1, 2], present: [1, 1]))
        XCTAssertThrowsError(try t.setMoney("employees", fen: [1, 2, 3], present: [1, 1, 1]))
        XCTAssertThrowsError(try t.set("revenue", row: 0, .bool(true)))
        XCTAssertThrowsError(try t.set("nonsense", row: 0, .bool(true)))
    }
}
