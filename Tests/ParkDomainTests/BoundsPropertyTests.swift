import Foundation
import ParkDomain
import PropertyBased
import Testing

/// Issue 9: no number from outside, and no stored value, can make the arithmetic trap. Each
/// property runs on random values over the whole range of the type; the edges are checked too.
@Suite struct BoundsPropertyTests {
    static let edges: [Int] = [.min, .min + 1, -1, 0, 1, 2, 499, 500, 501, 999_999, 1_000_000, 1_000_001, .max - 1, .max]

    @Test func pageRequestNeverTrapsAndBoundsTheOffset() async {
        await propertyCheck(count: 2000, input: Gen.int(), Gen.int()) { page, perPage in
            Self.checkPage(page, perPage)
        }
        for p in Self.edges { for n in Self.edges { Self.checkPage(p, n) } }
    }

    static func checkPage(_ page: Int, _ perPage: Int) {
        do {
            let r = try PageRequest(page: page, perPage: perPage)
            #expect((1...PageRequest.maxPage).contains(page) && (1...PageRequest.maxPerPage).contains(perPage))
            #expect(r.offset == (page - 1) * perPage)
            #expect(r.offset <= 499_999_500)
        } catch {
            #expect(error.code == "out_of_range")
            #expect(error.field == (!(1...PageRequest.maxPage).contains(page) ? "page" : "per_page"))
        }
    }

    @Test func checkedAdditionAndProductAreExactOrAnError() async {
        await propertyCheck(count: 2000, input: Gen.int64(), Gen.int64()) { a, b in
            Self.checkArithmetic(a, b)
        }
        let edges: [Int64] = [.min, -1, 0, 1, Bounds.maxYuan, Bounds.maxYuan * 100, .max / 2, .max]
        for a in edges { for b in edges { Self.checkArithmetic(a, b) } }
    }

    static func checkArithmetic(_ a: Int64, _ b: Int64) {
        let exactSum = Decimal(a) + Decimal(b)
        if let s = try? Checked.add(a, b, "sum") { #expect(Decimal(s) == exactSum) } else {
            #expect(exactSum > Decimal(Int64.max) || exactSum < Decimal(Int64.min))
        }
        let wide = a.multipliedFullWidth(by: b)
        let fits = (wide.high == 0 && Int64(bitPattern: wide.low) >= 0) || (wide.high == -1 && Int64(bitPattern: wide.low) < 0)
        if let p = try? Checked.multiply(a, b, "product") { #expect(fits && p == a &* b) } else { #expect(!fits) }
    }

    @Test func fenOfAnyDoubleIsHeldInsideTheMoneyBound() async {
        await propertyCheck(count: 2000, input: Gen.double(in: -1e300...1e300)) { yuan in
            let fen = Checked.fen(yuan)
            #expect(abs(fen) <= Bounds.maxYuan * 100)
        }
        for x in [Double.nan, .infinity, -.infinity, .greatestFiniteMagnitude, 0.005, -0.005, 1e15, 1e16] {
            #expect(abs(Checked.fen(x)) <= Bounds.maxYuan * 100)
        }
        #expect(Checked.fen(12.345) == 1235, "half away from zero")
        #expect(Checked.fen(-12.345) == -1235)
        #expect(Checked.fen(.nan) == 0)
        #expect(Checked.fen(1e16) == Bounds.maxYuan * 100)
    }

    @Test func saturatingAdditionNeverWraps() async {
        await propertyCheck(count: 2000, input: Gen.int64(), Gen.int64()) { a, b in
            let s = Checked.addSaturating(a, b)
            let exact = Decimal(a) + Decimal(b)
            if exact > Decimal(Int64.max) { #expect(s == .max) } else if exact < Decimal(Int64.min) { #expect(s == .min) } else { #expect(Decimal(s) == exact) }
        }
    }

    @Test func moneyAndQuantityBoundsNameTheField() {
        #expect(throws: DomainError.self) { try Bounds.yuan(Bounds.maxYuan + 1, field: "tax_paid_yuan") }
        #expect(throws: DomainError.self) { try Bounds.yuan(-1, field: "tax_paid_yuan") }
        #expect(throws: DomainError.self) { try Bounds.quantity(.nan, field: "electricity_kwh") }
        #expect(throws: DomainError.self) { try Bounds.quantity(.infinity, field: "electricity_kwh") }
        #expect((try? Bounds.yuan(Bounds.maxYuan, field: "x")) == Bounds.maxYuan)
        do { try Bounds.yuan(Int64.max, field: "revenue_yuan") } catch {
            #expect(error.field == "revenue_yuan")
            #expect(error.message.en == "revenue_yuan must be between 0 and 1000000000000000")
        }
        // 100,000 enterprises × 10 leases at the bound overflows Int64 as a sum: why sums are checked.
        #expect((try? Checked.sum(Array(repeating: Bounds.maxYuan, count: 1_000_000), "park total")) == nil)
    }
}

/// The sign-in throttle's rules, by hand.
@Suite struct SignInThrottleTests {
    let t = SignInThrottle()

    @Test func pairWaitsOutTheWindowAfterFiveFailures() {
        let c = SignInThrottle.Counter(failures: 5, windowStartMillis: 0, lastFailureMillis: 60_000)
        #expect(t.wait(.pair, c, now: 60_000) == 840_000, "15 min from the first failure, 1 min later: 14 min")
        #expect(t.wait(.pair, SignInThrottle.Counter(failures: 4, windowStartMillis: 0, lastFailureMillis: 0), now: 1) == nil)
        #expect(t.wait(.pair, c, now: 900_000) == nil, "the window has passed")
    }

    @Test func accountDelayDoublesAndIsCapped() {
        #expect([10, 11, 12, 15, 16, 17, 1_000_000].map { t.delay(afterFailures: $0) } == [1_000, 2_000, 4_000, 32_000, 60_000, 60_000, 60_000])
        let c = SignInThrottle.Counter(failures: 12, windowStartMillis: 0, lastFailureMillis: 10_000)
        #expect(t.wait(.account, c, now: 11_000) == 3_000)
        #expect(t.wait(.account, c, now: 14_000) == nil)
        #expect(SignInThrottle.seconds(1) == 1)
        #expect(SignInThrottle.seconds(60_000) == 60)
        #expect(SignInThrottle.seconds(60_001) == 61)
    }

    @Test func addressLimitIsAnOffice() {
        #expect(t.wait(.address, SignInThrottle.Counter(failures: 99, windowStartMillis: 0, lastFailureMillis: 0), now: 1) == nil)
        #expect(t.wait(.address, SignInThrottle.Counter(failures: 100, windowStartMillis: 0, lastFailureMillis: 0), now: 1) == 899_999)
    }
}
