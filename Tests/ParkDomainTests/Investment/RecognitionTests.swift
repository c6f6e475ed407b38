import Foundation
@testable import ParkDomain
import XCTest

/// Headquarters recognition (issue 11 item 5) with hand-computed thresholds: each boundary
/// exactly at and one unit (one yuan) under, a missing fact answers "undetermined" naming it.
final class RecognitionTests: XCTestCase {
    let asOf = LocalDate(iso: "2026-06-30")!
    var jiangsuHQ: RecognitionRuleSet { RecognitionRuleSet.builtIn[0] }
    var jiangsuFU: RecognitionRuleSet { RecognitionRuleSet.builtIn[1] }
    var sip: RecognitionRuleSet { RecognitionRuleSet.builtIn[2] }

    func jiangsu(managed: Int? = 6, outside: Int? = 1, share: String? = "0.5001") -> PolicyFacts {
        var f = PolicyFacts()
        if let managed { f["managed_entities"] = .count(managed) }
        if let outside { f["managed_entities_outside_province"] = .count(outside) }
        if let share { f["foreign_parent_share"] = .decimal(Decimal(string: share)!) }
        return f
    }

    func sipFacts(industry: String = "39", paidIn: Int64? = 10_000_000, controlled: Int? = 3, share: String? = "0.20",
                  revenue: Int64? = 800_000_000, tax: Int64? = 40_000_000) -> PolicyFacts {
        var f = PolicyFacts()
        f["industry"] = .code(industry)
        if let paidIn { f["paid_in_capital"] = .yuan(paidIn) }
        if let controlled { f["controlled_outside_park"] = .count(controlled) }
        if let share { f["controlled_outside_revenue_share"] = .decimal(Decimal(string: share)!) }
        if let revenue { f["revenue"] = .yuan(revenue) }
        if let tax { f["tax"] = .yuan(tax) }
        return f
    }

    func verdict(_ r: RecognitionRuleSet, _ f: PolicyFacts) throws -> RecognitionCheck.Verdict { try r.check(f, asOf: asOf).verdict }

    func testJiangsuHeadquartersBoundaries() throws {
        XCTAssertEqual(try verdict(jiangsuHQ, jiangsu()), .met)                          // 6 managed, 1 outside, 50.01 %
        XCTAssertEqual(try verdict(jiangsuHQ, jiangsu(managed: 5)), .notMet)              // one under 6
        XCTAssertEqual(try verdict(jiangsuHQ, jiangsu(outside: 0)), .notMet)              // none outside Jiangsu
        XCTAssertEqual(try verdict(jiangsuHQ, jiangsu(share: "0.5")), .notMet)            // exactly 50 %: the rule is > 50 %
        XCTAssertEqual(try verdict(jiangsuHQ, jiangsu(managed: 40, outside: 12, share: "1")), .met)
        // a functional unit needs 3
        XCTAssertEqual(try verdict(jiangsuFU, jiangsu(managed: 3)), .met)
        XCTAssertEqual(try verdict(jiangsuFU, jiangsu(managed: 2)), .notMet)
        XCTAssertEqual(try verdict(jiangsuHQ, jiangsu(managed: 3)), .notMet)
    }

    func testAMissingFactIsUndeterminedAndNamedUnlessAnotherConditionFails() throws {
        let c = try jiangsuHQ.check(jiangsu(share: nil), asOf: asOf)
        XCTAssertEqual(c.verdict, .undetermined)
        XCTAssertEqual(c.missingFacts.map(\.fact), ["foreign_parent_share"])
        XCTAssertEqual(c.missingFacts.first?.label.en, "Foreign parent's shareholding")
        // false and unknown is false: five entities decide it without the share
        let failed = try jiangsuHQ.check(jiangsu(managed: 5, share: nil), asOf: asOf)
        XCTAssertEqual(failed.verdict, .notMet)
        XCTAssertEqual(failed.missingFacts.map(\.fact), [])
        let nothing = try jiangsuHQ.check(PolicyFacts(), asOf: asOf)
        XCTAssertEqual(Set(nothing.missingFacts.map(\.fact)), ["managed_entities", "managed_entities_outside_province", "foreign_parent_share"])
    }

