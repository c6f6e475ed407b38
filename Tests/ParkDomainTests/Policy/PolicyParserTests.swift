import XCTest
@testable import ParkDomain

/// Parse and check errors carry the line, the column and what was expected; lints warn.
final class PolicyParserTests: XCTestCase {
    static func source(_ body: String, valid: String = "valid 2024-01-01 to 2025-12-31") -> String {
        "policy t\ntitle \"测试\" / \"Test\"\n\(valid)\n" + body
    }

    func diagnostic(_ body: String, valid: String = "valid 2024-01-01 to 2025-12-31", file: StaticString = #filePath, line: UInt = #line) -> PolicyDiagnostic? {
        do { _ = try Policy.parse(Self.source(body, valid: valid)); XCTFail("expected an error", file: file, line: line); return nil } catch { return error }
    }

    func testMissingOperandGivesLineColumnAndExpectation() {
        // given an `and` with nothing after it, on line 4
        let d = diagnostic("eligible when regional_hq and\namount = 1 yuan")
        // then the error is at line 5, column 1 (the `amount` keyword), naming what was expected
        XCTAssertEqual(d?.line, 5); XCTAssertEqual(d?.column, 1)
        XCTAssertEqual(d?.code, "expected")
        XCTAssertTrue(d?.message.en.contains("expected a value, a fact or '('") ?? false, d?.message.en ?? "")
        XCTAssertTrue(d?.message.zh.contains("此处应为") ?? false)
        XCTAssertEqual(d?.domainError.field, "5:1")
    }

    func testUnknownFactIsRefusedAtItsPosition() {
        let d = diagnostic("eligible when revenu > 100万元")
        XCTAssertEqual(d?.code, "unknown_name"); XCTAssertEqual(d?.line, 4); XCTAssertEqual(d?.column, 15)
        XCTAssertTrue(d?.message.en.contains("revenu") ?? false)
    }

    func testMoneyComparedWithAPlainNumberIsAUnitError() {
        let d = diagnostic("eligible when revenue > 1000000")
        XCTAssertEqual(d?.code, "type_mismatch"); XCTAssertEqual(d?.line, 4); XCTAssertEqual(d?.column, 15)
        XCTAssertTrue(d?.message.en.contains("money(yuan) and number") ?? false, d?.message.en ?? "")
        XCTAssertTrue(d?.message.en.contains("write the unit") ?? false)
    }

    func testYuanAndDollarsDoNotMix() {
        let d = diagnostic("eligible when true\namount = revenue + utilised_fdi_usd")
        XCTAssertEqual(d?.code, "type_mismatch"); XCTAssertEqual(d?.line, 5); XCTAssertEqual(d?.column, 10)
    }

    func testMoneyTimesMoneyAndAreaPlusMoneyAreRefused() {
        XCTAssertEqual(diagnostic("eligible when true\namount = revenue * tax")?.code, "type_mismatch")
        XCTAssertEqual(diagnostic("eligible when land_mu + 3 mu > 1万元")?.code, "type_mismatch")
    }

    func testMultiplyingByPercentAndDividingMoneyAreFine() throws {
        let p = try Policy.parse(Self.source("eligible when tax / revenue >= 5% and revenue / land_mu > 100万元/mu\namount = tax * 10%"))
        XCTAssertEqual(p.facts.map(\.name), ["tax", "revenue", "land_mu"])
        // a count times a rate per person is money; a number times a rate is a rate
        XCTAssertNoThrow(try Policy.parse(Self.source("eligible when true\namount = employees * 100 yuan/person")))
        XCTAssertNoThrow(try Policy.parse(Self.source("eligible when revenue / employees > 2 * 100万元/person")))
    }

    func testUnknownEnumValueIsRefused() {
        let d = diagnostic("eligible when permu_grade = \"E\"")
        XCTAssertEqual(d?.code, "unknown_code"); XCTAssertEqual(d?.line, 4); XCTAssertEqual(d?.column, 29)
        XCTAssertTrue(d?.message.en.contains("A, B, C, D") ?? false)
    }

    func testEligibilityMustBeAConditionAndAmountMoney() {
        XCTAssertEqual(diagnostic("eligible when revenue")?.code, "type_mismatch")
        let d = diagnostic("eligible when true\namount = 5%")
        XCTAssertEqual(d?.code, "type_mismatch"); XCTAssertEqual(d?.line, 5); XCTAssertEqual(d?.column, 10)
    }

