import Foundation

/// The checker's decision in one byte, for whole-park work: sensitive (approval), NDRC
/// national or provincial, and the commerce level. `FilingCheck.plan` derives it from the
/// explained check; `FilingColumns.plans` computes it for many projects at once.
public struct FilingPlan: Sendable, Hashable {
    public enum Commerce: UInt8, Sendable { case city = 0, province = 1, national = 2 }
    public var sensitive: Bool
    public var ndrcNational: Bool
    public var commerce: Commerce

    public init(sensitive: Bool, ndrcNational: Bool, commerce: Commerce) {
        self.sensitive = sensitive; self.ndrcNational = ndrcNational; self.commerce = commerce
    }

    /// A sensitive project is approved nationally on both sides.
    var normalised: FilingPlan { sensitive ? FilingPlan(sensitive: true, ndrcNational: true, commerce: .national) : self }

    public var code: UInt8 { (sensitive ? 1 : 0) | (ndrcNational ? 2 : 0) | (commerce.rawValue << 2) }
    public init(code: UInt8) {
        self.init(sensitive: code & 1 != 0, ndrcNational: code & 2 != 0, commerce: Commerce(rawValue: (code >> 2) & 3) ?? .city)
    }
}

/// Projects as columns (struct of arrays) for the whole-park checker: amounts, a sensitive
/// flag per country and per division (looked up once per distinct code, not per project),
/// declared activities as a bit set and the date as a day number.
public struct FilingColumns: Sendable {
    public var usdCents: [Int64] = []
    /// Index into `countries`.
    public var country: [UInt16] = []
    /// GB/T 4754 division as a number 1–97 (0 when unknown).
    public var division: [UInt8] = []
    /// Bit i set: declared `SensitiveActivity.allCases[i]`.
    public var activities: [UInt16] = []
    /// `LocalDate.dayNumber` of the date the rules are read at.
    public var day: [Int32] = []
    public private(set) var countries: [String] = []
    private var countryIndex: [String: UInt16] = [:]

    public init() {}

    public var count: Int { usdCents.count }

    public mutating func reserve(_ n: Int) {
        usdCents.reserveCapacity(n); country.reserveCapacity(n); division.reserveCapacity(n)
        activities.reserveCapacity(n); day.reserveCapacity(n)
    }

    public mutating func append(_ input: FilingInput) {
        let c: UInt16
        if let i = countryIndex[input.countryCode] { c = i } else {
            c = UInt16(countries.count); countries.append(input.countryCode); countryIndex[input.countryCode] = c
        }
        usdCents.append(input.usdCents); country.append(c); division.append(UInt8(Int(input.industryCode) ?? 0))
        activities.append(Self.bits(input.activities)); day.append(Int32(input.date.dayNumber))
    }

    public static func bits(_ activities: [SensitiveActivity]) -> UInt16 {
        var b: UInt16 = 0
        for a in activities { b |= 1 << UInt16(SensitiveActivity.allCases.firstIndex(of: a)!) }
        return b
    }

    /// The plan of every project, in order: the same answers as `FilingChecker.check(…).plan`.
    public func plans(rules: FilingRuleSet) -> [UInt8] {
        let sensitiveCountry = Set(rules.sensitiveCountries.map(\.code))
        let countryFlag = countries.map { sensitiveCountry.contains($0) }
        // Per activity bit: the first day it is sensitive (Int32.max when it never is).
        var since = [Int32](repeating: .max, count: SensitiveActivity.allCases.count)
        for a in rules.sensitiveActivities {
            let i = SensitiveActivity.allCases.firstIndex(of: a.activity)!
            since[i] = min(since[i], Int32(a.since?.dayNumber ?? Int(Int32.min)))
        }
        var divisionBits = [UInt16](repeating: 0, count: 256)
        for d in rules.sensitiveDivisions {
            if let n = Int(d.division), (0..<256).contains(n) { divisionBits[n] |= Self.bits([d.activity]) }
        }
        let national = rules.ndrcNationalMinUSDCents, low = rules.commerceProvinceMinUSDCents, high = rules.commerceProvinceMaxUSDCents
        var out = [UInt8](repeating: 0, count: count)
        usdCents.withUnsafeBufferPointer { usd in
            country.withUnsafeBufferPointer { cty in
                division.withUnsafeBufferPointer { div in
                    activities.withUnsafeBufferPointer { act in
                        day.withUnsafeBufferPointer { days in
                            for i in 0..<usd.count {
                                var sensitive = countryFlag[Int(cty[i])]
                                var bits = act[i] | divisionBits[Int(div[i])]
                                var b = 0
                                while bits != 0, !sensitive {
                                    if bits & 1 != 0, days[i] >= since[b] { sensitive = true }
                                    bits >>= 1; b += 1
                                }
                                if sensitive { out[i] = 1 | 2 | (2 << 2); continue }
                                let v = usd[i]
                                let commerce: UInt8 = v < low ? 0 : (v <= high ? 1 : 2)
                                out[i] = (v >= national ? 2 : 0) | (commerce << 2)
                            }
                        }
                    }
                }
            }
        }
        return out
    }
}