    func testSIPManufacturingFloorsAtAndOneYuanUnder() throws {
        XCTAssertEqual(try verdict(sip, sipFacts()), .met)   // exactly at every floor: 10 M, 3, 20 %, 800 M, 40 M
        XCTAssertEqual(try verdict(sip, sipFacts(paidIn: 9_999_999)), .notMet)
        XCTAssertEqual(try verdict(sip, sipFacts(controlled: 2)), .notMet)
        XCTAssertEqual(try verdict(sip, sipFacts(share: "0.199999")), .notMet)
        XCTAssertEqual(try verdict(sip, sipFacts(revenue: 799_999_999)), .notMet)
        XCTAssertEqual(try verdict(sip, sipFacts(tax: 39_999_999)), .notMet)
        // section C is divisions 13–43: 13 and 43 are manufacturing, 44 (electricity) is not
        XCTAssertEqual(try verdict(sip, sipFacts(industry: "13", revenue: 70_000_000, tax: 8_000_000)), .notMet)
        XCTAssertEqual(try verdict(sip, sipFacts(industry: "43", revenue: 70_000_000, tax: 8_000_000)), .notMet)
        XCTAssertEqual(try verdict(sip, sipFacts(industry: "44", revenue: 70_000_000, tax: 8_000_000)), .met)
    }

    func testSIPOtherSectorsFloorsAtAndOneYuanUnder() throws {
        XCTAssertEqual(try verdict(sip, sipFacts(industry: "65", revenue: 70_000_000, tax: 8_000_000)), .met)
        XCTAssertEqual(try verdict(sip, sipFacts(industry: "65", revenue: 69_999_999, tax: 8_000_000)), .notMet)
        XCTAssertEqual(try verdict(sip, sipFacts(industry: "65", revenue: 70_000_000, tax: 7_999_999)), .notMet)
        let missing = try sip.check(sipFacts(industry: "65", revenue: nil), asOf: asOf)
        XCTAssertEqual(missing.verdict, .undetermined)
        XCTAssertEqual(missing.missingFacts.map(\.fact), ["revenue"])
    }

    func testEachConditionIsExplainedInBothLanguages() throws {
        let c = try sip.check(sipFacts(revenue: 799_999_999), asOf: asOf)
        XCTAssertEqual(c.explanation.conditions.count, 5)
        XCTAssertEqual(c.explanation.conditions.map(\.result), [true, true, true, false, true])
        let zh = c.sentences(.zh), en = c.sentences(.en)
        XCTAssertEqual(zh.count, 5); XCTAssertEqual(en.count, 5)
        XCTAssertTrue(zh[3].hasPrefix("[不符合]"), zh[3])
        XCTAssertTrue(en[3].hasPrefix("[not met]"), en[3])
        XCTAssertTrue(zh[3].contains("营业收入"), zh[3])
        XCTAssertTrue(en[3].contains("Revenue"), en[3])
        XCTAssertTrue(en[0].hasPrefix("[met]"), en[0])
        // the thresholds are parameters from 1 January of the rule set's year
        let floor = try XCTUnwrap(c.explanation.parameters.first { $0.name == "manufacturing_revenue_floor" })
        XCTAssertEqual(floor.effectiveFrom.iso, "2017-01-01")
        for r in RecognitionRuleSet.builtIn { XCTAssertEqual(try r.policy().warnings.count, 0, r.code) }
    }

    func testThresholdsAreDataAndBadOnesAreRefusedNamingTheField() throws {
        var r = jiangsuHQ
        r.thresholds.managedEntities = 7
        XCTAssertEqual(try verdict(r, jiangsu()), .notMet)
        XCTAssertEqual(try verdict(r, jiangsu(managed: 7)), .met)
        func field(_ change: (inout RecognitionRuleSet) -> Void) -> String? {
            var x = sip; change(&x)
            do { try x.validate(); return nil } catch { return error.field }
        }
        XCTAssertEqual(field { $0.thresholds.paidInCapitalYuan = -1 }, "paid_in_capital_yuan")
        XCTAssertEqual(field { $0.thresholds.outsideRevenueSharePercent = 101 }, "outside_revenue_share_pct")
        XCTAssertEqual(field { $0.thresholds.otherTaxYuan = nil }, "manufacturing_revenue_yuan")
        XCTAssertEqual(field { $0.code = "SIP 2017" }, "code")
        XCTAssertEqual(field { $0.year = 1900 }, "year")
        XCTAssertEqual(field { $0.source = "say \"hi\"" }, "source")
        XCTAssertEqual(field { $0.thresholds = RecognitionThresholds() }, "thresholds")
        XCTAssertNil(field { _ in })
        XCTAssertThrowsError(try sip.check(sipFacts(), asOf: LocalDate(iso: "2016-12-31")!))
    }
}
