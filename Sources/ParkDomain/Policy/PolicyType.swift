import Foundation

/// The currency of a money value in a policy: renminbi (元, 万元, 亿元) or US dollars.
public enum PolicyCurrency: String, Sendable, Hashable, Codable, CaseIterable {
    case cny, usd

    /// The unit word a source file writes after an amount (`yuan`, `US$`).
    public var unitWord: String { self == .cny ? "yuan" : "US$" }
}

/// What a rate is "per": `30万元/mu`, `0.05 yuan/kWh`, `2000 yuan/person`, `0.1 yuan/US$`.
public enum PolicyRateBase: String, Sendable, Hashable, Codable, CaseIterable {
    case mu, kWh, person, usd = "US$"

    /// The type of the quantity the rate is per.
    public var type: PolicyType {
        switch self {
        case .mu: .area
        case .kWh: .energy
        case .person: .count
        case .usd: .money(.usd)
        }
    }
}

/// The type of a fact, parameter or expression. Quantities (number, count, money, area, energy,
/// rate) are exact decimals held as `Int64` micro-units (10⁻⁶ of the canonical unit: yuan,
/// US$, mu, kWh); dates as `yyyymmdd`; booleans as 0/1. No quantity ever passes through
/// binary floating point.
public enum PolicyType: Sendable, Hashable, CustomStringConvertible {
    case bool
    /// A dimensionless number (percent literals such as `10%` are numbers: 0.1).
    case number
    /// A whole count (employees); dimensionless in arithmetic.
    case count
    case money(PolicyCurrency)
    /// Land area, canonical unit mu (亩); `m2` literals convert exactly (1 m² = 0.0015 mu).
    case area
    /// Electricity, kWh.
    case energy
    /// Money per unit of something: `30万元/mu`.
    case rate(PolicyCurrency, PolicyRateBase)
    case date
    /// A code of the named domain (an enumeration or an open code list such as industry codes).
    case code(String)
    /// A set of codes of the named domain (clusters, certifications).
    case codeList(String)

    /// Numbers and counts.
    public var isDimensionless: Bool { self == .number || self == .count }
    /// Types held as micro-units.
    public var isQuantity: Bool {
        switch self {
        case .number, .count, .money, .area, .energy, .rate: true
        default: false
        }
    }

    /// The name used in source files and messages.
    public var description: String {
        switch self {
        case .bool: "bool"
        case .number: "number"
        case .count: "count"
        case .money(let c): "money(\(c.unitWord))"
        case .area: "area(mu)"
        case .energy: "energy(kWh)"
        case .rate(let c, let b): "rate(\(c.unitWord)/\(b.rawValue))"
        case .date: "date"
        case .code(let d): d.isEmpty ? "code" : "code(\(d))"
        case .codeList(let d): "list(\(d))"
        }
    }

    /// Whether two quantity types may be added, subtracted or compared (numbers and counts mix).
    public func sameDimension(as other: PolicyType) -> Bool {
        if isDimensionless && other.isDimensionless { return true }
        return self == other && isQuantity
    }
}

/// Exact fixed-point arithmetic on micro-units shared by the scalar evaluator and the compiled
/// columnar program, so both give the same figures to the last micro-unit.
///
/// Rounding rule of every product and quotient: to the micro-unit, half away from zero.
public enum PolicyFixed {
    /// 10⁶: micro-units per unit.
    public static let one: Int64 = 1_000_000
    /// Micro-units per fen (0.01 yuan).
    public static let perFen: Int64 = 10_000

    /// `a × b` for micro-unit operands, rounded to the micro-unit half away from zero.
    @inline(__always)
    public static func multiply(_ a: Int64, _ b: Int64) -> Int64 {
        let (p, overflow) = a.multipliedReportingOverflow(by: b)
        if !overflow {
            let half: Int64 = p < 0 ? -500_000 : 500_000
            let (q, o2) = p.addingReportingOverflow(half)
            if !o2 { return q / one }
        }
        return wideDivide(a.multipliedFullWidth(by: b), one)
    }