    func testLexerErrors() {
        XCTAssertEqual(diagnostic("eligible when founded_on > 2024-02-30")?.code, "bad_date")
        let s = diagnostic("eligible when ownership = \"foreign")
        XCTAssertEqual(s?.code, "unterminated_string"); XCTAssertEqual(s?.column, 27)
        let c = diagnostic("eligible when revenue > 5万元 & true")
        XCTAssertEqual(c?.code, "unexpected_character"); XCTAssertEqual(c?.line, 4); XCTAssertEqual(c?.column, 29)
    }

    func testMissingStatementsAndBadHeader() {
        XCTAssertEqual((try? Policy.parse("policy t\ntitle \"a\" / \"b\"\neligible when true")) == nil, true)
        do { _ = try Policy.parse("policy t\ntitle \"a\" / \"b\"\nvalid 2024-01-01\n"); XCTFail() } catch {
            XCTAssertEqual(error.code, "missing_statement")
        }
        do { _ = try Policy.parse("policy t\ntitle \"a\"\n"); XCTFail() } catch {
            XCTAssertEqual(error.line, 3); XCTAssertTrue(error.message.en.contains("expected '/'"))
        }
        do { _ = try Policy.parse("policy t\nbudget_rule random\n"); XCTFail() } catch {
            XCTAssertEqual(error.line, 2); XCTAssertEqual(error.column, 13)
        }
    }

    func testScaleErrors() {
        let order = diagnostic("let s = scale marginal rd_spend { up to 500万元: 10%; up to 400万元: 8% }\neligible when s > 0 yuan")
        XCTAssertEqual(order?.code, "scale_order"); XCTAssertEqual(order?.line, 4); XCTAssertEqual(order?.column, 59)
        XCTAssertEqual(diagnostic("let s = scale marginal rd_spend { up to 500万元: 10万元 }\neligible when s > 0 yuan")?.code, "type_mismatch")
        XCTAssertEqual(diagnostic("let s = scale single rd_spend { up to tax: 10万元 }\neligible when s > 0 yuan")?.code, "not_constant")
        let above = diagnostic("let s = scale single rd_spend { above: 1万元; up to 5万元: 2万元 }\neligible when true")
        XCTAssertEqual(above?.code, "expected"); XCTAssertEqual(above?.line, 4)
    }

    func testTableErrors() {
        let cells = diagnostic("let t = table first (revenue, tax) {\n  >= 1亿元 -> 1 yuan;\n}\neligible when t > 0 yuan")
        XCTAssertEqual(cells?.code, "cell_count"); XCTAssertEqual(cells?.line, 5); XCTAssertEqual(cells?.column, 3)
        let hit = diagnostic("let t = table any (revenue) { _ -> 1 yuan; }\neligible when true")
        XCTAssertEqual(hit?.code, "expected"); XCTAssertEqual(hit?.column, 15)
        XCTAssertEqual(diagnostic("let t = table first (revenue) { >= 1亿元 -> 1 yuan; _ -> 5% }\neligible when t > 0 yuan")?.code, "type_mismatch")
    }

    func testRoundNeedsAConstantStepInTheSameUnit() {
        XCTAssertEqual(diagnostic("eligible when true\namount = round(tax, 1)")?.code, "bad_rounding")
        XCTAssertEqual(diagnostic("eligible when true\namount = round(tax, 1 yuan, sideways)")?.code, "bad_rounding")
        XCTAssertEqual(diagnostic("eligible when true\namount = floor(tax)")?.code, "unknown_function")
    }

    func testUnreachableRowUnderFirstIsALint() throws {
        // given a row shadowed by an earlier, wider interval
        let p = try Policy.parse(Self.source("""
        let t = table first (revenue, permu_grade) {
          >= 10亿元, in ["A", "B"] -> 100万元;
          [20亿元, 30亿元), "A" -> 200万元;
          >= 5亿元, _ -> 50万元;
        }
        eligible when t > 0 yuan
        """))
        XCTAssertEqual(p.warnings.map(\.code), ["unreachable_row"])
        XCTAssertEqual(p.warnings.first?.line, 6); XCTAssertEqual(p.warnings.first?.column, 3)
        XCTAssertEqual(p.warnings.first?.severity, .warning)
    }

    func testRowCoveredByTheUnionOfEarlierRowsIsALint() throws {
        let p = try Policy.parse(Self.source("""
        let t = table first (employees) {
          < 100 -> 1 yuan;
          [100, 500] -> 2 yuan;
          > 500 -> 3 yuan;
          _ -> 4 yuan;
        }
        let g = table first (permu_grade) {
          in ["A", "B"] -> 1 yuan;
          "C" -> 2 yuan;
          in ["B", "C"] -> 3 yuan;
          "D" -> 4 yuan;
        }
        eligible when t + g > 0 yuan
        """))
        XCTAssertEqual(p.warnings.map(\.code), ["unreachable_row", "unreachable_row"])
        XCTAssertEqual(p.warnings.map(\.line), [8, 13])
        // a gap keeps the catch-all reachable
        let gap = try Policy.parse(Self.source("""
        let t = table first (employees) { < 100 -> 1 yuan; > 100 -> 2 yuan; _ -> 3 yuan; }
        eligible when t > 0 yuan
        """))
        XCTAssertEqual(gap.warnings, [])
    }

    func testOverlappingRowsUnderUniqueIsALintAndAdjacentIntervalsAreNot() throws {
        let overlapping = try Policy.parse(Self.source("""
        let t = table unique (revenue) {
          [1亿元, 5亿元] -> 1 yuan;
          [5亿元, 9亿元) -> 2 yuan;
        }
        eligible when t > 0 yuan
        """))
        XCTAssertEqual(overlapping.warnings.map(\.code), ["overlapping_rows"])
        XCTAssertEqual(overlapping.warnings.first?.line, 6)
        let adjacent = try Policy.parse(Self.source("""
        let t = table unique (revenue, ownership) {
          [1亿元, 5亿元), _ -> 1 yuan;
          [5亿元, 9亿元), _ -> 2 yuan;
          < 1亿元, "foreign" -> 3 yuan;
          < 1亿元, in ["domestic", "hmt"] -> 4 yuan;
        }
        eligible when t > 0 yuan
        """))
        XCTAssertEqual(adjacent.warnings, [])
    }

    func testParameterExpiringDuringValidityIsALint() throws {
        // given a cap that ends 2024-12-31 while the policy runs to 2025-12-31
        let p = try Policy.parse(Self.source("""
        parameter cap "上限" / "Cap":
          from 2024-01-01 to 2024-12-31: 300万元
        parameter rate:
          from 2024-01-01: 10%
          from 2025-01-01: 12%
        parameter late:
          from 2024-03-01: 1 yuan
        eligible when true
        amount = min(rd_spend * rate, cap) + late
        """))
        XCTAssertEqual(p.warnings.map(\.code), ["parameter_gap", "parameter_gap"])
        XCTAssertEqual(p.warnings[0].line, 4)
        XCTAssertTrue(p.warnings[0].message.en.contains("from 2025-01-01"), p.warnings[0].message.en)
        XCTAssertTrue(p.warnings[1].message.en.contains("late has no value from 2024-01-01"), p.warnings[1].message.en)
        // and an open-ended policy warns about a parameter with an end date
        let open = try Policy.parse(Self.source("parameter cap: from 2024-01-01 to 2030-12-31: 1 yuan\neligible when true\namount = cap",
                                                valid: "valid 2024-01-01"))
        XCTAssertEqual(open.warnings.map(\.code), ["parameter_gap"])
    }

    func testDiagnoseReturnsTheErrorOrTheWarnings() {
        XCTAssertEqual(Policy.diagnose(Self.source("eligible when x")).map(\.code), ["unknown_name"])
        XCTAssertEqual(Policy.diagnose(Self.source("eligible when true")), [])
    }

    func testLiteralsAndUnits() throws {
        // 万元, 亿元, 元, yuan, US$, %, mu, m2, kWh, rates, underscores, negative values
        let src = Self.source("""
        parameter a: from 2024-01-01: 500万元
        parameter b: from 2024-01-01: 1.5亿元
        parameter c: from 2024-01-01: 2_000 元
        parameter d: from 2024-01-01: -0.01 yuan
        parameter e: from 2024-01-01: 12.5%
        parameter f: from 2024-01-01: 1500 m2
        parameter g: from 2024-01-01: 30万元/mu
        parameter h: from 2024-01-01: 0.05 yuan/kWh
        parameter i: from 2024-01-01: 1000000 US$
        eligible when true
        """)
        let p = try Policy.parse(src)
        let raw = p.parameters.map { $0.values[0].raw }
        XCTAssertEqual(raw, [5_000_000_000_000, 150_000_000_000_000, 2_000_000_000, -10_000, 125_000, 2_250_000,
                             300_000_000_000, 50_000, 1_000_000_000_000])
        XCTAssertEqual(p.parameters.map { $0.values[0].type }, [.money(.cny), .money(.cny), .money(.cny), .money(.cny), .number, .area,
                                                                 .rate(.cny, .mu), .rate(.cny, .kWh), .money(.usd)])
        XCTAssertEqual(diagnostic("parameter x: from 2024-01-01: 1.0000001\neligible when true")?.code, "bad_number")
    }
}