    /// `a ÷ b` for micro-unit operands, rounded to the micro-unit half away from zero; 0 when `b` is 0.
    @inline(__always)
    public static func divide(_ a: Int64, _ b: Int64) -> Int64 {
        if b == 0 { return 0 }
        return wideDivide(a.multipliedFullWidth(by: one), b)
    }

    /// The magnitude results saturate at (half the Int64 range, 4.6 × 10¹² units): a quotient by a
    /// tiny divisor in bad data must not stop a whole-park run.
    public static let saturation: Int64 = Int64.max / 2

    /// A 128-bit value divided by `d`, rounded half away from zero, saturating at ±`saturation`.
    static func wideDivide(_ p: (high: Int64, low: UInt64), _ d: Int64) -> Int64 {
        let negative = (p.high < 0) != (d < 0)
        // Magnitudes as unsigned 128-bit (high, low).
        var hi = UInt64(bitPattern: p.high), lo = p.low
        if p.high < 0 { lo = ~lo &+ 1; hi = ~hi &+ (lo == 0 ? 1 : 0) }
        let dm = d.magnitude
        guard hi < dm else { return negative ? -saturation : saturation }
        let (q, r) = dm.dividingFullWidth((hi, lo))
        var m = q
        if r >= dm - r { m += 1 }  // remainder at least half: away from zero
        let v = Int64(min(m, UInt64(saturation)))
        return negative ? -v : v
    }

    /// `x` rounded to a multiple of `step` (> 0) by `mode` (branch-free: truncating division of
    /// `x` moved away from zero by half a step, a whole step less one, or nothing).
    @inline(__always)
    public static func round(_ x: Int64, step: Int64, mode: PolicyRounding) -> Int64 {
        let sign: Int64 = (x >> 63) | 1
        let offset: Int64
        switch mode {
        case .down: offset = 0
        case .up: offset = step - 1
        case .halfUp: offset = step / 2
        }
        return (x &+ sign &* offset) / step &* step
    }

    /// Micro-yuan to fen, half away from zero.
    @inline(__always)
    public static func fen(fromMicro x: Int64) -> Int64 { (x &+ ((x >> 63) | 1) &* 5_000) / perFen }

    /// Renders micro-units as a decimal with up to six places, trailing zeros dropped.
    public static func decimal(_ x: Int64, minPlaces: Int = 0) -> String {
        let neg = x < 0
        let m = x.magnitude
        let whole = m / UInt64(one), frac = m % UInt64(one)
        var f = String(frac)
        f = String(repeating: "0", count: 6 - f.count) + f
        while f.count > minPlaces, f.hasSuffix("0") { f.removeLast() }
        var w = String(whole)
        var grouped = ""
        while w.count > 3 { grouped = "," + w.suffix(3) + grouped; w.removeLast(3) }
        grouped = w + grouped
        return (neg ? "-" : "") + grouped + (f.isEmpty ? "" : "." + f)
    }

    /// A value of `type` for explanations.
    public static func render(_ raw: Int64, _ type: PolicyType) -> String {
        switch type {
        case .bool: return raw != 0 ? "true" : "false"
        case .date: return String(format: "%04d-%02d-%02d", Int(raw / 10_000), Int(raw / 100 % 100), Int(raw % 100))
        case .money(let c): return decimal(raw, minPlaces: 2) + " " + c.unitWord
        case .area: return decimal(raw) + " mu"
        case .energy: return decimal(raw) + " kWh"
        case .rate(let c, let b): return decimal(raw) + " \(c.unitWord)/\(b.rawValue)"
        default: return decimal(raw)
        }
    }
}

/// How `round` treats the part below the step.
public enum PolicyRounding: String, Sendable, Hashable, Codable, CaseIterable {
    /// Half away from zero (四舍五入).
    case halfUp = "half_up"
    /// Toward zero (舍去).
    case down
    /// Away from zero (进一).
    case up
}
